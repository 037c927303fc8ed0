import Foundation

/// The parameters of a part's `Content-Disposition` header
/// (`form-data; name="businessLicense"; filename="license.jpg"`).
///
/// Quoted values may hold `;` and `=`; `filename*=UTF-8''…` (RFC 5987)
/// wins over `filename`.
struct ContentDisposition: Equatable {
    var name: String?
    var fileName: String?

    init(name: String? = nil, fileName: String? = nil) {
        self.name = name
        self.fileName = fileName
    }

    init(parsing header: String) {
        var parameters: [String: String] = [:]
        var characters = Substring(header)
        // Skip the disposition type ("form-data").
        if let semicolon = characters.firstIndex(of: ";") { characters = characters[characters.index(after: semicolon)...] } else { characters = "" }
        while !characters.isEmpty {
            characters = characters.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            let key = characters.prefix { $0 != "=" && $0 != ";" }
            characters = characters.dropFirst(key.count)
            var value = ""
            if characters.first == "=" {
                characters = characters.dropFirst()
                if characters.first == "\"" {
                    characters = characters.dropFirst()
                    while let character = characters.first, character != "\"" {
                        characters = characters.dropFirst()
                        if character == "\\", let escaped = characters.first {
                            value.append(escaped)
                            characters = characters.dropFirst()
                        } else {
                            value.append(character)
                        }
                    }
                    characters = characters.dropFirst()
                } else {
                    let raw = characters.prefix { $0 != ";" }
                    value = raw.trimmingCharacters(in: .whitespaces)
                    characters = characters.dropFirst(raw.count)
                }
            }
            let name = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !name.isEmpty && parameters[name] == nil { parameters[name] = value }
        }
        name = parameters["name"]
        fileName = parameters["filename*"].flatMap(Self.decodeExtendedValue) ?? parameters["filename"]
    }

    /// `UTF-8''%E8%90%A5.jpg` → `营.jpg` (RFC 5987); `nil` for other charsets.
    private static func decodeExtendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }
}
