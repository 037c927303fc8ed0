import Precheck

/// The `--format text` rendering of a verdict: the decision, each reason in
/// both languages, and the key fields read from each document.
struct VerdictSummary {
    let verdict: Verdict

    init(_ verdict: Verdict) { self.verdict = verdict }

    static let keyFields: [DocumentSlot: [String]] = [
        .businessLicense: ["name", "creditCode", "registrationAuthority"],
        .idCardFront: ["name", "idNumber"],
        .idCardBack: ["validUntil"],
        .authorizationLetter: ["principalName", "agentName", "termEnd"],
    ]

    var text: String {
        var lines = ["\(verdict.applicationId.isEmpty ? "(no applicationId)" : verdict.applicationId): \(verdict.decision.rawValue)"]
        for reason in verdict.reasons {
            let place = [reason.document?.rawValue, reason.field].compactMap { $0 }.joined(separator: ".")
            lines.append("  \(reason.code.rawValue)\(place.isEmpty ? "" : " [\(place)]")")
            lines.append("    \(reason.message)")
            lines.append("    \(reason.messageEn)")
            if reason.expected != nil || reason.found != nil {
                lines.append("    expected: \(reason.expected ?? "–")  found: \(reason.found ?? "–")")
            }
        }
        for slot in DocumentSlot.allCases {
            guard let document = verdict.documents[slot] else { continue }
            let reading = document.reading
            let fields = (Self.keyFields[slot] ?? []).compactMap { key in
                reading?.fields[key].map { "\(key)=\($0.value) (\(String(format: "%.2f", $0.confidence)))" }
            }
            let seals = (reading?.seals ?? []).map { "seal:\($0.kind.rawValue)/\($0.color.rawValue)" }
            lines.append("  \(slot.rawValue) \(document.file): \(reading?.detectedType.rawValue ?? "not read") \((fields + seals).joined(separator: "  "))")
        }
        lines.append("  \(verdict.timingsMs["total"] ?? 0) ms")
        return lines.map(PersonalData.masked).joined(separator: "\n")
    }
}
