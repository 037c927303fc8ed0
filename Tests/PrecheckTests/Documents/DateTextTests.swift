@testable import Precheck
import Testing

/// Dates as OCR reads them, and the two ends of the letter's term.
@Suite("Dates in text")
struct DateTextTests {
    @Test func printedFormsNormalise() {
        #expect(DateText.normalize("2015年03月12日") == "2015-03-12")
        #expect(DateText.normalize("2015年3月2日") == "2015-03-02")
        #expect(DateText.normalize("2015.03.12") == "2015-03-12")
        #expect(DateText.normalize("2015-03-12") == "2015-03-12")
        #expect(DateText.normalize("2015年02月30日") == nil)
    }

    /// OCR puts brackets and bars inside dates (seed 2036: 2027年01]月08日).
    @Test func strayMarksInsideADateAreSkipped() {
        #expect(DateText.normalize("2027年01]月08日") == "2027-01-08")
        #expect(DateText.normalize("2026年|01月31|日") == "2026-01-31")
        #expect(DateText.dates(in: "自2026年01]月31日至2028年01月30日止").map(\.iso) == ["2026-01-31", "2028-01-30"])
        // A dot read as a colon or comma (seed 2036 APP-0163: 2020.04.22-2040:04.22).
        #expect(DateText.dates(in: "2020.04.22-2040:04.22").map(\.iso) == ["2020-04-22", "2040-04-22"])
        #expect(DateText.normalize("2040,04.22") == "2040-04-22")
        // Still no date where the digits do not make one.
        #expect(DateText.normalize("2026年0]月09日") == nil)
    }

    /// The term's ends are told apart by 至, not by their order alone: with
    /// the start unreadable, the one date read is the end, never the start.
    @Test func termEndsAreTheDatesEitherSideOfZhi() {
        let both = FieldExtractor.termDates("自2026年01月09日至2027年01月08日止")
        #expect(both.start?.iso == "2026-01-09" && both.end?.iso == "2027-01-08")
        let endOnly = FieldExtractor.termDates("自2026年0]月31日至2028年01月30日止")
        #expect(endOnly.start == nil && endOnly.end?.iso == "2028-01-30")
        let noWord = FieldExtractor.termDates("2026.01.09-2027.01.08")
        #expect(noWord.start?.iso == "2026-01-09" && noWord.end?.iso == "2027-01-08")
        let lone = FieldExtractor.termDates("2026年01月09日")
        #expect(lone.start == nil && lone.end == nil)
    }

    /// Seed 2044's ID backs whose validity end did not read as a date:
    /// APP-0019 (长期 read as 长其) and APP-0195 (2033.04.09 read as
    /// 2033040g, a B&W copy printed small). An ID card is valid for 5, 10
    /// or 20 years to the day: the end is the one of those within one
    /// character of what was read, when the others are farther.
    @Test func idCardValidityEndsWithLongTermOrARealPeriod() {
        func validity(_ text: String) -> [String?] {
            let period = FieldExtractor.validity(text)
            return [period.from?.iso, period.until]
        }
        #expect(validity("2016.06.17-2036.06.17") == ["2016-06-17", "2036-06-17"])
        #expect(validity("2016.06.17-长期") == ["2016-06-17", "long-term"])
        #expect(validity("2018.07.12-长其") == ["2018-07-12", "long-term"])
        #expect(validity("2013.04.09.2033040g") == ["2013-04-09", "2033-04-09"])
        #expect(validity("2013.04.09-2O23O4O9") == ["2013-04-09", "2023-04-09"])
        // One character off one end only; as near to two ends, or to none: no end.
        #expect(validity("2013.04.09.2031040g") == ["2013-04-09", "2033-04-09"])
        #expect(validity("2013.04.09.2028040g") == ["2013-04-09", nil])
        #expect(validity("2013.04.09.2046040g") == ["2013-04-09", nil])
        #expect(validity("2013.04.09.202804") == ["2013-04-09", nil])
        #expect(validity("2013.04.09.20") == ["2013-04-09", nil])
        // 长 that does not follow the range mark is not 长期.
        #expect(validity("长2013.04.09") == ["2013-04-09", nil])
    }
}
