import Foundation
import NIOCore
import Precheck
@testable import PrecheckServer
import Testing

@Suite("Review service: multipart uploads")
struct UploadParsingTests {
    @Test func contentDispositionKeepsQuotedSeparatorsAndPrefersTheUTF8Name() {
        #expect(ContentDisposition(parsing: #"form-data; name="files"; filename="a;b=c.jpg""#) == ContentDisposition(name: "files", fileName: "a;b=c.jpg"))
        #expect(ContentDisposition(parsing: #"form-data; name="x"; filename="say \"hi\".png""#).fileName == #"say "hi".png"#)
        #expect(ContentDisposition(parsing: "form-data; name=plain; filename=scan.jpg").fileName == "scan.jpg")
        #expect(ContentDisposition(parsing: #"form-data; name="f"; filename="x.jpg"; filename*=UTF-8''%E8%90%A5%E4%B8%9A.jpg"#).fileName == "营业.jpg")
        #expect(ContentDisposition(parsing: "form-data") == ContentDisposition())
    }

    @Test func partsAreSplitAndScansMatchedToSlotsByNameOrField() throws {
        let folder = Samples.folder("APP-0003")
        let form = try Data(contentsOf: folder.appendingPathComponent("application.json"))
        var body = MultipartBody()
        body.addFile(field: "files", fileName: "APP-0003/application.json", contents: Array(form))
        body.addFile(field: "files", fileName: "APP-0003/license.jpg", contents: [1, 2, 3])
        body.addFile(field: "idCardFront", fileName: "photo.jpg", contents: [4, 5])
        body.addFile(field: "files", fileName: "authorization.jpg", contents: [])
        body.addFile(field: "files", fileName: "notes.txt", contents: [9])
        body.close()
        let parts = try MultipartForm.parts(of: body.buffer, boundary: MultipartBody.boundary)
        #expect(parts.count == 5)
        #expect(parts[1].bytes == [1, 2, 3])
        let upload = try ApplicationUpload(parts: parts)
        #expect(upload.form.applicationId == "002026000000003")
        #expect(upload.formJSON == form)
        #expect(upload.scans[.businessLicense]?.bytes == [1, 2, 3])
        #expect(upload.scans[.businessLicense]?.fileName == "license.jpg")
        // Named for its slot: takes the form's file name for it.
        #expect(upload.scans[.idCardFront]?.bytes == [4, 5])
        #expect(upload.scans[.idCardFront]?.fileName == "id-front.jpg")
        #expect(upload.scans[.authorizationLetter]?.bytes == [])
        // Not uploaded: left out, so the verdict says DOCUMENT_MISSING.
        #expect(upload.scans[.idCardBack] == nil)
        #expect(upload.application.documents.count == 3)
    }

    @Test func bodyBytesAreKeptExactlyEvenWhenTheyLookLikeABoundary() throws {
        let tricky = Array("\r\n--\(MultipartBody.boundary.dropLast())X\r\n--".utf8) + [0, 13, 10, 45, 45]
        var body = MultipartBody()
        body.addFile(field: "files", fileName: "a.bin", contents: tricky)
        body.close()
        let parts = try MultipartForm.parts(of: body.buffer, boundary: MultipartBody.boundary)
        #expect(parts.map(\.bytes) == [tricky])
    }

    @Test func boundaryComesFromTheContentType() throws {
        #expect(try MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(try MultipartForm.boundary(contentType: #"Multipart/Form-Data; charset=utf-8; boundary="a b""#) == "a b")
        #expect(throws: APIError.self) { try MultipartForm.boundary(contentType: "text/plain") }
        #expect(throws: APIError.self) { try MultipartForm.boundary(contentType: nil) }
        #expect(throws: APIError.self) { try MultipartForm.boundary(contentType: "multipart/form-data; boundary=") }
    }

    @Test func tooManyPartsAreRefused() {
        var body = MultipartBody()
        for index in 0...MultipartForm.maxParts { body.addFile(field: "f", fileName: "\(index).jpg", contents: [1]) }
        body.close()
        #expect(throws: APIError.self) { try MultipartForm.parts(of: body.buffer, boundary: MultipartBody.boundary) }
    }
}
