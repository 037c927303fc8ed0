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
}
