/// Dates as printed on Chinese documents.
public enum DateText {
    /// `2015年03月12日`, `2015年3月12日`, `2015.03.12`, `2015-03-12`, `2015/3/12`
    /// → `2015-03-12`; `nil` when no real date is found.
    public static func normalize(_ text: String) -> String? {
        firstDate(in: text)?.iso
    }

    /// Marks OCR puts between a date's digits and its separators
    /// (`2027年01]月08日`); skipped inside a date.
    static let strays: Set<Character> = ["]", "[", "|", "(", ")", "'", "\"", "`", "‘", "’", "“", "”", " "]

    /// Separators of a numeric date (`2015.03.12`), with the marks OCR
    /// reads for its dots (`2040:04.22`, `2040,04.22`).
    static let numericSeparators: Set<Character> = [".", "-", "/", ":", ",", "·"]

    /// Every date in `text`, in order (e.g. both ends of `2015.01.07-2035.01.07`).
    public static func dates(in text: String) -> [CalendarDate] {
        let characters = Array(TextNormalization.normalized(text))
        var dates: [CalendarDate] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit else { index += 1; continue }
            // Year: four digits.
            var cursor = index
            var year = ""
            while cursor < characters.count, characters[cursor].isASCIIDigit, year.count < 4 { year.append(characters[cursor]); cursor += 1 }
            guard year.count == 4, cursor < characters.count, !characters[cursor].isASCIIDigit else { index = cursor; continue }
            func skipStrays() { while cursor < characters.count, strays.contains(characters[cursor]) { cursor += 1 } }
            func number(after separators: Set<Character>) -> Int? {
                skipStrays()
                guard cursor < characters.count, separators.contains(characters[cursor]) else { return nil }
                cursor += 1
                skipStrays()
                var digits = ""
                while cursor < characters.count, characters[cursor].isASCIIDigit, digits.count < 2 { digits.append(characters[cursor]); cursor += 1 }
                return Int(digits)
            }
            if let month = number(after: numericSeparators.union(["年"])), let day = number(after: numericSeparators.union(["月"])),
               let date = CalendarDate(year: Int(year)!, month: month, day: day) {
                let end = cursor
                skipStrays()
                if cursor < characters.count, characters[cursor] == "日" { cursor += 1 } else { cursor = end }
                dates.append(date)
                index = cursor
            } else {
                index += 1
            }
        }
        return dates
    }

    public static func firstDate(in text: String) -> CalendarDate? {
        dates(in: text).first
    }
}
