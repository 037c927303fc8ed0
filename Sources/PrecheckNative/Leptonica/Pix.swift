import CLeptonica

/// An owned Leptonica image (`PIX*`), 1, 8 or 32 bits per pixel.
///
/// Owns one reference and destroys it in `deinit`. Only ``Raster`` values
/// go in and out; the pointer never leaves `PrecheckNative`.
///
/// Not `Sendable`: Leptonica's reference count is not atomic. Make a `Pix`,
/// use it and drop it within one task.
final class Pix {
    let pointer: UnsafeMutablePointer<PIX>

    init(owning pointer: UnsafeMutablePointer<PIX>) {
        self.pointer = pointer
    }

    deinit { clept_destroy(pointer) }

    static let silenced: Void = { clept_silence() }()

    /// Wraps the result of a Leptonica call that returns a new `PIX*` or NULL.
    static func make(_ operation: String, _ result: UnsafeMutablePointer<PIX>?) throws -> Pix {
        guard let result else {
            throw NativeError(library: .leptonica, operation: operation, message: "returned no image")
        }
        return Pix(owning: result)
    }

    var width: Int { Int(pixGetWidth(pointer)) }
    var height: Int { Int(pixGetHeight(pointer)) }
    var depth: Int { Int(pixGetDepth(pointer)) }

    /// Copies a raster in: grey becomes 8 bpp, RGB becomes 32 bpp.
    convenience init(_ raster: Raster) throws {
        _ = Pix.silenced
        let depth: Int32 = raster.channels == 1 ? 8 : 32
        guard let pix = pixCreate(Int32(raster.width), Int32(raster.height), depth) else {
            throw NativeError(library: .leptonica, operation: "pixCreate", message: "could not allocate \(raster.width)×\(raster.height)")
        }
        self.init(owning: pix)
        let wordsPerLine = Int(pixGetWpl(pix))
        let data = pixGetData(pix)!
        raster.pixels.withUnsafeBufferPointer { source in
            if raster.channels == 1 {
                // Leptonica packs 8-bit pixels big-endian within 32-bit words.
                let bytes = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt8.self)
                for y in 0..<raster.height {
                    let row = bytes + y * wordsPerLine * 4
                    for x in 0..<raster.width { row[x ^ 3] = source[y * raster.width + x] }
                }
            } else {
                for y in 0..<raster.height {
                    let row = data + y * wordsPerLine
                    var index = y * raster.width * 3
                    for x in 0..<raster.width {
                        row[x] = UInt32(source[index]) << 24 | UInt32(source[index + 1]) << 16 | UInt32(source[index + 2]) << 8
                        index += 3
                    }
                }
            }
        }
    }

    /// Copies the pixels out. 1 bpp becomes grey with ink (1) as 0 and paper as 255.
    func raster() throws -> Raster {
        let wordsPerLine = Int(pixGetWpl(pointer))
        guard let data = pixGetData(pointer) else {
            throw NativeError(library: .leptonica, operation: "pixGetData", message: "image has no data")
        }
        let w = width, h = height
        switch depth {
        case 1:
            var out = [UInt8](repeating: 255, count: w * h)
            for y in 0..<h {
                let row = data + y * wordsPerLine
                for x in 0..<w where (row[x >> 5] >> (31 - UInt32(x & 31))) & 1 == 1 { out[y * w + x] = 0 }
            }
            return Raster(width: w, height: h, channels: 1, pixels: out)
        case 8:
            var out = [UInt8](repeating: 0, count: w * h)
            let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
            for y in 0..<h {
                let row = bytes + y * wordsPerLine * 4
                for x in 0..<w { out[y * w + x] = row[x ^ 3] }
            }
            return Raster(width: w, height: h, channels: 1, pixels: out)
        case 32:
            var out = [UInt8](repeating: 0, count: w * h * 3)
            for y in 0..<h {
                let row = data + y * wordsPerLine
                for x in 0..<w {
                    let word = row[x]
                    let index = (y * w + x) * 3
                    out[index] = UInt8(truncatingIfNeeded: word >> 24)
                    out[index + 1] = UInt8(truncatingIfNeeded: word >> 16)
                    out[index + 2] = UInt8(truncatingIfNeeded: word >> 8)
                }
            }
            return Raster(width: w, height: h, channels: 3, pixels: out)
        default:
            let converted = try Pix.make("pixConvertTo32", pixConvertTo32(pointer))
            return try converted.raster()
        }
    }
}
