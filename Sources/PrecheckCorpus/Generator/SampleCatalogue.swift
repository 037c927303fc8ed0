import Foundation
import Precheck
import PrecheckNative

/// The README and preview images of a generated sample set.
public enum SampleCatalogue {
    /// A Markdown table of the applications: style, defect, expected outcome.
    public static func markdown(_ applications: [GeneratedApplication], seed: UInt64) -> String {
        var lines = [
            "# Sample applications",
            "",
            "Synthetic applications made by `precheck samples generate --out samples --showcase --seed \(seed) --max-jpeg-quality 80`",
            "(regenerate with `scripts/make-samples.sh`). Every name, code and document here is fictitious; the",
            "credit codes and ID numbers carry correct check characters. Each folder holds the contract's",
            "`application.json`, four scans, and `truth.json` (expected decision, reasons, every true field value).",
            "",
            "One clean application per scan style, then one application per reason code.",
            "",
            "![licence](previews/license.jpg) ![ID card front](previews/id-front.jpg) ![ID card back](previews/id-back.jpg) ![authorization letter](previews/authorization.jpg)",
            "",
            "| folder | scan style | defect | expected decision | expected reason | files |",
            "|---|---|---|---|---|---|",
        ]
        for application in applications.sorted(by: { $0.name < $1.name }) {
            let truth = application.truth
            let files = DocumentSlot.allCases.compactMap { truth.presentation[$0.rawValue]?.file }.joined(separator: ", ")
            lines.append("| \(application.name) | \(truth.style) | \(truth.defect?.rawValue ?? "—") | \(truth.expectedDecision.rawValue) | \(truth.expectedReasons.map(\.rawValue).joined(separator: ", ")) | \(files) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Small JPEG previews of one application's four scans, by slot file base name.
    public static func previews(of application: GeneratedApplication, longSide: Int = 900) throws -> [String: [UInt8]] {
        var previews: [String: [UInt8]] = [:]
        let intake = ImageIntake()
        for slot in DocumentSlot.allCases {
            guard let file = application.truth.presentation[slot.rawValue]?.file, let bytes = application.files[file], !bytes.isEmpty else { continue }
            let raster = try intake.decode(bytes).raster
            let scale = min(1, Double(longSide) / Double(max(raster.width, raster.height)))
            let base = file.split(separator: ".").first.map(String.init) ?? slot.rawValue
            previews[base + ".jpg"] = try VipsImage(raster).resized(by: scale).encoded(as: .jpeg(quality: 80))
        }
        return previews
    }
}
