import CVips

/// The colour spaces Precheck converts between.
public enum VipsColourSpace: Sendable {
    case sRGB, grey

    var interpretation: VipsInterpretation {
        switch self {
        case .sRGB: VIPS_INTERPRETATION_sRGB
        case .grey: VIPS_INTERPRETATION_B_W
        }
    }
}

/// A rotation by a multiple of 90° (clockwise).
public enum QuarterTurn: Int, Sendable, Codable, CaseIterable {
    case none = 0, clockwise90 = 90, upsideDown = 180, clockwise270 = 270

    var vipsAngle: VipsAngle {
        switch self {
        case .none: VIPS_ANGLE_D0
        case .clockwise90: VIPS_ANGLE_D90
        case .upsideDown: VIPS_ANGLE_D180
        case .clockwise270: VIPS_ANGLE_D270
        }
    }

    /// The turn that undoes this one.
    public var inverse: QuarterTurn { QuarterTurn(rawValue: (360 - rawValue) % 360)! }
}

extension VipsImage {
    /// Applies the EXIF orientation tag, so pixels are as the user sees them.
    public func autorotated() throws -> VipsImage {
        try Self.make("autorot") { cvips_autorot(pointer, $0) }
    }

    public func converted(to space: VipsColourSpace) throws -> VipsImage {
        try Self.make("colourspace") { cvips_colourspace(pointer, $0, space.interpretation) }
    }

    public func flattenedOnWhite() throws -> VipsImage {
        try Self.make("flatten") { cvips_flatten_white(pointer, $0) }
    }

    public func castToUChar() throws -> VipsImage {
        try Self.make("cast") { cvips_cast_uchar(pointer, $0) }
    }

    /// Resamples by `scale` (Lanczos for shrinking, bicubic-like for enlarging).
    public func resized(by scale: Double) throws -> VipsImage {
        try Self.make("resize") { cvips_resize(pointer, $0, scale) }
    }

    public func rotated(_ turn: QuarterTurn) throws -> VipsImage {
        if turn == .none { return self }
        return try Self.make("rot") { cvips_rot(pointer, $0, turn.vipsAngle) }
    }

    public func cropped(x: Int, y: Int, width: Int, height: Int) throws -> VipsImage {
        try Self.make("extract_area") { cvips_extract_area(pointer, $0, Int32(x), Int32(y), Int32(width), Int32(height)) }
    }

    public func gaussianBlurred(sigma: Double) throws -> VipsImage {
        try Self.make("gaussblur") { cvips_gaussblur(pointer, $0, sigma) }
    }

    /// Forward affine transform `[a b; c d]` plus output displacement, into
    /// an output area of `width`×`height`, filling uncovered pixels with `background`.
    public func affine(_ a: Double, _ b: Double, _ c: Double, _ d: Double, dx: Double, dy: Double,
                       width: Int, height: Int, background: Double) throws -> VipsImage {
        try Self.make("affine") {
            cvips_affine(pointer, $0, a, b, c, d, dx, dy, 0, 0, Int32(width), Int32(height), background)
        }
    }

    /// Resamples through a coordinate map: `index` is a 2-band float image
    /// whose pixel (x, y) holds the source coordinate for output (x, y).
    public func mapped(through index: VipsImage) throws -> VipsImage {
        try Self.make("mapim") { cvips_mapim(pointer, index.pointer, $0) }
    }

    /// Forces the image into memory (ends any lazy decode).
    public func inMemory() throws -> VipsImage {
        try Self.make("copy_memory") { cvips_copy_memory(pointer, $0) }
    }
}
