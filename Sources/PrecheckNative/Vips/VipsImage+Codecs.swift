import CVips

/// How much a loader should reduce an image while decoding it.
public enum LoadReduction: Sendable, Equatable {
    case none
    /// JPEG shrink-on-load: 1, 2, 4 or 8 (libjpeg's DCT scaling).
    case jpegShrink(Int)
    /// WebP scale-on-load, 0 < scale ≤ 1.
    case webpScale(Double)
    /// Render a PDF page at this many dots per inch.
    case pdfDPI(Double)
}

/// What a format's header says before any pixel is decoded.
public struct ImageHeader: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let exifOrientation: Int
    public let dpi: Double
}

/// The ways to encode an image for saving.
public enum ImageEncoding: Sendable {
    case jpeg(quality: Int)
    /// JPEG that keeps metadata such as the EXIF orientation tag.
    case jpegKeepingMetadata(quality: Int)
    case png
    case tiff
    case webp(quality: Int)
}

extension VipsImage {
    /// Reads only the header of an encoded image (libvips decodes lazily).
    ///
    /// For PDF the size is the first page at 72 dpi (one pixel per point).
    public static func header(of bytes: [UInt8], format: ImageFileFormat) throws -> ImageHeader {
        precondition(format != .bmp, "BMP is decoded by Leptonica; see Pix.decodeBMP")
        return try bytes.withUnsafeBytes { buffer in
            let image = try load(buffer, format: format, reduction: format == .pdf ? .pdfDPI(72) : .none)
            return ImageHeader(width: image.width, height: image.height,
                               exifOrientation: image.exifOrientation, dpi: image.headerDPI)
        }
    }

    /// Decodes an encoded image completely into memory.
    ///
    /// The loader is chosen by `format` (never libvips' own sniffing), so only
    /// the loaders Precheck names can run. Decoding stops at the first
    /// damaged byte (`fail_on = error`) instead of returning half an image.
    public static func decode(_ bytes: [UInt8], format: ImageFileFormat, reduction: LoadReduction) throws -> VipsImage {
        precondition(format != .bmp, "BMP is decoded by Leptonica; see Pix.decodeBMP")
        return try bytes.withUnsafeBytes { buffer in
            // The loaders read from `buffer` lazily: copy into memory before it goes away.
            try load(buffer, format: format, reduction: reduction).inMemory()
        }
    }

    private static func load(_ buffer: UnsafeRawBufferPointer, format: ImageFileFormat, reduction: LoadReduction) throws -> VipsImage {
        let base = UnsafeMutableRawPointer(mutating: buffer.baseAddress)
        let count = buffer.count
        switch format {
        case .jpeg:
            var shrink: Int32 = 1
            if case .jpegShrink(let value) = reduction { shrink = Int32(value) }
            return try make("jpegload_buffer") { cvips_jpegload_buffer(base, count, shrink, $0) }
        case .png:
            return try make("pngload_buffer") { cvips_pngload_buffer(base, count, $0) }
        case .tiff:
            return try make("tiffload_buffer") { cvips_tiffload_buffer(base, count, $0) }
        case .webp:
            var scale = 1.0
            if case .webpScale(let value) = reduction { scale = value }
            return try make("webpload_buffer") { cvips_webpload_buffer(base, count, scale, $0) }
        case .pdf:
            var dpi = 72.0
            if case .pdfDPI(let value) = reduction { dpi = value }
            return try make("pdfload_buffer") { cvips_pdfload_buffer(base, count, dpi, $0) }
        case .bmp:
            throw NativeError(library: .vips, operation: "load", message: "BMP is not decoded by libvips")
        }
    }

    /// Encodes the image (metadata stripped).
    public func encoded(as encoding: ImageEncoding) throws -> [UInt8] {
        try VipsRuntime.ensureStarted()
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        let name: String
        switch encoding {
        case .jpeg(let quality):
            name = "jpegsave_buffer"; status = cvips_jpegsave_buffer(pointer, &buffer, &length, Int32(quality))
        case .jpegKeepingMetadata(let quality):
            name = "jpegsave_buffer"; status = cvips_jpegsave_buffer_keep_metadata(pointer, &buffer, &length, Int32(quality))
        case .png:
            name = "pngsave_buffer"; status = cvips_pngsave_buffer(pointer, &buffer, &length)
        case .tiff:
            name = "tiffsave_buffer"; status = cvips_tiffsave_buffer(pointer, &buffer, &length)
        case .webp(let quality):
            name = "webpsave_buffer"; status = cvips_webpsave_buffer(pointer, &buffer, &length, Int32(quality))
        }
        try VipsRuntime.check(status, name)
        guard let buffer else { throw NativeError(library: .vips, operation: name, message: "no output") }
        defer { cvips_gfree(buffer) }
        return [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// Returns a copy whose EXIF orientation tag is set (for test inputs).
    public func withEXIFOrientation(_ orientation: Int) throws -> VipsImage {
        let copy = try inMemory()
        cvips_set_orientation(copy.pointer, Int32(orientation))
        return copy
    }
}

extension VipsImage {
    /// Renders Pango markup as a one-band coverage mask (255 = ink).
    ///
    /// - Parameters:
    ///   - font: a Pango font description, e.g. `"Noto Serif CJK SC Bold 12"`.
    ///   - fontFile: an extra font file to make available, or `nil`.
    ///   - wrapWidth: wrap lines at this many pixels; 0 for no wrapping.
    public static func text(_ markup: String, font: String, fontFile: String? = nil, dpi: Int,
                            wrapWidth: Int = 0, lineSpacing: Int = 0) throws -> VipsImage {
        try make("text") { out in
            if let fontFile {
                return cvips_text(out, markup, font, fontFile, Int32(dpi), Int32(wrapWidth), Int32(lineSpacing))
            }
            return cvips_text(out, markup, font, nil, Int32(dpi), Int32(wrapWidth), Int32(lineSpacing))
        }
    }
}
