import Foundation

/// The `--csv` file: one row per application (the counted line of each
/// source), columns `source, applicationId, decision, reasonCodes, error`;
/// reason codes separated by spaces.
///
/// Fields are quoted per RFC 4180 when needed, and a field starting with
/// `=`, `+`, `-` or `@` gets a leading `'` so a spreadsheet shows it as text
/// instead of running it as a formula.
public enum CSVSummary {
    public static func write(_ results: FinalResults, to url: URL) throws(BatchError) {
        var text = "source,applicationId,decision,reasonCodes,error\r\n"
        for entry in results.entries {
            let record = entry.record
            let fields = [record.source, record.applicationId ?? "", record.decision.rawValue,
                          record.reasonCodes.joined(separator: " "), record.error ?? ""]
            text += fields.map(field).joined(separator: ",") + "\r\n"
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(url.path, error.localizedDescription)
        }
    }

    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
