/// Which defect and scan style each application of a corpus gets.
public struct CorpusPlan: Sendable {
    public struct Entry: Sendable, Equatable {
        public var defect: Defect?
        public var style: ScanStyle?
    }

    public var entries: [Entry]

    /// The committed sample set: one clean application per scan style, then
    /// one application per reason code (its first defect kind), 30 in all.
    public static var showcase: CorpusPlan {
        var entries = ScanStyle.allCases.map { Entry(defect: nil, style: $0) }
        var covered: Set<String> = []
        for defect in Defect.allCases where covered.insert(defect.reason.rawValue).inserted {
            entries.append(Entry(defect: defect, style: .clean))
        }
        return CorpusPlan(entries: entries)
    }

    /// `count` applications: about `defectRate` of them with one defect
    /// (cycling through every defect kind), styles drawn at random.
    public static func mixed(count: Int, defectRate: Double, seed: UInt64) -> CorpusPlan {
        var random = SeededRandom(seed: seed ^ 0x5EED)
        var entries: [Entry] = []
        var nextDefect = 0
        for _ in 0..<count {
            if random.chance(defectRate) {
                entries.append(Entry(defect: Defect.allCases[nextDefect % Defect.allCases.count], style: nil))
                nextDefect += 1
            } else {
                entries.append(Entry(defect: nil, style: nil))
            }
        }
        return CorpusPlan(entries: entries)
    }
}
