import PrecheckNative

/// Render-and-compare check of a seal's ring against the name it should
/// carry — verification rather than recognition.
///
/// Ring characters are evenly spaced, so a strip holding the name's `n`
/// characters splits into `n` cells. Each cell's glyph is compared with
/// the expected character rendered in the system's CJK fonts and with a
/// pool of impostors (frequent characters of place and company names, and
/// the name's other characters); the cell *matches* when the expected
/// character is the closest of all. Seals of another organisation fail in
/// the cells where the names differ; a ring too damaged to read fails
/// everywhere, which the rules treat as unknown.
public struct RingGlyphCheck: Sendable, Codable, Equatable {
    /// The expected name's characters, in ring order.
    public var characters: String
    /// Per character: whether the expected character was the closest.
    public var matched: [Bool]
    /// Per character: how many other candidates looked at least as much
    /// like the cell as the expected character (0 = it was the closest).
    public var rivals: [Int]?

    /// Share of the characters that matched.
    public var share: Double { Self.share(matched) }

    /// Per character: whether at most `maxRivals` candidates looked at
    /// least as much like the cell as the expected character (with 0:
    /// ``matched``).
    public func fitting(maxRivals: Int) -> [Bool] {
        guard let rivals, rivals.count == matched.count else { return matched }
        return rivals.map { $0 <= maxRivals }
    }

    /// Share of the cells that fit within `maxRivals` (see ``fitting(maxRivals:)``).
    public func share(maxRivals: Int) -> Double { Self.share(fitting(maxRivals: maxRivals)) }

    /// Share of the cells of `part` (found in `characters`, first
    /// occurrence) that fit within `maxRivals`; 0 when `part` is not a part
    /// of the name.
    public func share(of part: String, maxRivals: Int = 0) -> Double {
        guard let positions = positions(of: part) else { return 0 }
        return Self.share(fitting(maxRivals: maxRivals)[positions])
    }

    /// Share of the cells outside `part` that fit within `maxRivals` (all
    /// cells when `part` is not a part of the name).
    public func share(outside part: String, maxRivals: Int = 0) -> Double {
        let fits = fitting(maxRivals: maxRivals)
        guard let positions = positions(of: part) else { return Self.share(fits) }
        return Self.share(Array(fits[..<positions.lowerBound]) + Array(fits[positions.upperBound...]))
    }

    /// How many cells of `part` had at least `minimum` rivals (0 when `part`
    /// is not a part of the name or the counts were not kept).
    public func cells(of part: String, withAtLeast minimum: Int) -> Int {
        rivals(of: part)?.filter { $0 >= minimum }.count ?? 0
    }

    /// Whether no cell of `part` looks like its character: each had at least
    /// `minRivals` rivals (without kept counts: none ranked first).
    public func showsNothingLike(_ part: String, minRivals: Int) -> Bool {
        fewestRivals(in: part).map { $0 >= minRivals } ?? (share(of: part) == 0)
    }

    /// The most rivals any cell of `part` had (`nil` when `part` is not a
    /// part of the name or the counts were not kept).
    public func mostRivals(in part: String) -> Int? {
        rivals(of: part)?.max()
    }

    /// The fewest rivals any cell of `part` had (`nil` when `part` is not a
    /// part of the name or the counts were not kept).
    public func fewestRivals(in part: String) -> Int? {
        rivals(of: part)?.min()
    }

    /// The rival counts of the cells of `part` (`nil` when `part` is not a
    /// part of the name or the counts were not kept).
    private func rivals(of part: String) -> ArraySlice<Int>? {
        guard let rivals, rivals.count == matched.count, let positions = positions(of: part) else { return nil }
        return rivals[positions]
    }

    private func positions(of part: String) -> Range<Int>? {
        guard !part.isEmpty, let range = characters.range(of: part) else { return nil }
        let start = characters.distance(from: characters.startIndex, to: range.lowerBound)
        return start..<min(matched.count, start + part.count)
    }

    private static func share<Flags: Collection<Bool>>(_ flags: Flags) -> Double {
        flags.isEmpty ? 0 : Double(flags.filter { $0 }.count) / Double(flags.count)
    }
}

/// Runs ``RingGlyphCheck`` on unwrapped ring strips.
struct RingGlyphChecker: Sendable {
    var templates = GlyphTemplates.shared
    /// Cell offsets tried, as shares of the character pitch.
    var shifts: [Double] = [-0.2, -0.1, 0, 0.1, 0.2]
    /// How far each cut of the even grid may move, as a share of the pitch,
    /// and in how many steps either way (see ``refined(_:pitch:darkness:width:height:expected:)``).
    var maxCutShift = 0.3
    var maxCutShiftSteps = 3
    /// The layout a cell's glyph is compared on (see ``GlyphShape/Layout/fine``).
    /// The search for the cuts compares on the coarse layout, which forgives
    /// a cell placed a little off while the grid is being fitted.
    var cellLayout = GlyphShape.Layout.fine

    /// Frequent characters of GB/T 2260 place names plus the words of
    /// organisation names: the impostors every cell is compared with.
    static let impostors: [Character] = {
        var counts: [Character: Int] = [:]
        for name in AdministrativeDivisions.shared.allNames { for character in name { counts[character, default: 0] += 1 } }
        let places = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(250).map(\.key)
        let trade = Array("有限责任股份公司集团科技技术发展贸易商务实业投资管理服务咨询建筑工程设计电子信息网络数据软件文化传媒广告物业供应链环保能源"
                          + "农业林牧渔医药生物食品餐饮机械设备制造材料化工汽车运输物流房地产开装饰教育培训健康美容旅游酒店电器照明纺织服装印刷包装"
                          + "金融保险证券人力资源安全检测新创智联盛达鑫源华通天宏伟恒泰丰瑞祥兴隆宇")
        var seen = Set<Character>()
        return (places + trade).filter { seen.insert($0).inserted }
    }()

    /// ``impostors`` as a set.
    static let impostorSet = Set(impostors)

    /// Checks `ring` against `name`; `nil` when the strip holds no ink.
    /// The cells are cut on the strip; each cell's glyph is taken again from
    /// the page on axes turned to its angle (``RingStrip/glyphPatch(columns:)``).
    func check(_ ring: RingStrip, against name: String) -> RingGlyphCheck? {
        let expected = Array(name)
        guard !expected.isEmpty else { return nil }
        let strip = ring.raster
        let darkness = strip.pixels.map { Float(255 - Int($0)) / 255 }
        let cuts = cellBoundaries(darkness: darkness, width: strip.width, height: strip.height, expected: expected)
        guard cuts.count == expected.count + 1 else { return nil }
        // Every cell is compared with the impostors and the name's other characters.
        let candidates = Self.impostorSet.union(expected)
        var matched: [Bool] = [], rivalCounts: [Int] = []
        for (index, character) in expected.enumerated() {
            // The cell and slightly shifted copies of it: a candidate scores its best.
            let pitch = Double(cuts[index + 1] - cuts[index])
            let glyphs = shifts.compactMap { shift -> GlyphShape? in
                let left = Double(cuts[index]) + shift * pitch
                let patch = ring.glyphPatch(columns: left...(left + pitch))
                let glyph = Self.isolated(Self.levelled(patch.darkness), width: patch.width, height: patch.height)
                return GlyphShape(darkness: glyph, width: patch.width, region: PixelBox(x: 0, y: 0, width: patch.width, height: patch.height),
                                  layout: cellLayout)
            }
            guard !glyphs.isEmpty else {
                matched.append(false)
                rivalCounts.append(candidates.count)
                continue
            }
            let score = { (candidate: Character) in glyphs.map { templates.similarity(of: $0, to: candidate) }.max() ?? -1 }
            let own = score(character)
            let rivals = candidates.subtracting([character])
            let closer = rivals.filter { score($0) >= own }.count
            matched.append(closer == 0)
            rivalCounts.append(closer)
        }
        return RingGlyphCheck(characters: name, matched: matched, rivals: rivalCounts)
    }

    /// A cell's darkness rescaled to its own ink: pressure varies round a
    /// stamp, and a faint character would otherwise lose strokes to the
    /// ink threshold. The cell's full ink is the 95th percentile of its
    /// inked pixels, never below ``minCellFullInk`` (a blank cell stays blank).
    static func levelled(_ darkness: [Float]) -> [Float] {
        let inked = darkness.filter { $0 > 0.08 }.sorted()
        guard !inked.isEmpty else { return darkness }
        let full = max(minCellFullInk, inked[inked.count * 95 / 100])
        return darkness.map { min(1, $0 / full) }
    }
    static let minCellFullInk: Float = 0.4

    /// A cell with its neighbours' slivers removed: inked column runs that
    /// a blank column cuts off, lying in the cell's outer quarter on either
    /// side and holding under a quarter of its ink. (Condensed ring
    /// characters leave blank columns between them; characters that overlap
    /// leave none, and nothing is removed.)
    static func isolated(_ darkness: [Float], width: Int, height: Int, inkThreshold: Float = 0.35) -> [Float] {
        var columnInk = [Int](repeating: 0, count: width)
        for y in 0..<height { for x in 0..<width where darkness[y * width + x] >= inkThreshold { columnInk[x] += 1 } }
        let total = columnInk.reduce(0, +)
        guard total > 0 else { return darkness }
        var runs: [Range<Int>] = [], x = 0
        while x < width {
            guard columnInk[x] > 0 else { x += 1; continue }
            let start = x
            while x < width, columnInk[x] > 0 { x += 1 }
            runs.append(start..<x)
        }
        var result = darkness
        for run in runs where run.upperBound <= width / 4 || run.lowerBound >= width - width / 4 {
            guard columnInk[run].reduce(0, +) * 4 < total else { continue }
            for y in 0..<height { for x in run { result[y * width + x] = 0 } }
        }
        return result
    }

    /// Where to cut the strip into the name's characters. Ring characters
    /// are spaced evenly, so the cuts form an even grid; the inked columns
    /// give its rough start and pitch, and of the grids near that, the one
    /// whose cells look most like the expected characters is kept. (The
    /// impostor test per cell stays fair: it compares within a cell.)
    func cellBoundaries(darkness: [Float], width: Int, height: Int, expected: [Character]) -> [Int] {
        let cells = expected.count
        var ink = [Int](repeating: 0, count: width)
        for y in 0..<height { for x in 0..<width where darkness[y * width + x] >= 0.35 { ink[x] += 1 } }
        guard let first = ink.firstIndex(where: { $0 >= 2 }), let last = ink.lastIndex(where: { $0 >= 2 }), last > first else { return [] }
        let nominal = Double(last + 1 - first) / Double(cells)
        guard nominal >= 4 else { return [] }
        func grid(start: Double, pitch: Double) -> [Int] {
            (0...cells).map { min(width, max(0, Int((start + Double($0) * pitch).rounded()))) }
        }
        func likeness(_ cuts: [Int]) -> Float {
            expected.indices.reduce(0) { sum, index in
                let cell = PixelBox(x: cuts[index], y: 0, width: cuts[index + 1] - cuts[index], height: height)
                guard cell.width > 0, let glyph = GlyphShape(darkness: darkness, width: width, region: cell) else { return sum }
                return sum + templates.similarity(of: glyph, to: expected[index])
            }
        }
        var best: (likeness: Float, cuts: [Int], pitch: Double) = (-.infinity, [], nominal)
        for pitchStep in -6...6 {
            let pitch = nominal * (1 + Double(pitchStep) * 0.025)
            for startStep in -3...3 {
                let cuts = grid(start: Double(first) + Double(startStep) * 0.1 * pitch, pitch: pitch)
                let score = likeness(cuts)
                if score > best.likeness { best = (score, cuts, pitch) }
            }
        }
        return refined(best.cuts, pitch: best.pitch, darkness: darkness, width: width, height: height, expected: expected)
    }

    /// The even grid with each cut moved by up to ``maxCutShift`` of the
    /// pitch, chosen together (dynamic programming over the cuts) so that
    /// the cells look most like the expected characters. A ring unwrapped
    /// around a slightly wrong centre is stretched unevenly along its
    /// length; on long names (16 characters and more, pitch under 30 px)
    /// the even grid then drifts off the characters halfway along.
    func refined(_ cuts: [Int], pitch: Double, darkness: [Float], width: Int, height: Int, expected: [Character]) -> [Int] {
        let steps = Array(-maxCutShiftSteps...maxCutShiftSteps)
        let step = maxCutShift * pitch / Double(maxCutShiftSteps)
        func position(_ cut: Int, _ offset: Int) -> Int { min(width, max(0, cuts[cut] + Int((Double(offset) * step).rounded()))) }
        // score[o]: best total likeness of the cells before cut `index` with that cut at offset o.
        var score = steps.map { _ in Float(0) }
        var back: [[Int]] = []
        for index in expected.indices {
            var next = steps.map { _ in -Float.infinity }, from = steps.map { _ in 0 }
            for (o, offset) in steps.enumerated() {
                let right = position(index + 1, offset)
                for (p, previous) in steps.enumerated() where score[p] > -.infinity {
                    let left = position(index, previous)
                    let cellWidth = Double(right - left)
                    guard cellWidth >= 0.6 * pitch, cellWidth <= 1.4 * pitch,
                          let glyph = GlyphShape(darkness: darkness, width: width, region: PixelBox(x: left, y: 0, width: right - left, height: height))
                    else { continue }
                    let total = score[p] + templates.similarity(of: glyph, to: expected[index])
                    if total > next[o] { (next[o], from[o]) = (total, p) }
                }
            }
            back.append(from)
            score = next
        }
        guard var o = score.indices.max(by: { score[$0] < score[$1] }), score[o] > -.infinity else { return cuts }
        var offsets = [Int](repeating: 0, count: cuts.count)
        for index in stride(from: expected.count, through: 1, by: -1) {
            offsets[index] = steps[o]
            o = back[index - 1][o]
        }
        offsets[0] = steps[o]
        return cuts.indices.map { position($0, offsets[$0]) }
    }
}
