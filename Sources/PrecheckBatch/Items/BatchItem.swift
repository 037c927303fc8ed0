/// One unit of a batch run: an application to check, or something that
/// cannot be checked and gets an error line.
public enum BatchItem: Sendable {
    case application(CollectedApplication)
    /// `contentHash` is there when the item is an application (malformed
    /// form, refused document), so `--resume` can tell whether it changed.
    case failure(source: String, problem: BatchProblem, contentHash: String?, applicationId: String?)

    public var source: String {
        switch self {
        case .application(let application): application.source
        case .failure(let source, _, _, _): source
        }
    }

    public var contentHash: String? {
        switch self {
        case .application(let application): application.contentHash
        case .failure(_, _, let hash, _): hash
        }
    }

    /// Frees what the item holds on disk.
    func discard() {
        if case .application(let application) = self { application.discard() }
    }
}
