import PrecheckNative

/// One reason behind a decision (contract §3): what is wrong, where, and
/// what the applicant should do, in Chinese and English.
public struct Reason: Sendable, Codable, Equatable {
    public var code: ReasonCode
    public var severity: Severity
    /// The document concerned (`nil` for the form alone).
    public var document: DocumentSlot?
    /// The field concerned, when there is one (contract field keys, or the
    /// form's own keys such as `applicant.mobile`).
    public var field: String?
    /// What the form (or the other document) says it should be.
    public var expected: String?
    /// What was found on the document.
    public var found: String?
    /// Evidence on the uploaded image, `[x, y, width, height]`.
    public var box: PixelBox?
    public var message: String
    public var messageEn: String

    public init(_ code: ReasonCode, document: DocumentSlot?, field: String? = nil, expected: String? = nil,
                found: String? = nil, box: PixelBox? = nil, detail: ReasonDetail? = nil) {
        self.code = code
        self.severity = code.severity
        self.document = document
        self.field = field
        self.expected = expected
        self.found = found
        self.box = box
        let text = ReasonMessages.text(for: code)
        self.message = detail.map { text.chinese + "（\($0.chinese)）" } ?? text.chinese
        self.messageEn = detail.map { text.english + " (\($0.english))" } ?? text.english
    }
}

/// A specific addition to a reason's standard message, in both languages.
public struct ReasonDetail: Sendable, Equatable {
    public var chinese: String
    public var english: String

    public init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }
}
