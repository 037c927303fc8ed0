/// How an upload's body is packed, from its `Content-Type`.
enum UploadFormat: Equatable {
    /// `multipart/form-data`: the files as parts (or one zip as a part).
    case multipart(boundary: String)
    /// The body is a zip (or tar, tar.gz) of the application's folder.
    case archive

    static let archiveTypes = ["application/zip", "application/x-zip-compressed", "application/x-tar", "application/gzip",
                               "application/x-gzip"]

    /// - Throws: ``APIError`` 415 for any other type, 400 for multipart without a boundary.
    init(contentType: String?) throws(APIError) {
        let type = contentType?.lowercased() ?? ""
        if Self.archiveTypes.contains(where: { type.hasPrefix($0) }) {
            self = .archive
        } else {
            self = .multipart(boundary: try MultipartForm.boundary(contentType: contentType))
        }
    }
}
