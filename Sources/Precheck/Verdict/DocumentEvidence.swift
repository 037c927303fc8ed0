/// What the verdict reports about one uploaded document (contract §3,
/// `documents.<slot>`): the file, and what was read from it or why it could
/// not be read. In JSON the reading's keys sit beside `file`.
public struct DocumentEvidence: Sendable, Codable, Equatable {
    /// The file name as given in the form.
    public var file: String
    /// What was read, when the file could be read.
    public var reading: DocumentReading?
    /// Why the file could not be read, when it could not.
    public var error: String?

    public init(file: String, reading: DocumentReading? = nil, error: String? = nil) {
        self.file = file
        self.reading = reading
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case file, error
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        reading = error == nil ? try DocumentReading(from: decoder) : nil
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try reading?.encode(to: encoder)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
