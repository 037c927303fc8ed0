import PrecheckNative

/// Draws a verdict's evidence boxes on a scan, for reviewers: green for what
/// was read and confirmed, red for what stands behind a reason, blue for
/// context (the letter's dashed box).
///
/// ```swift
/// let jpeg = try EvidenceAnnotator(longSide: 800)
///     .annotatedJPEG(of: scanBytes, marks: verdict.evidenceMarks(for: .businessLicense))
/// ```
public struct EvidenceAnnotator: Sendable {
    /// The drawn image's longer side at most (scans are shrunk to it).
    public var longSide: Int
    public var jpegQuality: Int
    /// Decoding limits (the same as for checking, by default).
    public var intake: ImageIntake

    public init(longSide: Int = 1600, jpegQuality: Int = 80, intake: ImageIntake = ImageIntake()) {
        self.longSide = longSide
        self.jpegQuality = jpegQuality
        self.intake = intake
    }

    /// The scan in `bytes` with `marks` drawn, as JPEG.
    /// - Throws: ``IntakeError`` when the scan cannot be decoded.
    public func annotatedJPEG(of bytes: [UInt8], marks: [EvidenceMark]) throws -> [UInt8] {
        let image = try intake.decode(bytes)
        return try VipsImage(annotated(image, marks: marks)).encoded(as: .jpeg(quality: jpegQuality))
    }

    /// The decoded scan, shrunk to ``longSide``, with `marks` drawn.
    public func annotated(_ image: DecodedImage, marks: [EvidenceMark]) throws -> Raster {
        var raster = image.raster
        let shrink = min(1, Double(longSide) / Double(max(raster.width, raster.height)))
        if shrink < 1 { raster = try VipsImage(raster).resized(by: shrink).raster() }
        if raster.channels == 1 { raster = try VipsImage(raster).converted(to: .sRGB).raster() }
        // Boxes are in the uploaded image's pixels; the raster may be smaller.
        let scale = Double(raster.width) / Double(image.sourceWidth)
        let stroke = max(2, max(raster.width, raster.height) / 400)
        // Problems last, so they are on top.
        for mark in marks.sorted(by: { Self.drawingOrder($0.status) < Self.drawingOrder($1.status) }) {
            let box = PixelBox(x: Int(Double(mark.box.x) * scale), y: Int(Double(mark.box.y) * scale),
                               width: Int((Double(mark.box.width) * scale).rounded(.up)),
                               height: Int((Double(mark.box.height) * scale).rounded(.up)))
            raster.strokeRectangle(box.expanded(by: stroke, within: (raster.width, raster.height)), width: stroke,
                                   colour: Self.colour(mark.status))
        }
        return raster
    }

    static func colour(_ status: EvidenceMark.Status) -> (UInt8, UInt8, UInt8) {
        switch status {
        case .confirmed: (0, 160, 70)
        case .problem: (225, 20, 20)
        case .context: (30, 100, 230)
        }
    }

    private static func drawingOrder(_ status: EvidenceMark.Status) -> Int {
        switch status {
        case .context: 0
        case .confirmed: 1
        case .problem: 2
        }
    }
}

extension Raster {
    /// Paints the outline of `box` (clipped to the image), `width` pixels
    /// thick, inside the box. RGB rasters only.
    mutating func strokeRectangle(_ box: PixelBox, width: Int, colour: (UInt8, UInt8, UInt8)) {
        precondition(channels == 3, "strokeRectangle paints RGB rasters")
        let box = box.clipped(to: (self.width, height))
        guard box.area > 0 else { return }
        let thickness = min(width, box.width, box.height)
        let bands = [PixelBox(x: box.x, y: box.y, width: box.width, height: thickness),
                     PixelBox(x: box.x, y: box.maxY - thickness, width: box.width, height: thickness),
                     PixelBox(x: box.x, y: box.y, width: thickness, height: box.height),
                     PixelBox(x: box.maxX - thickness, y: box.y, width: thickness, height: box.height)]
        for band in bands {
            for y in band.y..<band.maxY {
                for x in band.x..<band.maxX {
                    let offset = (y * self.width + x) * 3
                    pixels[offset] = colour.0
                    pixels[offset + 1] = colour.1
                    pixels[offset + 2] = colour.2
                }
            }
        }
    }
}
