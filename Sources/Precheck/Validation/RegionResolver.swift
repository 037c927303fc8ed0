import Foundation

/// Resolves the places named in a form's region and in an authority's name
/// to GB/T 2260 divisions (any period, so that a licence issued before a
/// district was renamed or merged still resolves).
struct RegionResolver {
    var divisions = AdministrativeDivisions.shared

    /// What an authority's name ends with after its place (longest first).
    static let authoritySuffixes = ["市场和质量监督管理委员会", "市场和质量监督管理局", "市场监督管理局", "工商行政管理局", "行政审批服务局",
                                    "行政审批局", "市场监管局", "工商局"]

    /// The divisions a region `[province, city, district]` (or `[province,
    /// city]`) names; empty when it names none.
    func divisions(forRegion region: [String]) -> [Division] {
        let parts = region.map { $0.trimmingCharacters(in: .whitespaces) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else { return [] }
        let province = parts[0], last = parts[parts.count - 1]
        return divisions.divisions(named: last).filter { division in
            guard division.province == province else { return false }
            if parts.count == 2 { return division.level != .county || division.prefecture == nil }
            // Municipalities repeat their name as the city (北京市 北京市 朝阳区).
            return division.prefecture == parts[1] || (division.prefecture == nil && parts[1] == province)
        }
    }

    /// The place part of an authority name and the suffix after it.
    func split(authority name: String) -> (place: String, suffix: String)? {
        let text = TextNormalization.normalized(name)
        for suffix in Self.authoritySuffixes {
            if let range = text.range(of: suffix) {
                return (String(text[..<range.lowerBound]), String(text[range.lowerBound...]))
            }
        }
        return nil
    }

    /// The divisions the place part of an authority name can mean: its
    /// longest ending that is a division name, with anything before it
    /// naming that division's city or province.
    func divisions(forAuthority name: String) -> [Division] {
        guard let place = split(authority: name)?.place, !place.isEmpty else { return [] }
        let characters = Array(place)
        for start in characters.indices {
            let tail = String(characters[start...]), head = String(characters[..<start])
            let matches = divisions.divisions(named: tail).filter { division in
                head.isEmpty || head == division.prefecture || head == division.province
                    || head == (division.province + (division.prefecture ?? ""))
            }
            if !matches.isEmpty { return matches }
        }
        return []
    }

    /// Whether a division code (from a credit code) is the place of one of
    /// `candidates`: the same code, the same name in the same province, or
    /// the code a renamed or merged division now continues under.
    func division(_ code: String, isAmong candidates: [Division]) -> Bool {
        let codes = Set(candidates.map(\.code))
        if codes.contains(code) { return true }
        if let own = divisions.division(code), candidates.contains(where: { $0.name == own.name && $0.province == own.province }) {
            return true
        }
        if let current = divisions.current(code), codes.contains(current.code) { return true }
        return false
    }

    /// Whether an authority can be the one of a region: the same division,
    /// or a city-level authority over the region's district.
    func authority(_ authority: [Division], fits region: [Division]) -> Bool {
        authority.contains { a in
            region.contains { r in
                a.code == r.code || (a.name == r.name && a.province == r.province)
                    || (a.level == .prefecture && r.prefecture == a.name) || divisions.current(a.code)?.code == divisions.current(r.code)?.code
            }
        }
    }
}
