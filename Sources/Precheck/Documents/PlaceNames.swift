/// Snaps the place-name part of an address or authority to real GB/T 2260
/// names: "黑龙江省哈尔演市尚志市…" → "黑龙江省哈尔滨市尚志市…".
///
/// Used only for fields no rule compares (addresses, the ID card's issuing
/// authority), so a snap can fix a misread but never hide a mismatch.
struct PlaceNames: Sendable {
    /// Full paths (province + prefecture + county) and shorter forms.
    let paths: [[Character]]
    /// The same for counties no longer in use: an older document may name
    /// one (杭州市下城区, merged into 拱墅区 in 2021), and a reading that
    /// does so exactly is kept, not snapped to a neighbour one character
    /// away (上城区).
    let formerPaths: Set<[Character]>

    static let shared = PlaceNames(divisions: .shared)

    init(divisions: AdministrativeDivisions) {
        // Longest first, then by text: a fixed order, so ties snap the same way every run.
        self.paths = Self.paths(of: divisions.countiesInUse).sorted { ($0.count, $1) > ($1.count, $0) }.map(Array.init)
        self.formerPaths = Set(Self.paths(of: divisions.countiesNoLongerInUse).map(Array.init)).subtracting(self.paths)
    }

    /// A county's full path: province, prefecture (if any) and name.
    static func fullPath(of county: Division) -> String {
        county.province + (county.prefecture ?? "") + county.name
    }

    /// The full paths of `counties` and, where they have a prefecture, the
    /// shorter prefecture + county forms.
    static func paths(of counties: [Division]) -> Set<String> {
        var paths: Set<String> = []
        for county in counties {
            paths.insert(fullPath(of: county))
            if let prefecture = county.prefecture, !prefecture.isEmpty { paths.insert(prefecture + county.name) }
        }
        return paths
    }

    /// `text` with its leading place names replaced by the nearest real
    /// path, when one is within one misread per six characters (and at most
    /// 2); unchanged when it opens with the exact path of a county no
    /// longer in use.
    ///
    /// - Parameter hint: the division code the document's own code names
    ///   (an ID number's first six digits, a credit code's third to
    ///   eighth characters). Its path as now in use is also taken at up to
    ///   ``maxHintedMisreads`` misreads (广东省牧庆市见湖区 → 广东省肇庆市鼎湖区
    ///   for 441203…), but only when it is strictly nearer than every other
    ///   real path: someone registered elsewhere may live in the next
    ///   district, whose name the reading then keeps.
    func snap(_ text: String, hint: String? = nil) -> String {
        let characters = Array(text)
        if formerPaths.contains(where: { characters.starts(with: $0) }) { return text }
        let hinted = hint.flatMap { AdministrativeDivisions.shared.current($0) }.map { Array(Self.fullPath(of: $0)) }
        var best: (path: [Character], length: Int, distance: Int)?
        var hintMatch: (length: Int, distance: Int)?
        var nearestOther = Int.max
        for path in paths where path.count >= 4 && path.count <= characters.count + 1 {
            let isHint = path == hinted
            // Compare with the reading's prefix of the same length, then ±1 for an inserted or
            // dropped character: at equal distance a misread (端州医新华街 for 端州区新华街) is
            // likelier than a dropped character followed by an inserted one.
            for length in [path.count, path.count - 1, path.count + 1] where length >= 1 && length <= characters.count {
                let distance = TextSimilarity.distance(String(characters[0..<length]), String(path))
                if isHint {
                    if distance < hintMatch?.distance ?? .max { hintMatch = (length, distance) }
                } else {
                    nearestOther = min(nearestOther, distance)
                }
                let allowed = min(2, path.count / 6)
                guard distance <= allowed else { continue }
                if best == nil || distance < best!.distance || (distance == best!.distance && path.count > best!.path.count) {
                    best = (path, length, distance)
                }
            }
        }
        if let hinted, let hintMatch, hintMatch.distance > 0, hintMatch.distance <= Self.maxHintedMisreads,
           hintMatch.distance < nearestOther {
            return String(hinted) + String(characters[hintMatch.length...])
        }
        guard let best, best.distance > 0 else { return text }
        return String(best.path) + String(characters[best.length...])
    }

    /// Misreads allowed between a reading and the path its document's code names.
    static let maxHintedMisreads = 2
}

/// Snaps an ID card's issuing authority to the names public-security
/// bureaus take: 「<county>公安局」 or 「<prefecture>公安局<district>分局」.
struct PoliceAuthorityNames: Sendable {
    /// Sorted, so that ties resolve the same way every run.
    let names: [String]
    let known: Set<String>

    static let shared = PoliceAuthorityNames(divisions: .shared)

    init(divisions: AdministrativeDivisions) {
        var names: Set<String> = []
        for county in divisions.countiesInUse {
            let prefecture = county.prefecture ?? ""
            let short = county.name.count > 2 && (county.name.hasSuffix("区") || county.name.hasSuffix("县")) ? String(county.name.dropLast()) : county.name
            names.insert("\(county.name)公安局")
            if !prefecture.isEmpty {
                names.insert("\(prefecture)\(county.name)公安局")
                names.insert("\(prefecture)公安局\(short)分局")
                names.insert("\(prefecture)公安局\(county.name)分局")
            }
        }
        self.known = names
        self.names = names.sorted()
    }

    /// The nearest real name within one misread per six characters, else `text`.
    func snap(_ text: String) -> String {
        if known.contains(text) { return text }
        let allowed = min(2, text.count / 6)
        guard allowed > 0 else { return text }
        var best: (String, Int)?
        for name in names where abs(name.count - text.count) <= allowed {
            let distance = TextSimilarity.distance(name, text)
            if distance <= allowed, best == nil || distance < best!.1 { best = (name, distance) }
        }
        return best?.0 ?? text
    }
}
