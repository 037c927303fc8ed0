import PrecheckNative

/// One box a reviewer should see on a scan: a field that was read, a seal,
/// or the letter's dashed box, and whether it stands behind a reason.
///
/// Both the batch report and the review service draw these, so a reviewer
/// sees the same evidence everywhere.
public struct EvidenceMark: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case field, seal, dashedBox
    }

    /// How the mark is drawn.
    public enum Status: String, Sendable {
        /// Read and not behind any reason (green).
        case confirmed
        /// Behind a reason of the verdict (red).
        case problem
        /// Context only, such as the dashed box (blue).
        case context
    }

    public var kind: Kind
    /// What the box is: a field key (`creditCode`), `seal: company`, `dashed box`.
    public var label: String
    /// In the uploaded image's pixels (after EXIF orientation).
    public var box: PixelBox
    public var status: Status

    public init(kind: Kind, label: String, box: PixelBox, status: Status) {
        self.kind = kind
        self.label = label
        self.box = box
        self.status = status
    }
}

extension Verdict {
    /// The evidence boxes on one document of this verdict: every field read,
    /// every seal found and the dashed box, each marked as a problem when a
    /// reason of the verdict points at it; plus the box of any reason that
    /// points somewhere else on the page.
    public func evidenceMarks(for slot: DocumentSlot) -> [EvidenceMark] {
        guard let reading = documents[slot]?.reading else { return [] }
        let reasons = self.reasons.filter { $0.document == slot }
        let problemFields = Set(reasons.compactMap(\.field))
        let codes = Set(reasons.map(\.code))
        var marks: [EvidenceMark] = reading.fields.sorted { $0.key < $1.key }.map { key, field in
            EvidenceMark(kind: .field, label: key, box: field.box, status: problemFields.contains(key) ? .problem : .confirmed)
        }
        marks += reading.seals.map { seal in
            let isProblem = !codes.isDisjoint(with: Self.codesAbout(seal.kind))
            return EvidenceMark(kind: .seal, label: "seal: \(seal.kind.rawValue)", box: seal.box, status: isProblem ? .problem : .confirmed)
        }
        if let dashed = reading.dashedBox {
            let outside = reasons.contains { $0.code == .letterSealOutsideBox || $0.code == .letterSealMissing }
            marks.append(EvidenceMark(kind: .dashedBox, label: "dashed box", box: dashed, status: outside ? .problem : .context))
        }
        let drawn = Set(marks.map(\.box))
        marks += reasons.compactMap { reason in
            reason.box.flatMap { drawn.contains($0) ? nil : EvidenceMark(kind: .field, label: reason.field ?? reason.code.rawValue, box: $0, status: .problem) }
        }
        return marks
    }

    /// The reasons that are about a kind of seal.
    private static func codesAbout(_ kind: SealKind) -> Set<ReasonCode> {
        switch kind {
        case .company: [.sealNameMismatch, .letterSealOutsideBox]
        case .registrationAuthority: [.registrationAuthorityMismatch]
        }
    }
}
