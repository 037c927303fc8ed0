/// Tells what a page is from the words printed on it (titles and labels),
/// tolerating one misread character in words of four or more.
struct DocumentClassifier {
    /// Anchor words per kind, with weights (titles weigh most).
    static let anchors: [DocumentKind: [(String, Double)]] = [
        .businessLicense: [("营业执照", 4), ("统一社会信用代码", 1), ("法定代表人", 1), ("经营者", 1), ("注册资本", 1),
                           ("经营范围", 1), ("登记机关", 1), ("成立日期", 1), ("注册日期", 1), ("营业期限", 1)],
        .creditCodeCertificate: [("统一社会信用代码证", 5), ("机构名称", 1), ("机构类型", 1), ("登记管理部门", 1)],
        .idCardFront: [("公民身份号码", 4), ("姓名", 1), ("性别", 1), ("民族", 1), ("出生", 1), ("住址", 1)],
        .idCardBack: [("居民身份证", 3), ("中华人民共和国", 1), ("签发机关", 2), ("有效期限", 2)],
        .authorizationLetter: [("授权委托书", 4), ("委托单位", 1), ("受托人", 1), ("委托期限", 1), ("代理人", 1), ("授权期限", 1)],
    ]

    /// The best kind and its score (share of its anchor weight found), or `unknown`.
    func classify(_ page: PageText) -> (kind: DocumentKind, score: Double) {
        let lines = page.lines.map { Array(TextNormalization.normalized($0.text)) }
        let matcher = LabelledFields(catalogue: [])
        var best: (DocumentKind, Double) = (.unknown, 0)
        // In a fixed order: Dictionary order changes from run to run, and ties must not.
        for kind in DocumentKind.allCases {
            guard let words = Self.anchors[kind] else { continue }
            let total = words.reduce(0) { $0 + $1.1 }
            let found = words.filter { word in
                let characters = Array(word.0)
                return lines.contains { matcher.locate(characters, in: $0) != nil }
            }.reduce(0) { $0 + $1.1 }
            let score = found / total
            if score > best.1 || (score == best.1 && kind == .creditCodeCertificate && score > 0) { best = (kind, score) }
        }
        return best.1 >= 0.25 ? best : (.unknown, best.1)
    }
}
