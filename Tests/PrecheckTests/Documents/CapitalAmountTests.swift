@testable import Precheck
import Testing

/// The grammar of amounts in capital numerals that bounds the shape
/// comparison (the comparison itself is tested on the samples, in
/// `DocumentReaderTests`).
@Suite("Capital amounts")
struct CapitalAmountTests {
    @Test(arguments: ["壹仟万元整", "人民币柒仟柒佰柒拾柒万元", "伍拾万元", "拾万元整", "壹仟零伍拾万元整", "叁亿元整", "伍佰万"])
    func wellFormed(_ amount: String) {
        #expect(CapitalAmount.isWellFormed(amount))
    }

    @Test(arguments: ["壹什万元整", "仟万元整", "壹仟仟万元整", "万元整", "壹仟万元整整", "人民币", "", "1000万元"])
    func notWellFormed(_ amount: String) {
        #expect(!CapitalAmount.isWellFormed(amount))
    }

    @Test func grammarNarrowsTheCandidates() {
        // After a numeral only a unit, a magnitude or 元 may follow; after a unit, a numeral again.
        #expect(CapitalAmount.allowed(after: "壹") == Set("拾佰仟万亿元圆"))
        #expect(CapitalAmount.allowed(after: "仟").isSuperset(of: Set("壹贰叁肆伍陆柒捌玖零")))
        #expect(!CapitalAmount.allowed(after: "仟").contains("佰"))
        #expect(CapitalAmount.allowed(after: "元") == Set("整正"))
    }
}
