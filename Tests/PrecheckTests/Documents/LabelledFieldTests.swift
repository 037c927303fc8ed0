import Testing
@testable import Precheck
import PrecheckNative

/// Labels as OCR garbles them, values that wrap, and place names snapped
/// towards the division a document's own code names.
@Suite("Labels, continuation lines and place names")
struct LabelledFieldTests {
    /// A line of 30-pixel characters starting at `x`.
    static func line(_ text: String, x: Int = 0, y: Int = 0, width: Int = 30) -> ReadLine {
        let symbols = text.enumerated().map { index, character in
            RecognizedSymbol(text: String(character), confidence: 0.9, box: PixelBox(x: x + width * index, y: y, width: width - 2, height: 30))
        }
        return ReadLine(text: text, box: PixelBox(x: x, y: y, width: width * text.count, height: 30), confidence: 0.9, symbols: symbols)
    }

    /// Seed 2045's licences whose 类型 line lost its organisation type:
    /// a mark read in the label's spacing (APP-0011), its second character
    /// read as a digit (APP-0082), its first character lost (APP-0083,
    /// APP-0115) or read as letters (APP-0020).
    @Test(arguments: [
        ("类,型有限责任公司(自然人独资)", "有限责任公司(自然人独资)"),
        ("类3有限责任公司(自然人独资)", "有限责任公司(自然人独资)"),
        ("型有限责任公司(自然人投资或控股)", "有限责任公司(自然人投资或控股)"),
        ("=型有限责任公司(自然人投资或控股)", "有限责任公司(自然人投资或控股)"),
        ("ES型个体工商户", "个体工商户"),
    ])
    func garbledTwoCharacterLabelsStillAnchorTheirValue(text: String, value: String) {
        let fields = LabelledFields(catalogue: LabelCatalogue.license).extract(from: PageText(lines: [Self.line(text)]))
        #expect(fields["organizationType"]?.text == value)
    }

    @Test func marksInALabelsSpacingGoButANamesMiddleDotStays() {
        let fields = LabelledFields(catalogue: LabelCatalogue.idCardFront)
        #expect(fields.extract(from: PageText(lines: [Self.line("姓,名阿·木")]))["name"]?.text == "阿·木")
    }

    @Test func aLabelNeedsOneOfItsCharactersNearTheLineStart() {
        let fields = LabelledFields(catalogue: LabelCatalogue.license)
        // Three marks before the second character: not a label.
        #expect(fields.extract(from: PageText(lines: [Self.line("E=S型个体工商户")]))["organizationType"] == nil)
        // A mark for the misread character is not enough (类: could be anything).
        #expect(fields.locate(Array("类型"), in: Array("类:有限公司")) == nil)
        // The classifier's matching does not take a lone second character:
        // a licence's 名称 line is not the ID card's 姓名.
        #expect(fields.locate(Array("姓名"), in: Array("名称某某有限公司")) == nil)
        #expect(fields.locate(Array("姓名"), in: Array("名称某某有限公司"), allowingLostFirstCharacter: true) == 0..<1)
    }

    /// Seed 2045 APP-0004: a speck on the card's edge, on the row below the
    /// address's second line and far to its right, was read as 进 and
    /// joined to the address. A line continues a value only where the
    /// value's column starts.
    @Test func specksBesideAValueDoNotContinueIt() {
        let page = PageText(lines: [
            Self.line("住址黑龙江省伊春市南岔县朝", x: 0, y: 100),
            Self.line("阳路75号", x: 60, y: 135),
            Self.line("进", x: 540, y: 160),
            Self.line("公民身份号码230726197409290813", x: 0, y: 230),
        ])
        let fields = LabelledFields(catalogue: LabelCatalogue.idCardFront).extract(from: page)
        #expect(fields["address"]?.text == "黑龙江省伊春市南岔县朝阳路75号")
        // A speck before the continuation is passed over too.
        let speckFirst = PageText(lines: [
            Self.line("住址山西省临汾市洪洞县幸福", x: 0, y: 100),
            Self.line("交", x: 330, y: 128),
            Self.line("路248号", x: 60, y: 135),
        ])
        #expect(LabelledFields(catalogue: LabelCatalogue.idCardFront).extract(from: speckFirst)["address"]?.text
                == "山西省临汾市洪洞县幸福路248号")
        // Seed 2044 APP-0062: the continuation's row traced a second time, as
        // garbage; and APP-0021: a speck under half a line high in the value's column.
        var garbage = Self.line("王权立FF化仁?DAO己", x: 60, y: 137)
        garbage.box.height = 18
        let tracedTwice = PageText(lines: [
            Self.line("住址广西壮族自治区南宁市兴", x: 0, y: 100),
            Self.line("宁区新华街269号", x: 60, y: 135),
            garbage,
        ])
        #expect(LabelledFields(catalogue: LabelCatalogue.idCardFront).extract(from: tracedTwice)["address"]?.text
                == "广西壮族自治区南宁市兴宁区新华街269号")
        var speck = Self.line("瑟", x: 60, y: 170)
        speck.box.height = 12
        let lowSpeck = PageText(lines: [Self.line("住址广西壮族自治区南宁市兴", x: 0, y: 100), Self.line("宁区新华街269号", x: 60, y: 135), speck])
        #expect(LabelledFields(catalogue: LabelCatalogue.idCardFront).extract(from: lowSpeck)["address"]?.text
                == "广西壮族自治区南宁市兴宁区新华街269号")
    }

    /// Seed 2045 APP-0025: 广东省肇庆市鼎湖区 read with two misreads, more
    /// than a nine-character path may have alone; the card's number names
    /// 441203 (鼎湖区), which settles it. A reading that is another real
    /// district stays as read, and so does one nearer to another path.
    @Test func placeNamesSnapTowardsTheDivisionTheDocumentsCodeNames() {
        let names = PlaceNames.shared
        #expect(names.snap("广东省牧庆市见湖区新华街98号") == "广东省牧庆市见湖区新华街98号")
        #expect(names.snap("广东省牧庆市见湖区新华街98号", hint: "441203") == "广东省肇庆市鼎湖区新华街98号")
        #expect(names.snap("广东省肇庆市端州区新华街98号", hint: "441203") == "广东省肇庆市端州区新华街98号")
        #expect(names.snap("广东省肇庆市端州医新华街98号", hint: "441203") == "广东省肇庆市端州区新华街98号")
        // A district merged away (下城区, into 拱墅区 in 2021) stays as an older document names it,
        // not snapped to the neighbour one character away (上城区).
        #expect(names.snap("浙江省杭州市下城区建国北路1号") == "浙江省杭州市下城区建国北路1号")
        #expect(names.snap("浙江省杭州市上城医建国北路1号") == "浙江省杭州市上城区建国北路1号")
        // Three misreads are too many even towards the hint.
        #expect(names.snap("广东省牧庆市见湖医新华街98号", hint: "441203") == "广东省牧庆市见湖医新华街98号")
    }

    @Test func theBuildingWordIsFoundBetweenNumbersBeforeTheRoom() {
        func index(_ text: String) -> Int? { BuildingWord.buildingWordIndex(in: Array(text)) }
        #expect(index("浙江省丽水市莲都区湖滨路55号19峡1106室") == 17)
        #expect(index("浙江省丽水市莲都区湖滨路55号19幢1106室") == nil)  // already a building word
        #expect(index("浙江省丽水市莲都区湖滨路55号") == nil)
        #expect(index("浙江省丽水市莲都区湖滨路55号19峡1106") == nil)  // no room
        #expect(index("浙江省丽水市莲都区湖滨路55号19-1106室") == nil)  // not a Han character
    }
}
