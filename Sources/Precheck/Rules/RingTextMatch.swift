/// Scores how well seal ring readings support a name.
///
/// Tesseract reads seal ring text poorly (the project's trial: 6 of 97
/// strips exactly, mean character similarity 0.71), so a reading is never
/// taken as the answer. Instead the name's *distinctive* part (without the
/// place in front and the legal form behind, which other names share) is
/// aligned with each reading, free of cost before and after it; the share
/// of its characters found in order is the support.
struct RingTextMatch {
    var resolver = RegionResolver()

    /// Characters of the longest division name a company name starts with
    /// (海西蒙古族藏族哈萨克族自治州, 14). A place left in front would be taken
    /// for the trade name, and a sister company of the same autonomous
    /// prefecture would then show most of the "distinctive" part.
    static let longestPlaceName = 14

    static let legalForms = ["股份有限公司", "有限责任公司", "有限公司", "股份公司", "专业合作社", "合作社", "个体工商户", "公司", "厂", "店", "部", "中心"]

    /// The part of a company name that tells it from its neighbours:
    /// `常德博远物业管理有限公司` → `博远物业管理`.
    func distinctivePart(ofCompany name: String) -> String {
        var text = TextNormalization.normalized(name)
        if let form = Self.legalForms.first(where: { text.hasSuffix($0) && text.count > $0.count + 1 }) {
            text.removeLast(form.count)
        }
        // The place in front: a province and/or a city, then a county of
        // that city (常德 / 湖南省常德市 / 漯河郾城区). A county of some other
        // city is not stripped: trade names often are place names (云溪).
        var city: String?
        var stripped = true
        while stripped && text.count > 2 {
            stripped = false
            for length in stride(from: min(Self.longestPlaceName, text.count - 2), through: 2, by: -1) {
                let head = String(text.prefix(length))
                let places = ([head] + ["市", "县", "区", "省", "自治州", "盟", "地区"].map { head + $0 })
                    .flatMap(resolver.divisions.divisions(named:))
                let fits = places.contains { place in
                    place.level != .county || (city != nil && place.prefecture == city)
                }
                if fits {
                    city = places.first { $0.level == .prefecture }?.name ?? city
                    text.removeFirst(length)
                    stripped = true
                    break
                }
            }
        }
        return text
    }

    /// 0-1: the best support any reading gives `target`.
    func support(of target: String, in readings: [String]) -> Double {
        readings.map { Self.alignedShare(of: target, in: TextNormalization.normalized($0)) }.max() ?? 0
    }

    /// 1 − (edit distance of `target` to its best-matching stretch of
    /// `text`) / length of `target`.
    static func alignedShare(of target: String, in text: String) -> Double {
        let t = Array(target), s = Array(text)
        guard !t.isEmpty else { return 1 }
        guard !s.isEmpty else { return 0 }
        // previous[j]: cost of aligning t[..<i] ending at s[j-1], starting anywhere.
        var previous = [Int](repeating: 0, count: s.count + 1)
        var current = previous
        for i in 1...t.count {
            current[0] = i
            for j in 1...s.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (t[i - 1] == s[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        let best = previous.min() ?? t.count
        return max(0, 1 - Double(best) / Double(t.count))
    }
}
