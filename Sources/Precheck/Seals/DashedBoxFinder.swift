import PrecheckNative

/// Finds the dashed rectangle printed on the authorization letter for the
/// company seal.
///
/// Dashed lines are looked for in ``CleanedPage/binary`` (the red seal is
/// already dropped there, so a seal over the box hides little of it): per
/// row, thin ink (vertical run no thicker than a rule) is joined across the
/// dash gaps; long joined runs that are partly ink and made of several
/// dashes are dashed rules. The same is done per column. Two horizontal
/// rules of similar extent plus a vertical one at either end (or the other
/// way round) make the box, if its inside is blank (text lines can line
/// up like dashes).
public struct DashedBoxFinder: Sendable {
    /// Thickest rule, as a share of the page's short side.
    var maxThicknessShare = 1.0 / 250
    /// Widest dash gap bridged, as a share of the short side.
    var maxGapShare = 1.0 / 60
    /// Shortest and longest side of the box, as shares of the short side.
    var sideShares = 0.15...0.5
    /// A dashed rule is between these shares ink.
    var dashCoverage = 0.25...0.9
    /// Fewest dashes on a rule.
    var minDashes = 5
    /// Rows (columns) either side that count as the same line, as a share of
    /// the short side: a phone photo's perspective tilts the rules a little.
    var slantShare = 1.0 / 400
    /// Most ink inside the box (a tenth of each side in from its rules): the
    /// seal box is blank paper but for the seal, whose red is already
    /// dropped. Generated letters' boxes measured 0-0.5%; the rectangle a
    /// phone photo's body text made of its dotted lines (seed 2042's
    /// APP-0147, which put a seal inside its box "outside" it) 3.9%.
    var maxInteriorInk = 0.02

    /// A finder with the default settings.
    public init() {}

    /// The dashed rectangle meant for the seal (letter), working coordinates, or nil.
    public func find(in page: CleanedPage) -> PixelBox? {
        let binary = page.binary
        let shortSide = min(binary.width, binary.height)
        let thickness = max(3, Int(Double(shortSide) * maxThicknessShare))
        let gap = max(6, Int(Double(shortSide) * maxGapShare))
        let minLength = Int(Double(shortSide) * sideShares.lowerBound)
        let ink = binary.pixels.map { $0 == 0 }
        let slant = max(1, Int(Double(shortSide) * slantShare))
        let horizontal = rules(ink, length: binary.width, lines: binary.height, index: { $1 * binary.width + $0 },
                               thickness: thickness, gap: gap, minLength: minLength, slant: slant)
        let vertical = rules(ink, length: binary.height, lines: binary.width, index: { $1 + $0 * binary.width },
                             thickness: thickness, gap: gap, minLength: minLength, slant: slant)
        return bestBox(horizontal: horizontal, vertical: vertical, shortSide: shortSide) { box in
            interiorInkShare(of: box, in: ink, width: binary.width) <= maxInteriorInk
        }
    }

    /// Share of ink inside `box`, a tenth of each side in from its rules.
    func interiorInkShare(of box: PixelBox, in ink: [Bool], width: Int) -> Double {
        let insetX = max(1, box.width / 10), insetY = max(1, box.height / 10)
        var inked = 0, total = 0
        for y in (box.y + insetY)..<max(box.y + insetY, box.maxY - insetY) {
            for x in (box.x + insetX)..<max(box.x + insetX, box.maxX - insetX) {
                total += 1
                if ink[y * width + x] { inked += 1 }
            }
        }
        return total > 0 ? Double(inked) / Double(total) : 1
    }

    /// A dashed rule: at position `line` (row or column), from `start` to `end` along it.
    struct Rule: Equatable {
        var line: Int
        var start: Int
        var end: Int
        var length: Int { end - start }
    }

    /// Dashed rules along one direction. `index(along, line)` gives the pixel
    /// index; thin ink up to `slant` lines away counts as on the line.
    func rules(_ ink: [Bool], length: Int, lines: Int, index: (Int, Int) -> Int,
               thickness: Int, gap: Int, minLength: Int, slant: Int = 0) -> [Rule] {
        // Thin ink: the run across the line direction is at most `thickness` long.
        func isThinInk(_ along: Int, _ line: Int) -> Bool {
            guard ink[index(along, line)] else { return false }
            var across = 1
            var step = 1
            while line - step >= 0, ink[index(along, line - step)], across <= thickness { across += 1; step += 1 }
            step = 1
            while line + step < lines, ink[index(along, line + step)], across <= thickness { across += 1; step += 1 }
            return across <= thickness
        }
        // Thin ink per line, then how many of the lines within `slant` of each line have it.
        var thin = [Bool](repeating: false, count: length * lines)
        for line in 0..<lines { for along in 0..<length where isThinInk(along, line) { thin[line * length + along] = true } }
        var near = [Int](repeating: 0, count: length)
        for line in 0..<min(lines, slant) { for along in 0..<length where thin[line * length + along] { near[along] += 1 } }
        var found: [Rule] = []
        for line in 0..<lines {
            if line + slant < lines { for along in 0..<length where thin[(line + slant) * length + along] { near[along] += 1 } }
            if line - slant - 1 >= 0 { for along in 0..<length where thin[(line - slant - 1) * length + along] { near[along] -= 1 } }
            var runStart = -1, lastInk = -gap - 1, inkCount = 0, dashes = 0
            func close() {
                let end = lastInk + 1
                if runStart >= 0, end - runStart >= minLength, dashes >= minDashes,
                   dashCoverage.contains(Double(inkCount) / Double(end - runStart)) {
                    found.append(Rule(line: line, start: runStart, end: end))
                }
                runStart = -1; inkCount = 0; dashes = 0
            }
            for along in 0..<length where near[along] > 0 {
                if along - lastInk > gap { close(); runStart = along }
                if along - lastInk > 1 { dashes += 1 }
                inkCount += 1
                lastInk = along
            }
            close()
        }
        return merged(found, thickness: thickness)
    }

    /// Rules on neighbouring lines with overlapping extents become one (the middle line, the widest extent).
    func merged(_ rules: [Rule], thickness: Int) -> [Rule] {
        var groups: [[Rule]] = []
        for rule in rules.sorted(by: { $0.line < $1.line }) {
            if let g = groups.indices.last(where: { groups[$0].last!.line >= rule.line - thickness
                && groups[$0].last!.start < rule.end && rule.start < groups[$0].last!.end }) {
                groups[g].append(rule)
            } else {
                groups.append([rule])
            }
        }
        return groups.map { group in
            Rule(line: group[group.count / 2].line, start: group.map(\.start).min()!, end: group.map(\.end).max()!)
        }
    }

    /// The most complete roughly square rectangle the rules make, of those
    /// `accepts` lets through.
    func bestBox(horizontal: [Rule], vertical: [Rule], shortSide: Int, accepts: (PixelBox) -> Bool = { _ in true }) -> PixelBox? {
        let tolerance = max(8, shortSide / 60)
        func near(_ a: Int, _ b: Int) -> Bool { abs(a - b) <= tolerance }
        var best: (box: PixelBox, support: Int)?
        for top in horizontal {
            for bottom in horizontal where bottom.line > top.line {
                let left = min(top.start, bottom.start), right = max(top.end, bottom.end)
                let width = right - left, height = bottom.line - top.line
                guard Double(height) >= Double(shortSide) * sideShares.lowerBound,
                      Double(height) <= Double(shortSide) * sideShares.upperBound,
                      Double(width) <= Double(shortSide) * sideShares.upperBound,
                      Double(max(width, height)) <= 1.5 * Double(min(width, height)),
                      near(top.start, bottom.start) || near(top.end, bottom.end) else { continue }
                // Vertical rules at either end, within the horizontal rules' span.
                let sides = vertical.filter { rule in
                    (near(rule.line, left) || near(rule.line, right)) && rule.start < bottom.line + tolerance && rule.end > top.line - tolerance
                }
                guard !sides.isEmpty else { continue }
                let support = top.length + bottom.length + sides.reduce(0) { $0 + $1.length }
                let box = PixelBox(x: left, y: top.line, width: width, height: height)
                if support > best?.support ?? 0, accepts(box) {
                    best = (box, support)
                }
            }
        }
        return best?.box
    }
}
