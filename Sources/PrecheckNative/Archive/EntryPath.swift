/// An archive entry's name, judged and normalised: relative, inside the
/// archive, split into the folder it is in and its file name.
///
/// Names are only ever used to group entries into applications; nothing is
/// written to disk under them. Still, a name that would leave the archive's
/// root if extracted (`../evil`, `/etc/passwd`, `C:\x`) is refused outright,
/// so such an entry can never be mistaken for part of an application.
///
/// ```swift
/// try EntryPath("APP-0001/./license.jpg").get()   // folder "APP-0001", file "license.jpg"
/// EntryPath("../evil")                              // .failure: it climbs out of the archive
/// ```
public struct EntryPath: Hashable, Sendable {
    /// The names between the archive's root and the entry (no `.`, `..` or empty ones).
    public let components: [String]

    /// Judges `name`: `/` and `\` both separate components (Windows zip
    /// tools write `\`); empty and `.` components are dropped.
    public static func parse(_ name: String) -> Result<EntryPath, EntryPathRefusal> {
        if name.isEmpty { return .failure(.empty) }
        if name.contains("\0") { return .failure(.containsNUL) }
        let unified = name.replacingOccurrences(of: "\\", with: "/")
        if unified.hasPrefix("/") { return .failure(.absolute) }
        let parts = unified.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if let first = parts.first, first.count == 2, first.hasSuffix(":"), first.first?.isLetter == true {
            return .failure(.absolute)
        }
        if parts.contains("..") { return .failure(.climbsOut) }
        return .success(EntryPath(components: parts.filter { $0 != "." }))
    }

    /// The folder holding the entry (`""` for the archive's root).
    public var folder: String { components.dropLast().joined(separator: "/") }
    /// The entry's own name (`""` for the root itself).
    public var fileName: String { components.last ?? "" }
    /// The whole normalised path.
    public var path: String { components.joined(separator: "/") }
}

/// Why an entry name is refused.
public enum EntryPathRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case empty, containsNUL, absolute, climbsOut

    public var description: String {
        switch self {
        case .empty: "has an empty name"
        case .containsNUL: "has a NUL character in its name"
        case .absolute: "has an absolute path"
        case .climbsOut: "has a path that climbs out of the archive with '..'"
        }
    }
}
