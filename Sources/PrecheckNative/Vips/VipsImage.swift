import CVips
import Foundation

/// An owned libvips image.
///
/// Owns one reference to a `VipsImage*` and releases it in `deinit`. Every
/// operation returns a new `VipsImage`; none mutates the receiver. Raw
/// pointers stay inside this file and its extensions.
///
/// Thread safety: a libvips image is immutable once built and its reference
/// count is atomic, so a `VipsImage` may be read from several threads. It is
/// `@unchecked Sendable` for that reason; it never exposes its pointer.
public final class VipsImage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<CVips.VipsImage>

    init(owning pointer: UnsafeMutablePointer<CVips.VipsImage>) {
        self.pointer = pointer
    }

    deinit { cvips_unref(pointer) }

    public var width: Int { Int(vips_image_get_width(pointer)) }
    public var height: Int { Int(vips_image_get_height(pointer)) }
    public var bands: Int { Int(vips_image_get_bands(pointer)) }
    /// Horizontal resolution from the file header, in pixels per inch
    /// (libvips reports 72 dpi when the file has none).
    public var headerDPI: Double { vips_image_get_xres(pointer) * 25.4 }
    /// EXIF orientation tag (1 = upright) as found in the file.
    public var exifOrientation: Int { Int(cvips_orientation(pointer)) }

    /// Runs one libvips call that produces an image and wraps the result.
    static func make(_ operation: String, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CVips.VipsImage>?>) -> Int32) throws -> VipsImage {
        try VipsRuntime.ensureStarted()
        var out: UnsafeMutablePointer<CVips.VipsImage>?
        let status = body(&out)
        guard status == 0, let image = out else {
            if let out { cvips_unref(out) }
            throw NativeError(library: .vips, operation: operation, message: VipsRuntime.takeErrorMessage())
        }
        return VipsImage(owning: image)
    }
}

// MARK: - Raster conversion

extension VipsImage {
    /// Builds a libvips image holding a copy of `raster`'s pixels.
    public convenience init(_ raster: Raster) throws {
        try VipsRuntime.ensureStarted()
        let pointer = raster.pixels.withUnsafeBytes { bytes in
            vips_image_new_from_memory_copy(bytes.baseAddress, bytes.count, Int32(raster.width),
                                            Int32(raster.height), Int32(raster.channels), VIPS_FORMAT_UCHAR)
        }
        guard let pointer else {
            throw NativeError(library: .vips, operation: "new_from_memory_copy", message: VipsRuntime.takeErrorMessage())
        }
        let space = raster.channels == 1 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB
        pointer.pointee.Type = space
        self.init(owning: pointer)
    }

    /// Decodes the pixels into a ``Raster``: 8-bit, and 1 or 3 bands
    /// (alpha flattened onto white, other colour spaces converted to sRGB).
    public func raster() throws -> Raster {
        var image = self
        if vips_image_get_interpretation(pointer) == VIPS_INTERPRETATION_CMYK { image = try image.converted(to: .sRGB) }
        if image.bands == 2 || image.bands == 4 { image = try image.flattenedOnWhite() }
        if image.bands != 1 && image.bands != 3 { image = try image.converted(to: .sRGB) }
        image = try image.castToUChar()
        var size = 0
        guard let memory = vips_image_write_to_memory(image.pointer, &size) else {
            throw NativeError(library: .vips, operation: "write_to_memory", message: VipsRuntime.takeErrorMessage())
        }
        defer { cvips_gfree(memory) }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: memory, count: size))
        return Raster(width: image.width, height: image.height, channels: image.bands, pixels: bytes)
    }
}
