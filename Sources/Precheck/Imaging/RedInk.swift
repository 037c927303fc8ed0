import PrecheckNative

/// Separates red seal ink from the rest of a colour scan.
///
/// A pixel is red ink when its hue is within ±`maxHueDegrees` of pure red
/// and its chroma (red minus the larger of green and blue) is at least
/// `minChroma`: this keeps pink, faded and dark red, and drops black text,
/// grey paper and orange or brown tints.
public struct RedInkSeparator: Sendable, Equatable {
    public var minChroma: Int = 40
    public var minSaturation: Double = 0.22
    public var maxHueDegrees: Double = 28

    public init() {}

    /// Whether one RGB pixel is red ink.
    @inline(__always)
    public func isRed(_ r: Int, _ g: Int, _ b: Int) -> Bool {
        let chroma = Self.redChroma(r, g, b, maxHueDegrees: maxHueDegrees)
        return chroma >= minChroma && Double(chroma) >= minSaturation * Double(r)
    }

    /// How red a pixel is: red minus the larger of green and blue, or 0
    /// unless that is positive and the hue lies within ±`maxHueDegrees` of
    /// pure red.
    @inline(__always)
    public static func redChroma(_ r: Int, _ g: Int, _ b: Int, maxHueDegrees: Double) -> Int {
        let chroma = r - max(g, b)
        // Hue of a red-dominant pixel: 60° × (g − b) / chroma.
        guard chroma > 0, abs(60 * Double(g - b) / Double(chroma)) <= maxHueDegrees else { return 0 }
        return chroma
    }

    /// The red-ink mask (255 = red ink, 0 = other).
    public func mask(of rgb: Raster) -> Raster {
        precondition(rgb.channels == 3)
        var out = [UInt8](repeating: 0, count: rgb.pixelCount)
        rgb.pixels.withUnsafeBufferPointer { source in
            for index in 0..<rgb.pixelCount where isRed(Int(source[index * 3]), Int(source[index * 3 + 1]), Int(source[index * 3 + 2])) {
                out[index] = 255
            }
        }
        return Raster(width: rgb.width, height: rgb.height, channels: 1, pixels: out)
    }

    /// A grey image with red ink dropped out: at red-ink pixels the red
    /// channel stands in for luminance, so red over paper turns white while
    /// black text under a seal stays black (its red channel is dark too).
    public func dropRed(from rgb: Raster, grey: Raster, mask: Raster) -> Raster {
        var out = grey.pixels
        for index in 0..<rgb.pixelCount where mask.pixels[index] != 0 {
            out[index] = max(out[index], rgb.pixels[index * 3])
        }
        return Raster(width: grey.width, height: grey.height, channels: 1, pixels: out)
    }
}
