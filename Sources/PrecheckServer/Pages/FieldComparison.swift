import Precheck

/// The fields of one document beside what the form says they should be.
struct FieldComparison: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var key: String
        var read: FieldReading?
        /// What the form says, when the form claims a value for this field.
        var claimed: String?
        /// A reason of the verdict points at this field.
        var isProblem: Bool

        /// The form claims a value and the reading differs from it.
        /// Spaces, full-/half-width forms and letter case do not count (the
        /// rules' own normalisation).
        var isMismatch: Bool {
            guard let claimed, !claimed.isEmpty, let read else { return false }
            return Self.normalized(read.value) != Self.normalized(claimed)
        }

        /// The form claims a value but the field was not read (the
        /// registration authority, for one, is only on the seal's ring).
        var isUnread: Bool {
            read == nil && claimed?.isEmpty == false
        }

        private static func normalized(_ text: String) -> String {
            TextNormalization.normalized(text).uppercased()
        }
    }

    var rows: [Row]

    init(slot: DocumentSlot, verdict: Verdict, form: ApplicationForm) {
        let fields = verdict.documents[slot]?.reading?.fields ?? [:]
        let claims = form.claims(for: slot)
        let problemFields = Set(verdict.reasons.filter { $0.document == slot }.compactMap(\.field))
        let known = Self.fieldOrder[slot] ?? []
        let keys = known.filter { fields[$0] != nil || claims[$0] != nil } + fields.keys.filter { !known.contains($0) }.sorted()
        rows = keys.map { key in Row(key: key, read: fields[key], claimed: claims[key], isProblem: problemFields.contains(key)) }
    }

    /// The contract's field keys, in its order (§3).
    static let fieldOrder: [DocumentSlot: [String]] = [
        .businessLicense: ["creditCode", "name", "organizationType", "legalRepresentative", "registeredCapital", "establishedOn",
                           "address", "registrationAuthority", "issuedOn"],
        .idCardFront: ["name", "sex", "ethnicity", "birthDate", "address", "idNumber"],
        .idCardBack: ["issuingAuthority", "validFrom", "validUntil"],
        .authorizationLetter: ["principalName", "agentName", "agentIdNumber", "termStart", "termEnd", "signedOn"],
    ]

    /// Chinese labels as printed on the documents.
    static let labels: [String: String] = [
        "creditCode": "统一社会信用代码", "name": "名称/姓名", "organizationType": "类型", "legalRepresentative": "法定代表人",
        "registeredCapital": "注册资本", "establishedOn": "成立日期", "address": "住所/住址", "registrationAuthority": "登记机关",
        "issuedOn": "发照日期", "sex": "性别", "ethnicity": "民族", "birthDate": "出生", "idNumber": "公民身份号码",
        "issuingAuthority": "签发机关", "validFrom": "有效期起", "validUntil": "有效期至", "principalName": "委托单位",
        "agentName": "受托人", "agentIdNumber": "受托人身份证号", "termStart": "委托期限起", "termEnd": "委托期限至", "signedOn": "签署日期",
    ]

    static let slotLabels: [DocumentSlot: String] = [
        .businessLicense: "营业执照 · Business licence", .idCardFront: "身份证人像面 · ID card (portrait side)",
        .idCardBack: "身份证国徽面 · ID card (emblem side)", .authorizationLetter: "法人授权委托书 · Authorization letter",
    ]
}
