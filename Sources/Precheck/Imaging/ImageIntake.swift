import Foundation
import PrecheckNative

/// Limits that keep one hostile or absurd upload from exhausting memory.
public struct IntakeLimits: Sendable, Equatable {
    /// Largest accepted file, in bytes.
    public var maxBytes: Int = 60_000_000
    /// Largest accepted image after shrink-on-load, in pixels.
    public var maxPixels: Int = 100_000_000
    /// JPEG, WebP and PDF are reduced while decoding, but never below this
    /// long side (pixels), which is enough for every later stage.
    public var decodeLongSide: Int = 2600

    public init() {}
}

/// An uploaded image, decoded, upright as the user sees it (EXIF applied).
public struct DecodedImage: Sendable {
    /// RGB pixels, possibly reduced while decoding.
    public let raster: Raster
    public let format: ImageFileFormat
    /// Size of the image as the user sees it, before any reduction: the
    /// coordinate system of every box in the verdict.
    public let sourceWidth: Int
    public let sourceHeight: Int
    /// Resolution stated in the file (72 when the file states none).
    public let headerDPI: Double

    /// Pixels of `raster` per source pixel (≤ 1).
    public var scaleFromSource: Double { Double(raster.width) / Double(sourceWidth) }
}

/// Decodes uploads with libvips (Leptonica for BMP), choosing the loader
/// from the file's leading bytes, never its name.
///
/// ```swift
/// let image = try ImageIntake().decode(contentsOf: URL(fileURLWithPath: "license.jpg"))
/// ```
public struct ImageIntake: Sendable {
    public var limits: IntakeLimits

    public init(limits: IntakeLimits = IntakeLimits()) {
        self.limits = limits
    }

    /// Reads and decodes a file, refusing it early when it is over the byte limit.
    public func decode(contentsOf url: URL) throws -> DecodedImage {
        let path = url.path
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw IntakeError.unreadableFile(url.lastPathComponent, "no such file or no permission")
        }
        if attributes[.type] as? FileAttributeType != .typeRegular {
            throw IntakeError.unreadableFile(url.lastPathComponent, "not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maxBytes { throw IntakeError.tooLarge(bytes: size, limit: limits.maxBytes) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IntakeError.unreadableFile(url.lastPathComponent, "read failed")
        }
        return try decode([UInt8](data))
    }

    /// Decodes an encoded image held in memory.
    public func decode(_ bytes: [UInt8]) throws -> DecodedImage {
        if bytes.isEmpty { throw IntakeError.empty() }
        if bytes.count > limits.maxBytes { throw IntakeError.tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        guard let format = ImageFileFormat.sniff(bytes) else { throw IntakeError.unsupported() }
        do {
            if format == .bmp { return try decodeBMP(bytes) }
            return try decodeWithVips(bytes, format: format)
        } catch let error as IntakeError {
            throw error
        } catch {
            throw IntakeError.corrupt(format, error)
        }
    }

    private func decodeBMP(_ bytes: [UInt8]) throws -> DecodedImage {
        guard let size = Leptonica.bmpSize(bytes) else { throw IntakeError.unsupported() }
        try checkPixels(width: size.width, height: size.height)
        let decoded = try VipsImage(Leptonica.decodeBMP(bytes))
        let raster = try decoded.converted(to: .sRGB).raster()
        return DecodedImage(raster: raster, format: .bmp, sourceWidth: raster.width, sourceHeight: raster.height, headerDPI: 72)
    }

    private func decodeWithVips(_ bytes: [UInt8], format: ImageFileFormat) throws -> DecodedImage {
        let header = try VipsImage.header(of: bytes, format: format)
        // Source size as the user sees it: orientations 5-8 swap the axes.
        let swapsAxes = (5...8).contains(header.exifOrientation)
        var sourceWidth = swapsAxes ? header.height : header.width
        var sourceHeight = swapsAxes ? header.width : header.height
        let longSide = max(header.width, header.height)

        let reduction: LoadReduction
        switch format {
        case .jpeg:
            var shrink = 1
            while shrink < 8 && longSide / (shrink * 2) >= limits.decodeLongSide { shrink *= 2 }
            reduction = .jpegShrink(shrink)
        case .webp:
            reduction = longSide > limits.decodeLongSide ? .webpScale(Double(limits.decodeLongSide) / Double(longSide)) : .none
        case .pdf:
            // The header size is in points (72 per inch): render at the dpi that
            // gives `decodeLongSide`, at most 300 dpi.
            let dpi = min(300, 72 * Double(limits.decodeLongSide) / Double(max(1, longSide)))
            reduction = .pdfDPI(dpi)
            sourceWidth = Int((Double(header.width) * dpi / 72).rounded())
            sourceHeight = Int((Double(header.height) * dpi / 72).rounded())
        default:
            reduction = .none
        }
        try checkPixels(width: reducedSize(header.width, reduction), height: reducedSize(header.height, reduction))

        var image = try VipsImage.decode(bytes, format: format, reduction: reduction)
        if header.exifOrientation != 1 { image = try image.autorotated() }
        let raster = try image.raster()
        let rgb = raster.channels == 3 ? raster : raster.expandedToRGB()
        return DecodedImage(raster: rgb, format: format, sourceWidth: format == .pdf ? rgb.width : sourceWidth,
                            sourceHeight: format == .pdf ? rgb.height : sourceHeight, headerDPI: header.dpi)
    }

    private func reducedSize(_ side: Int, _ reduction: LoadReduction) -> Int {
        switch reduction {
        case .none: side
        case .jpegShrink(let shrink): (side + shrink - 1) / shrink
        case .webpScale(let scale): Int(Double(side) * scale)
        case .pdfDPI(let dpi): Int(Double(side) * dpi / 72)
        }
    }

    private func checkPixels(width: Int, height: Int) throws {
        guard width > 0, height > 0 else { throw IntakeError.unsupported() }
        if width.multipliedReportingOverflow(by: height).overflow || width * height > limits.maxPixels {
            throw IntakeError.tooManyPixels(width: width, height: height, limit: limits.maxPixels)
        }
    }
}

extension Raster {
    /// A three-channel copy of a grey raster.
    func expandedToRGB() -> Raster {
        if channels == 3 { return self }
        var rgb = [UInt8](repeating: 0, count: pixelCount * 3)
        for index in 0..<pixelCount {
            let value = pixels[index]
            rgb[index * 3] = value; rgb[index * 3 + 1] = value; rgb[index * 3 + 2] = value
        }
        return Raster(width: width, height: height, channels: 3, pixels: rgb)
    }
}
