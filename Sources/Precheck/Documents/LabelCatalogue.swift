/// The printed labels that anchor each field, per document kind. Several
/// spellings per field (法定代表人 / 经营者 / 负责人 …). Labels are matched
/// with spaces removed and with one OCR error allowed in labels of four or
/// more characters.
enum LabelCatalogue {
    /// A field and the labels that introduce it.
    struct Entry {
        let key: String
        let labels: [String]
        /// The value may continue on following lines (address, authority).
        var multiline = false
    }

    static let license: [Entry] = [
        Entry(key: "name", labels: ["名称"]),
        Entry(key: "organizationType", labels: ["类型"]),
        Entry(key: "legalRepresentative", labels: ["法定代表人", "经营者", "负责人", "执行事务合伙人", "投资人"]),
        Entry(key: "registeredCapital", labels: ["注册资本", "出资额"]),
        Entry(key: "establishedOn", labels: ["成立日期", "注册日期"]),
        Entry(key: "businessTerm", labels: ["营业期限", "合伙期限"]),
        Entry(key: "address", labels: ["住所", "经营场所", "营业场所", "主要经营场所"], multiline: true),
        Entry(key: "businessScope", labels: ["经营范围"], multiline: true),
        Entry(key: "compositionForm", labels: ["组成形式"]),
        Entry(key: "registrationAuthority", labels: ["登记机关"]),
    ]

    static let idCardFront: [Entry] = [
        Entry(key: "name", labels: ["姓名"]),
        Entry(key: "sex", labels: ["性别"]),
        Entry(key: "ethnicity", labels: ["民族"]),
        Entry(key: "birthDate", labels: ["出生"]),
        Entry(key: "address", labels: ["住址"], multiline: true),
        Entry(key: "idNumber", labels: ["公民身份号码"]),
    ]

    static let idCardBack: [Entry] = [
        Entry(key: "issuingAuthority", labels: ["签发机关"], multiline: true),
        Entry(key: "validity", labels: ["有效期限"]),
    ]

    static let letter: [Entry] = [
        Entry(key: "principalName", labels: ["委托单位", "授权单位", "委托人"]),
        Entry(key: "creditCode", labels: ["统一社会信用代码"]),
        Entry(key: "legalRepresentative", labels: ["法定代表人"]),
        Entry(key: "agentName", labels: ["受托人(代理人)", "受托人", "代理人", "被授权人"]),
        Entry(key: "agentIdNumber", labels: ["身份证号码", "身份证号"]),
        Entry(key: "term", labels: ["委托期限", "授权期限"]),
        Entry(key: "signedOn", labels: ["日期"]),
    ]
}
