import CLeptonica
import Foundation

/// Leptonica operations on ``Raster`` values.
///
/// Each call copies the raster into a Leptonica image, runs the operation
/// and copies the result out, so callers never hold Leptonica memory.
public enum Leptonica {
    /// Decodes a BMP file (libvips has no trusted BMP loader).
    public static func decodeBMP(_ bytes: [UInt8]) throws -> Raster {
        _ = Pix.silenced
        let pix = bytes.withUnsafeBufferPointer { pixReadMemBmp($0.baseAddress, $0.count) }
        return try Pix.make("pixReadMemBmp", pix).raster()
    }

    /// Reads width and height from a BMP header without decoding it.
    public static func bmpSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 26 else { return nil }
        func int32(_ offset: Int) -> Int32 {
            Int32(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
        return (Int(int32(18).magnitude), Int(int32(22).magnitude))
    }

    /// Estimates the skew of text lines, in degrees (positive = the page
    /// must turn clockwise to be level), searching ±`range` degrees.
    ///
    /// - Parameter binary: a grey raster where ink is dark (< 128).
    /// - Returns: the angle and Leptonica's confidence (≥ 3 is trustworthy), or
    ///   `nil` when there is too little text to tell.
    public static func findSkew(binary: Raster, range: Double = 10) throws -> (degrees: Double, confidence: Double)? {
        let pix = try Pix(binary)
        let bits = try Pix.make("pixConvertTo1", pixConvertTo1(pix.pointer, 128))
        var angle: Float = 0, confidence: Float = 0
        let status = pixFindSkewSweepAndSearch(bits.pointer, &angle, &confidence, 2, 1, Float(range), 0.5, 0.01)
        if status != 0 { return nil }
        return (Double(angle), Double(confidence))
    }

    /// Rotates about the centre by `degrees` (clockwise positive), keeping the
    /// size and bringing in white.
    public static func rotate(_ raster: Raster, degrees: Double) throws -> Raster {
        let pix = try Pix(raster)
        let radians = Float(degrees * .pi / 180)
        let rotated = try Pix.make("pixRotate", pixRotate(pix.pointer, radians, Int32(L_ROTATE_AREA_MAP),
                                                          Int32(L_BRING_IN_WHITE), 0, 0))
        return try rotated.raster()
    }

    /// Flattens uneven lighting: estimates the background and maps it to a
    /// uniform level (Leptonica's `pixBackgroundNormSimple`, background → 200).
    public static func normalizeBackground(_ grey: Raster) throws -> Raster {
        precondition(grey.channels == 1)
        let pix = try Pix(grey)
        return try Pix.make("pixBackgroundNormSimple", pixBackgroundNormSimple(pix.pointer, nil, nil)).raster()
    }

    /// Sauvola's local threshold (Leptonica): a grey raster of 0 (ink) and
    /// 255 (paper). Where there is no contrast (blank paper, a dark table)
    /// the threshold falls well below the local mean, so noise does not turn
    /// into ink, unlike Otsu on text-free tiles.
    ///
    /// - Parameters:
    ///   - halfWindow: half the side of the local window, in pixels.
    ///   - factor: Sauvola's k (0.35 is Leptonica's usual value).
    public static func binarize(_ grey: Raster, halfWindow: Int = 20, factor: Double = 0.35) throws -> Raster {
        precondition(grey.channels == 1)
        let pix = try Pix(grey)
        var binary: UnsafeMutablePointer<PIX>?
        let window = Int32(max(2, min(halfWindow, (min(grey.width, grey.height) - 3) / 2)))
        let status = pixSauvolaBinarize(pix.pointer, window, Float(factor), 1, nil, nil, nil, &binary)
        guard status == 0, let binary else {
            throw NativeError(library: .leptonica, operation: "pixSauvolaBinarize", message: "failed")
        }
        return try Pix(owning: binary).raster()
    }

    /// Bounding boxes of the 8-connected ink components of a binary raster.
    public static func components(binary: Raster) throws -> [(x: Int, y: Int, width: Int, height: Int)] {
        try components(binary: binary, closingWidth: 1, closingHeight: 1)
    }

    /// Text lines by morphology: long horizontal and vertical rules (frames,
    /// table lines, dashed boxes) are removed, then a flat brick
    /// `joinWidth` pixels wide joins the characters of a line, and each
    /// joined component is a candidate line.
    public static func textLineBoxes(binary: Raster, ruleLength: Int, joinWidth: Int, joinHeight: Int) throws -> [PixelBox] {
        let pix = try Pix(binary)
        let bits = try Pix.make("pixConvertTo1", pixConvertTo1(pix.pointer, 128))
        let horizontal = try Pix.make("pixOpenBrick", pixOpenBrick(nil, bits.pointer, Int32(ruleLength), 1))
        let vertical = try Pix.make("pixOpenBrick", pixOpenBrick(nil, bits.pointer, 1, Int32(ruleLength)))
        let rules = try Pix.make("pixOr", pixOr(nil, horizontal.pointer, vertical.pointer))
        let text = try Pix.make("pixSubtract", pixSubtract(nil, bits.pointer, rules.pointer))
        let joined = try Pix.make("pixCloseSafeBrick", pixCloseSafeBrick(nil, text.pointer, Int32(joinWidth), Int32(joinHeight)))
        guard let boxa = pixConnComp(joined.pointer, nil, 8) else {
            throw NativeError(library: .leptonica, operation: "pixConnComp", message: "failed")
        }
        defer { clept_boxa_destroy(boxa) }
        var boxes: [PixelBox] = []
        for index in 0..<boxaGetCount(boxa) {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            if boxaGetBoxGeometry(boxa, index, &x, &y, &w, &h) == 0 {
                boxes.append(PixelBox(x: Int(x), y: Int(y), width: Int(w), height: Int(h)))
            }
        }
        return boxes
    }

    /// Bounding boxes of the ink components after a morphological closing
    /// with a `closingWidth`×`closingHeight` brick (a wide brick merges the
    /// characters of a text line into one component).
    public static func components(binary: Raster, closingWidth: Int, closingHeight: Int) throws -> [(x: Int, y: Int, width: Int, height: Int)] {
        let pix = try Pix(binary)
        var bits = try Pix.make("pixConvertTo1", pixConvertTo1(pix.pointer, 128))
        if closingWidth > 1 || closingHeight > 1 {
            bits = try Pix.make("pixCloseSafeBrick", pixCloseSafeBrick(nil, bits.pointer, Int32(closingWidth), Int32(closingHeight)))
        }
        guard let boxa = pixConnComp(bits.pointer, nil, 8) else {
            throw NativeError(library: .leptonica, operation: "pixConnComp", message: "failed")
        }
        defer { clept_boxa_destroy(boxa) }
        var boxes: [(x: Int, y: Int, width: Int, height: Int)] = []
        let count = boxaGetCount(boxa)
        boxes.reserveCapacity(Int(count))
        for index in 0..<count {
            var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
            if boxaGetBoxGeometry(boxa, index, &x, &y, &w, &h) == 0 {
                boxes.append((Int(x), Int(y), Int(w), Int(h)))
            }
        }
        return boxes
    }
}
