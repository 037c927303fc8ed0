import Foundation
@testable import Precheck
import PrecheckNative
import Testing

@Suite("Evidence boxes drawn for reviewers")
struct EvidenceAnnotatorTests {
    /// A verdict on sample APP-0001's licence with two fields read, one of
    /// them behind a reason.
    private func verdict(scanWidth: Int, scanHeight: Int) -> Verdict {
        let code = FieldReading(value: "91130522MA8G8T5ML4", confidence: 0.9, box: PixelBox(x: 100, y: 200, width: 400, height: 60))
        let name = FieldReading(value: "邢台新越电子科技股份有限公司", confidence: 0.9, box: PixelBox(x: 100, y: 400, width: 600, height: 60))
        let seal = SealEvidence(kind: .registrationAuthority, text: "", box: PixelBox(x: scanWidth / 2, y: scanHeight / 2, width: 300, height: 300),
                                color: .red, score: 0.9)
        let reading = DocumentReading(detectedType: .businessLicense, classificationScore: 1, isBlackAndWhiteCopy: false,
                                      quality: .test,
                                      fields: ["creditCode": code, "name": name], seals: [seal], text: [])
        let reason = Reason(.companyNameMismatch, document: .businessLicense, field: "name", expected: "甲", found: "乙", box: name.box)
        return Verdict(applicationId: "1", reasons: [reason],
                       documents: [.businessLicense: DocumentEvidence(file: "license.tif", reading: reading)], timingsMs: [:])
    }

    @Test("the field behind a reason is red, a confirmed field green, the seal green")
    func marksCarryStatus() throws {
        let marks = verdict(scanWidth: 1654, scanHeight: 2339).evidenceMarks(for: .businessLicense)
        #expect(marks.first { $0.label == "name" }?.status == .problem)
        #expect(marks.first { $0.label == "creditCode" }?.status == .confirmed)
        #expect(marks.first { $0.kind == .seal }?.status == .confirmed)
        #expect(marks.count == 3, "the reason's box is the name's box: not drawn twice")
        #expect(verdict(scanWidth: 1654, scanHeight: 2339).evidenceMarks(for: .idCardFront).isEmpty)
    }

    @Test("boxes are drawn at their place on the shrunk scan")
    func drawsOnTheScan() throws {
        let bytes = try [UInt8](Data(contentsOf: Samples.file("APP-0001", "businessLicense")))
        let scan = try ImageIntake().decode(bytes)
        let marks = verdict(scanWidth: scan.sourceWidth, scanHeight: scan.sourceHeight).evidenceMarks(for: .businessLicense)
        let annotator = EvidenceAnnotator(longSide: 800)
        let drawn = try annotator.annotated(scan, marks: marks)
        #expect(max(drawn.width, drawn.height) == 800)
        let scale = Double(drawn.width) / Double(scan.sourceWidth)
        func colour(atSourceX x: Int, y: Int) -> [UInt8] {
            // The outline is painted just outside the box, so it never hides what was read.
            let offset = (Int(Double(y) * scale) * drawn.width + Int(Double(x) * scale) - 1) * 3
            return Array(drawn.pixels[offset..<offset + 3])
        }
        // The left edge of each box, half-way down.
        #expect(colour(atSourceX: 100, y: 430) == [225, 20, 20])
        #expect(colour(atSourceX: 100, y: 230) == [0, 160, 70])
        let jpeg = try annotator.annotatedJPEG(of: bytes, marks: marks)
        #expect(ImageFileFormat.sniff(jpeg) == .jpeg)
    }
}
