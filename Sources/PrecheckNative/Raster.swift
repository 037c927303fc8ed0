/// An 8-bit image in memory: one channel (grey) or three (RGB, interleaved).
///
/// `Raster` is the value type the stages pass around. It owns its pixels in
/// a Swift array, so it is `Sendable` and can cross concurrency domains;
/// conversions to libvips images and Leptonica `Pix` copy.
///
/// ```swift
/// var page = Raster(width: 100, height: 50, channels: 1, fill: 255)
/// page[3, 4] = 0          // channel 0 of pixel (x: 3, y: 4)
/// ```
public struct Raster: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (RGB).
    public let channels: Int
    /// Row-major, `width * channels` bytes per row, no padding.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(channels == 1 || channels == 3, "Raster holds 1 or 3 channels")
        precondition(pixels.count == width * height * channels, "pixel count does not match the size")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    public init(width: Int, height: Int, channels: Int, fill: UInt8) {
        self.init(width: width, height: height, channels: channels,
                  pixels: [UInt8](repeating: fill, count: width * height * channels))
    }

    /// Channel 0 of the pixel at (x, y).
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[(y * width + x) * channels] }
        set { pixels[(y * width + x) * channels] = newValue }
    }

    public var pixelCount: Int { width * height }
}
