import PrecheckNative

/// A page-sized yes/no ink map the seal stages measure rings on
/// (red ink for red seals, dark ink of a B&W copy for grey ones).
struct InkMask: Sendable {
    let width: Int
    let height: Int
    /// Row-major, 1 = ink.
    let ink: [UInt8]

    /// Ink where `raster` (one channel) equals 255: the layout of ``CleanedPage/redInk``.
    init(redInk raster: Raster) {
        width = raster.width
        height = raster.height
        ink = raster.pixels.map { $0 == 255 ? 1 : 0 }
    }

    /// Ink where the grey `raster` is darker than `threshold`: unlike a
    /// locally adaptive binarisation, this keeps a large dark disc filled.
    init(grey raster: Raster, darkerThan threshold: UInt8) {
        width = raster.width
        height = raster.height
        ink = raster.pixels.map { $0 < threshold ? 1 : 0 }
    }

    /// Whether (x, y) is ink; outside the page is never ink.
    @inline(__always)
    func isInk(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && ink[y * width + x] != 0
    }
}
