import PrecheckNative

/// Finds regions that may hold a seal: clusters of ink whose bounding box
/// is roughly square and of seal size.
struct SealCandidates: Sendable {
    /// Smallest and largest plausible seal radius, as shares of the page's short side.
    var minRadiusShare = 0.03
    var maxRadiusShare = 0.25
    /// Widest width/height ratio of a (perspective-squeezed) seal.
    var maxAspect = 1.5

    /// Whether a box could be a seal on a page with this short side.
    func isPlausible(_ box: PixelBox, shortSide: Int) -> Bool {
        let radius = Double(max(box.width, box.height)) / 2
        let aspect = Double(max(box.width, box.height)) / Double(max(1, min(box.width, box.height)))
        return radius >= minRadiusShare * Double(shortSide) && radius <= maxRadiusShare * Double(shortSide) && aspect <= maxAspect
    }

    /// Clusters of red ink: the mask is reduced to cells of a few pixels,
    /// cells with ink are grown by one cell to close gaps in faded ink,
    /// connected cells form clusters, and clusters whose boxes overlap
    /// (arcs of a broken ring) are merged into boxes no larger than a seal;
    /// clusters too large for a seal are left out.
    func redClusters(_ mask: InkMask) -> [PixelBox] {
        let shortSide = min(mask.width, mask.height)
        let cell = max(2, shortSide / 400)
        let columns = (mask.width + cell - 1) / cell, rows = (mask.height + cell - 1) / cell
        var occupied = [Bool](repeating: false, count: columns * rows)
        mask.ink.withUnsafeBufferPointer { ink in
            for y in 0..<mask.height {
                let rowStart = y * mask.width, cellRow = (y / cell) * columns
                for x in 0..<mask.width where ink[rowStart + x] != 0 { occupied[cellRow + x / cell] = true }
            }
        }
        var grown = occupied
        for row in 0..<rows {
            for column in 0..<columns where occupied[row * columns + column] {
                for dy in -1...1 {
                    for dx in -1...1 {
                        let r = row + dy, c = column + dx
                        if r >= 0, r < rows, c >= 0, c < columns { grown[r * columns + c] = true }
                    }
                }
            }
        }
        let clusters = Self.connectedBoxes(grown, columns: columns, rows: rows).map { box in
            PixelBox(x: box.x * cell, y: box.y * cell, width: box.width * cell, height: box.height * cell)
        }
        // Arcs of one seal are each smaller than a seal, and so are they
        // merged. Anything larger is something else (on a phone photo, a
        // reddish table framing the page, solid or as speckled grain) and
        // must not swallow the seals it surrounds.
        let minSide = Int(2 * minRadiusShare * Double(shortSide) * 0.3)
        let maxSide = Int(2 * maxRadiusShare * Double(shortSide))
        return Self.mergedOverlapping(clusters.filter { (minSide...maxSide).contains(max($0.width, $0.height)) }, maxSide: maxSide)
            .filter { isPlausible($0, shortSide: shortSide) }
    }

    /// Boxes of dark components of a B&W page that are seal-sized and
    /// roughly square (a grey ring with whatever text touches it).
    func greyClusters(_ binary: Raster) -> [PixelBox] {
        let shortSide = min(binary.width, binary.height)
        guard let components = try? Leptonica.components(binary: binary) else { return [] }
        return components.map { PixelBox(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }
            .filter { isPlausible($0, shortSide: shortSide) }
    }

    /// Bounding boxes of 4-connected true cells.
    static func connectedBoxes(_ cells: [Bool], columns: Int, rows: Int) -> [PixelBox] {
        var seen = [Bool](repeating: false, count: cells.count)
        var boxes: [PixelBox] = []
        var stack: [Int] = []
        for start in 0..<cells.count where cells[start] && !seen[start] {
            seen[start] = true
            stack.append(start)
            var minX = columns, minY = rows, maxX = 0, maxY = 0
            while let index = stack.popLast() {
                let x = index % columns, y = index / columns
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for next in [x > 0 ? index - 1 : -1, x < columns - 1 ? index + 1 : -1,
                             y > 0 ? index - columns : -1, y < rows - 1 ? index + columns : -1]
                where next >= 0 && cells[next] && !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
            boxes.append(PixelBox(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1))
        }
        return boxes
    }

    /// Repeatedly merges boxes that overlap, as long as the merged box's
    /// longer side stays within `maxSide`, until none do.
    static func mergedOverlapping(_ boxes: [PixelBox], maxSide: Int) -> [PixelBox] {
        var merged = boxes
        var changed = true
        while changed {
            changed = false
            outer: for i in merged.indices {
                for j in merged.indices where j > i && merged[i].intersection(merged[j]) != nil {
                    let union = merged[i].union(merged[j])
                    guard max(union.width, union.height) <= maxSide else { continue }
                    merged[i] = union
                    merged.remove(at: j)
                    changed = true
                    break outer
                }
            }
        }
        return merged
    }
}
