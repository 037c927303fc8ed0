/// Edit distances for comparing what was read with what was expected.
public enum TextSimilarity {
    /// Pairs of characters OCR confuses often; substituting one for the
    /// other costs less than an arbitrary substitution.
    static let confusable: Set<String> = {
        let groups = ["0OQD", "1IL", "2Z", "5S", "8B", "6G", "()（）", ":：", "-－—", "·.。"]
        var pairs: Set<String> = []
        for group in groups {
            for a in group { for b in group where a != b { pairs.insert(String([a, b])) } }
        }
        return pairs
    }()

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b), splitsCountOnce: false)
    }

    /// Edit distance counting one Han character read as two (黎 → 和歼,
    /// 龚 → 人歼: the recogniser split its left and right parts) or two read
    /// as one (鹿寨 → 座: tight or blurred print ran together) as a single
    /// edit, like a substitution. `read` is what was read, `claim` what it
    /// should say.
    public static func glyphDistance(read: String, claim: String) -> Int {
        editDistance(Array(read), Array(claim), splitsCountOnce: true)
    }

    /// Edits turning `x` into `y`, row by row; with `splitsCountOnce`, two
    /// characters of `x` standing for one of `y`, or one for two, cost one edit.
    private static func editDistance(_ x: [Character], _ y: [Character], splitsCountOnce: Bool) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        // Rows i-2, i-1 and i of cost[i][j] (edits turning x[..<i] into y[..<j]).
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if splitsCountOnce && i >= 2 { current[j] = min(current[j], beforePrevious[j - 1] + 1) }
                if splitsCountOnce && j >= 2 { current[j] = min(current[j], previous[j - 2] + 1) }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count]
    }

    /// Edit distance where a confusable substitution costs `confusableCost`.
    public static func confusionAwareDistance(_ a: String, _ b: String, confusableCost: Double = 0.5) -> Double {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return Double(y.count) }
        if y.isEmpty { return Double(x.count) }
        var previous = (0...y.count).map(Double.init)
        var current = [Double](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = Double(i)
            for j in 1...y.count {
                let substitution: Double = x[i - 1] == y[j - 1] ? 0 : (confusable.contains(String([x[i - 1], y[j - 1]])) ? confusableCost : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// 1 − distance / length of the longer text, in 0...1.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let length = max(a.count, b.count)
        return length == 0 ? 1 : 1 - Double(distance(a, b)) / Double(length)
    }
}
