import Foundation
import PrecheckNative

/// One way a clean rendered page is spoiled on its way to the applicant's
/// upload: by the scanner, the phone camera, the copier or the encoder.
public enum Degradation: String, Sendable, Codable, CaseIterable {
    case skew            // small rotation, ±(1...6)°, white background brought in
    case quarterTurn     // 90, 180 or 270° (random)
    case phonePhoto      // perspective, page on a darker table, uneven lighting, slight blur, colour cast
    case blur            // gaussian blur sigma 0.8-1.4 at 200 dpi (still readable)
    case noise           // gaussian pixel noise, sigma 4-10 levels
    case jpegArtefacts   // saved at JPEG quality 35-55
    case lowResolution   // downscaled to 55-70 %, still readable
    case photocopy       // black-and-white copy: grey, contrast pushed, toner speckle, optional shading band
    case unreadableBlur  // sigma 6-9 at 200 dpi: text illegible (IMAGE_QUALITY_POOR)
}

/// A degraded page and how to save it.
public struct DegradedScan: Sendable {
    /// RGB, 3 channels always.
    public var raster: Raster
    /// The JPEG quality to save with: 90 normally, 35-55 with ``Degradation/jpegArtefacts``.
    public var jpegQuality: Int
    /// The degradations applied, in the order they were applied.
    public var applied: [Degradation]

    public init(raster: Raster, jpegQuality: Int, applied: [Degradation]) {
        self.raster = raster
        self.jpegQuality = jpegQuality
        self.applied = applied
    }
}

/// Turns a clean rendered page into a realistic scan, phone photo or
/// photocopy.
///
/// Deterministic: all randomness comes from the `SeededRandom` passed in
/// (each applied degradation draws from its own fork), and the pixel work is
/// either plain Swift or deterministic libvips/Leptonica calls, so the same
/// seed gives byte-identical pixels.
public struct ScanDegrader: Sendable {
    /// The longest side an output may have.
    public static let maxLongSide = 2600
    /// Short side of an A4 page at 200 dpi: blur radii are given for it and scaled.
    static let referenceShortSide = 1654.0

    /// The fixed order degradations are applied in, whatever order they are asked for.
    static let order: [Degradation] = [.photocopy, .skew, .quarterTurn, .phonePhoto,
                                       .blur, .unreadableBlur, .lowResolution, .noise, .jpegArtefacts]

    public init() {}

    /// Applies `degradations` in a sensible fixed order (photocopy first, then
    /// geometry: skew/quarterTurn/phonePhoto, then optics: blur/unreadableBlur,
    /// lowResolution, noise last).
    public func degrade(_ page: Raster, _ degradations: [Degradation], random: inout SeededRandom) throws -> DegradedScan {
        var image = page.channels == 3 ? page : Self.rgb(fromGrey: page.pixels, width: page.width, height: page.height)
        let wanted = Set(degradations)
        var applied: [Degradation] = []
        var quality = 90
        for step in Self.order where wanted.contains(step) {
            var r = random.fork()
            switch step {
            case .photocopy:
                image = photocopy(image, random: &r)
            case .skew:
                let degrees = r.uniform(1...6) * (r.chance(0.5) ? 1 : -1)
                image = try Leptonica.rotate(image, degrees: degrees)
            case .quarterTurn:
                let turns: [QuarterTurn] = [.clockwise90, .upsideDown, .clockwise270]
                image = try VipsImage(image).rotated(turns[Int(r.next() % 3)]).raster()
            case .phonePhoto:
                image = try phonePhoto(image, random: &r)
            case .blur:
                image = try Self.blurred(image, sigma: r.uniform(0.8...1.4) * Self.dpiScale(image))
            case .unreadableBlur:
                image = try Self.blurred(image, sigma: r.uniform(6...9) * Self.dpiScale(image))
            case .lowResolution:
                image = try VipsImage(image).resized(by: r.uniform(0.55...0.70)).raster()
            case .noise:
                image = Self.addNoise(image, sigma: r.uniform(4...10), random: &r)
            case .jpegArtefacts:
                quality = Int(r.next() % 21) + 35
            }
            applied.append(step)
        }
        let longSide = max(image.width, image.height)
        if longSide > Self.maxLongSide {
            image = try VipsImage(image).resized(by: Double(Self.maxLongSide) / Double(longSide)).raster()
        }
        if image.channels != 3 { image = Self.rgb(fromGrey: image.pixels, width: image.width, height: image.height) }
        return DegradedScan(raster: image, jpegQuality: quality, applied: applied)
    }

    // MARK: - Photocopy

    /// Stamps nothing; helper for photocopies: returns the grey copy as RGB
    /// (3 equal channels). Used so that callers can stamp a red seal AFTER copying.
    public func photocopy(_ page: Raster, random: inout SeededRandom) -> Raster {
        let width = page.width, height = page.height, count = width * height
        // Luminance (BT.601): red seals turn dark grey, as on a real copier.
        var grey = [UInt8](repeating: 0, count: count)
        page.pixels.withUnsafeBufferPointer { source in
            grey.withUnsafeMutableBufferPointer { out in
                if page.channels == 1 {
                    for index in 0..<count { out[index] = source[index] }
                } else {
                    for index in 0..<count {
                        let r = Int(source[index * 3]), g = Int(source[index * 3 + 1]), b = Int(source[index * 3 + 2])
                        out[index] = UInt8((r * 299 + g * 587 + b * 114 + 500) / 1000)
                    }
                }
            }
        }
        // Copier optics are a little soft.
        grey = Self.binomialBlur(grey, width: width, height: height, weight: random.uniform(0.4...0.8))

        // Tone curve: paper burnt out to 245-255, ink pushed dark, mid tones darker.
        let whitePoint = random.uniform(200...225), blackPoint = random.uniform(45...80)
        let paper = random.uniform(245...255), ink = random.uniform(0...22), gamma = random.uniform(1.25...1.7)
        var curve = [UInt8](repeating: 0, count: 256)
        for value in 0..<256 {
            let t = max(0, min(1, (Double(value) - blackPoint) / (whitePoint - blackPoint)))
            curve[value] = Self.clamp(ink + (paper - ink) * pow(t, gamma))
        }

        // Toner density varies slowly over the page (worn drum).
        let density = Self.valueNoise(width: width, height: height, cellX: 160, cellY: 160, random: &random)
        let densityAmount = random.uniform(0.05...0.15)
        let grain = Self.gaussianTable(sigma: random.uniform(1.0...2.5), random: &random)
        grey.withUnsafeMutableBufferPointer { out in
            curve.withUnsafeBufferPointer { lut in
                density.withUnsafeBufferPointer { field in
                    grain.withUnsafeBufferPointer { noise in
                        var bits: UInt64 = 0
                        for index in 0..<count {
                            if index & 3 == 0 { bits = random.next() }
                            let mapped = Double(lut[Int(out[index])])
                            // Thin toner where the field is low: ink lightens, paper stays.
                            let darkness = (paper - mapped) * (1 - densityAmount * Double(field[index]))
                            let n = Int(noise[Int(bits & 0xFFFF)]); bits >>= 16
                            // Grain mostly in the toner, little on bare paper.
                            let grainScale = mapped > paper - 8 ? 0.3 : 1.0
                            out[index] = Self.clamp(paper - darkness + Double(n) * grainScale)
                        }
                    }
                }
            }
        }

        // Toner speckle: small dark dots scattered over the page.
        let speckles = Int(Double(count) / random.uniform(7000...16000))
        for _ in 0..<speckles {
            let cx = random.uniform(0...Double(width - 1)), cy = random.uniform(0...Double(height - 1))
            let radius = random.chance(0.85) ? random.uniform(0.5...1.2) : random.uniform(1.2...2.2)
            let level = random.uniform(30...170)
            Self.dot(&grey, width: width, height: height, cx: cx, cy: cy, radius: radius, level: level)
        }

        // Optional shading: a dark band along one edge (lid not closed, book
        // gutter) or a faint grey streak across the page (dirty drum).
        let shading = random.next() % 3
        if shading == 1 {
            let edge = Int(random.next() % 4)
            let span = edge < 2 ? width : height
            let bandWidth = Double(span) * random.uniform(0.015...0.05)
            let edgeLevel = random.uniform(0.35...0.7)   // brightness factor at the very edge
            let wobble = random.uniform(0...0.3)
            let phase = random.uniform(0...(2 * .pi))
            Self.shade(&grey, width: width, height: height, vertical: edge < 2) { position, along in
                let distance = edge % 2 == 0 ? position : Double(span - 1) - position
                let local = bandWidth * (1 + wobble * sin(along * 6 + phase))
                guard distance < local * 3 else { return 1 }
                let t = distance / local
                return 1 - (1 - edgeLevel) * exp(-t * t)
            }
        } else if shading == 2 {
            let vertical = random.chance(0.5)
            let span = Double(vertical ? width : height)
            let centre = random.uniform(0.1...0.9) * span
            let halfWidth = span * random.uniform(0.01...0.04)
            let depth = random.uniform(0.05...0.12)
            Self.shade(&grey, width: width, height: height, vertical: vertical) { position, _ in
                let t = (position - centre) / halfWidth
                return abs(t) > 3 ? 1 : 1 - depth * exp(-t * t)
            }
        }
        return Self.rgb(fromGrey: grey, width: width, height: height)
    }

    // MARK: - Phone photo

    func phonePhoto(_ page: Raster, random: inout SeededRandom) throws -> Raster {
        let pageW = Double(page.width), pageH = Double(page.height)
        // The frame: page plus table margin, capped in size.
        let margin = random.uniform(0.08...0.14)
        var frameW = pageW * (1 + 2 * margin), frameH = pageH * (1 + 2 * margin * 0.8)
        let fit = min(1, Double(Self.maxLongSide) / max(frameW, frameH))
        frameW *= fit; frameH *= fit
        let outW = Int(frameW.rounded()), outH = Int(frameH.rounded())
        let shownW = pageW * fit, shownH = pageH * fit
        let left = (frameW - shownW) / 2 + random.uniform(-0.02...0.02) * shownW
        let top = (frameH - shownH) / 2 + random.uniform(-0.02...0.02) * shownH

        // Corners (tl, tr, br, bl) in page fractions, moved by keystone,
        // a small rotation and per-corner jitter: 2-6 % in or out.
        var corners: [(Double, Double)] = [(0, 0), (1, 0), (1, 1), (0, 1)]
        let keystone = random.uniform(0.02...0.05) * (random.chance(0.7) ? 1 : -1)   // + : top edge farther
        let sideKeystone = random.uniform(0...0.025) * (random.chance(0.5) ? 1 : -1) // + : left edge farther
        let farTop = keystone > 0
        let k = abs(keystone)
        // The far edge gets narrower and moves towards the middle; the near edge a little wider.
        let topIn = farTop ? k : -0.35 * k, bottomIn = farTop ? -0.35 * k : k
        corners[0].0 += topIn; corners[1].0 -= topIn; corners[0].1 += farTop ? 0.5 * k : 0; corners[1].1 += farTop ? 0.5 * k : 0
        corners[3].0 += bottomIn; corners[2].0 -= bottomIn; corners[3].1 -= farTop ? 0 : 0.5 * k; corners[2].1 -= farTop ? 0 : 0.5 * k
        let s = sideKeystone * pageW / pageH   // in height fractions, scaled to look alike
        let leftIn = s > 0 ? abs(s) : -0.35 * abs(s), rightIn = s > 0 ? -0.35 * abs(s) : abs(s)
        corners[0].1 += leftIn; corners[3].1 -= leftIn; corners[1].1 += rightIn; corners[2].1 -= rightIn
        for index in corners.indices {
            corners[index].0 += random.uniform(-0.015...0.015)
            corners[index].1 += random.uniform(-0.012...0.012)
        }
        let rotation = random.uniform(-2...2) * .pi / 180
        let cosR = cos(rotation), sinR = sin(rotation)
        let destination: [(Double, Double)] = corners.map { corner in
            let x = (corner.0 - 0.5) * shownW, y = (corner.1 - 0.5) * shownH
            return (left + shownW / 2 + x * cosR - y * sinR, top + shownH / 2 + x * sinR + y * cosR)
        }
        let sourceCorners: [(Double, Double)] = [(0, 0), (pageW, 0), (pageW, pageH), (0, pageH)]
        let h = Self.homography(from: destination, to: sourceCorners)

        // The table: colour and texture.
        let surface = random.next() % 4
        var tableColour: (Double, Double, Double)
        var streaks = false
        switch surface {
        case 0: tableColour = (random.uniform(120...165), random.uniform(80...110), random.uniform(50...75)); streaks = true   // wood
        case 1: tableColour = (random.uniform(60...90), random.uniform(42...60), random.uniform(30...42)); streaks = true      // dark wood
        case 2: let g = random.uniform(85...135); tableColour = (g, g * 1.01, g * 1.04)                                          // grey desk
        default: let g = random.uniform(35...60); tableColour = (g, g, g * 1.05)                                                 // black desk
        }
        let coarse = Self.valueNoise(width: outW, height: outH, cellX: 140, cellY: 140, random: &random)
        let fine = streaks ? Self.valueNoise(width: outW, height: outH, cellX: 420, cellY: 7, random: &random)
                           : Self.valueNoise(width: outW, height: outH, cellX: 30, cellY: 30, random: &random)
        let coarseAmount = random.uniform(0.06...0.12), fineAmount = streaks ? random.uniform(0.10...0.20) : 0.04

        // Drop shadow of the page on the table (in page pixels).
        let shadowAngle = random.uniform(0...(2 * .pi))
        let shadowOffset = pageW * random.uniform(0.004...0.012)
        let shadowDX = cos(shadowAngle) * shadowOffset, shadowDY = sin(shadowAngle) * shadowOffset
        let shadowSoftness = pageW * random.uniform(0.008...0.02)
        let shadowStrength = random.uniform(0.3...0.55)

        // Uneven lighting: a linear gradient plus an off-centre vignette, 0.75-1.0.
        let lowest = random.uniform(0.75...0.84)
        let gradientAngle = random.uniform(0...(2 * .pi))
        let gx = cos(gradientAngle), gy = sin(gradientAngle)
        let halfDiagonal = 0.5 * (frameW * frameW + frameH * frameH).squareRoot()
        let spotX = frameW * random.uniform(0.3...0.7), spotY = frameH * random.uniform(0.3...0.7)
        let gradientShare = random.uniform(0.4...0.8)
        // Colour cast: warm tungsten, cool daylight/LED or greenish fluorescent.
        let casts: [(Double, Double, Double)] = [(1.0, 0.95, 0.84), (0.91, 0.96, 1.0), (0.95, 1.0, 0.91), (1.0, 0.97, 0.93)]
        let castBase = casts[Int(random.next() % UInt64(casts.count))]
        let castAmount = random.uniform(0.4...1.0)
        let cast = (1 - castAmount * (1 - castBase.0), 1 - castAmount * (1 - castBase.1), 1 - castAmount * (1 - castBase.2))
        // Camera black level: ink never reaches 0.
        let blackLevel = random.uniform(12...30)
        let exposure = random.uniform(0.94...1.0)

        var out = [UInt8](repeating: 0, count: outW * outH * 3)
        let srcW = page.width, srcH = page.height
        page.pixels.withUnsafeBufferPointer { source in
            coarse.withUnsafeBufferPointer { coarseField in
                fine.withUnsafeBufferPointer { fineField in
                    out.withUnsafeMutableBufferPointer { target in
                        for y in 0..<outH {
                            let py = Double(y) + 0.5
                            for x in 0..<outW {
                                let px = Double(x) + 0.5
                                let pixel = y * outW + x
                                // Table (background) colour here.
                                let texture = 1 + coarseAmount * (Double(coarseField[pixel]) - 0.5) * 2
                                    + fineAmount * (Double(fineField[pixel]) - 0.5) * 2
                                // Source coordinate through the homography.
                                let w = h[6] * px + h[7] * py + 1
                                let u = (h[0] * px + h[1] * py + h[2]) / w
                                let v = (h[3] * px + h[4] * py + h[5]) / w
                                var shadow = 1.0
                                let su = u - shadowDX, sv = v - shadowDY
                                let outside = max(0, -su, su - pageW, -sv, sv - pageH)
                                if outside < shadowSoftness * 4 {
                                    let t = outside / shadowSoftness
                                    shadow = 1 - shadowStrength * exp(-t * t)
                                }
                                let table = (tableColour.0 * texture * shadow, tableColour.1 * texture * shadow,
                                             tableColour.2 * texture * shadow)
                                var colour = table
                                if u > -1, v > -1, u < pageW + 1, v < pageH + 1 {
                                    // Bilinear sample; neighbours off the page are table.
                                    let fu = u - 0.5, fv = v - 0.5
                                    let x0 = Int(fu.rounded(.down)), y0 = Int(fv.rounded(.down))
                                    let ax = fu - Double(x0), ay = fv - Double(y0)
                                    var r = 0.0, g = 0.0, b = 0.0
                                    @inline(__always) func add(_ sx: Int, _ sy: Int, _ weight: Double) {
                                        if sx >= 0, sy >= 0, sx < srcW, sy < srcH {
                                            let index = (sy * srcW + sx) * 3
                                            r += weight * Double(source[index])
                                            g += weight * Double(source[index + 1])
                                            b += weight * Double(source[index + 2])
                                        } else {
                                            r += weight * table.0; g += weight * table.1; b += weight * table.2
                                        }
                                    }
                                    add(x0, y0, (1 - ax) * (1 - ay)); add(x0 + 1, y0, ax * (1 - ay))
                                    add(x0, y0 + 1, (1 - ax) * ay); add(x0 + 1, y0 + 1, ax * ay)
                                    colour = (r, g, b)
                                }
                                // Lighting and cast.
                                let along = ((px - frameW / 2) * gx + (py - frameH / 2) * gy) / halfDiagonal * 0.5 + 0.5
                                let ddx = (px - spotX) / halfDiagonal, ddy = (py - spotY) / halfDiagonal
                                let radial = min(1, (ddx * ddx + ddy * ddy) * 1.6)
                                let shade = gradientShare * max(0, min(1, along)) + (1 - gradientShare) * radial
                                let light = exposure * (1 - (1 - lowest) * min(1, shade))
                                let scale = (255 - blackLevel) / 255 * light
                                target[pixel * 3] = Self.clamp(blackLevel * cast.0 + colour.0 * scale * cast.0)
                                target[pixel * 3 + 1] = Self.clamp(blackLevel * cast.1 + colour.1 * scale * cast.1)
                                target[pixel * 3 + 2] = Self.clamp(blackLevel * cast.2 + colour.2 * scale * cast.2)
                            }
                        }
                    }
                }
            }
        }
        var photo = Raster(width: outW, height: outH, channels: 3, pixels: out)
        // Camera softness, then sensor grain.
        photo = try Self.blurred(photo, sigma: random.uniform(0.6...1.1) * Self.dpiScale(page))
        photo = Self.addNoise(photo, sigma: random.uniform(1.5...3.0), random: &random)
        return photo
    }

    /// The projective map taking each `from` point to the matching `to`
    /// point: `[h0 h1 h2; h3 h4 h5; h6 h7 1]`.
    static func homography(from: [(Double, Double)], to: [(Double, Double)]) -> [Double] {
        // Rows of the 8×8 system A·h = b.
        var a = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 8)
        for index in 0..<4 {
            let (x, y) = from[index], (u, v) = to[index]
            a[2 * index] = [x, y, 1, 0, 0, 0, -u * x, -u * y, u]
            a[2 * index + 1] = [0, 0, 0, x, y, 1, -v * x, -v * y, v]
        }
        // Gaussian elimination with partial pivoting.
        for column in 0..<8 {
            var pivot = column
            for row in column + 1..<8 where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            a.swapAt(column, pivot)
            let p = a[column][column]
            for k in column..<9 { a[column][k] /= p }
            for row in 0..<8 where row != column {
                let factor = a[row][column]
                if factor != 0 { for k in column..<9 { a[row][k] -= factor * a[column][k] } }
            }
        }
        return (0..<8).map { a[$0][8] }
    }

    // MARK: - Shared pixel work

    /// Scales blur radii given for an A4 page at 200 dpi to this raster.
    static func dpiScale(_ raster: Raster) -> Double {
        max(0.4, min(3, Double(min(raster.width, raster.height)) / referenceShortSide))
    }

    static func blurred(_ raster: Raster, sigma: Double) throws -> Raster {
        try VipsImage(raster).gaussianBlurred(sigma: sigma).raster()
    }

    /// Adds gaussian noise with standard deviation `sigma` levels. A raster
    /// whose channels are all equal (a photocopy) gets the same noise in each
    /// channel, so no colour appears; otherwise the noise is part luminance,
    /// part per channel, like a sensor's.
    static func addNoise(_ raster: Raster, sigma: Double, random: inout SeededRandom) -> Raster {
        var result = raster
        let count = raster.pixelCount
        let monochrome = raster.channels == 1 || isGrey(raster)
        if monochrome {
            let table = gaussianTable(sigma: sigma, random: &random)
            let channels = raster.channels
            result.pixels.withUnsafeMutableBufferPointer { pixels in
                table.withUnsafeBufferPointer { noise in
                    var bits: UInt64 = 0
                    for index in 0..<count {
                        if index & 3 == 0 { bits = random.next() }
                        let n = Int(noise[Int(bits & 0xFFFF)]); bits >>= 16
                        let value = UInt8(max(0, min(255, Int(pixels[index * channels]) + n)))
                        for c in 0..<channels { pixels[index * channels + c] = value }
                    }
                }
            }
        } else {
            let shared = gaussianTable(sigma: sigma * 0.75, random: &random)
            let own = gaussianTable(sigma: sigma * 0.66, random: &random)
            result.pixels.withUnsafeMutableBufferPointer { pixels in
                shared.withUnsafeBufferPointer { sharedNoise in
                    own.withUnsafeBufferPointer { ownNoise in
                        for index in 0..<count {
                            var bits = random.next()
                            let common = Int(sharedNoise[Int(bits & 0xFFFF)]); bits >>= 16
                            for c in 0..<3 {
                                let n = common + Int(ownNoise[Int(bits & 0xFFFF)]); bits >>= 16
                                pixels[index * 3 + c] = UInt8(max(0, min(255, Int(pixels[index * 3 + c]) + n)))
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Whether every pixel of an RGB raster has three equal channels.
    static func isGrey(_ raster: Raster) -> Bool {
        guard raster.channels == 3 else { return true }
        return raster.pixels.withUnsafeBufferPointer { pixels in
            for index in 0..<raster.pixelCount {
                let r = pixels[index * 3]
                if pixels[index * 3 + 1] != r || pixels[index * 3 + 2] != r { return false }
            }
            return true
        }
    }

    /// 65 536 gaussian samples (Box-Muller), rounded to levels, indexed by 16 random bits.
    static func gaussianTable(sigma: Double, random: inout SeededRandom) -> [Int16] {
        var table = [Int16](repeating: 0, count: 65_536)
        var index = 0
        while index < table.count {
            let u1 = max(1e-12, random.uniform(0...1)), u2 = random.uniform(0...1)
            let radius = (-2 * log(u1)).squareRoot() * sigma
            table[index] = Int16(max(-255, min(255, (radius * cos(2 * .pi * u2)).rounded())))
            table[index + 1] = Int16(max(-255, min(255, (radius * sin(2 * .pi * u2)).rounded())))
            index += 2
        }
        return table
    }

    /// Smooth random field in 0...1: random values on a `cellX`×`cellY` grid,
    /// interpolated with a smoothstep.
    static func valueNoise(width: Int, height: Int, cellX: Int, cellY: Int, random: inout SeededRandom) -> [Float] {
        let gridW = width / cellX + 2, gridH = height / cellY + 2
        var grid = [Float](repeating: 0, count: gridW * gridH)
        for index in grid.indices { grid[index] = Float(random.uniform(0...1)) }
        var field = [Float](repeating: 0, count: width * height)
        @inline(__always) func smooth(_ t: Float) -> Float { t * t * (3 - 2 * t) }
        grid.withUnsafeBufferPointer { g in
            field.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let gy = y / cellY, ty = smooth(Float(y % cellY) / Float(cellY))
                    for x in 0..<width {
                        let gx = x / cellX, tx = smooth(Float(x % cellX) / Float(cellX))
                        let a = g[gy * gridW + gx], b = g[gy * gridW + gx + 1]
                        let c = g[(gy + 1) * gridW + gx], d = g[(gy + 1) * gridW + gx + 1]
                        let top = a + (b - a) * tx, bottom = c + (d - c) * tx
                        out[y * width + x] = top + (bottom - top) * ty
                    }
                }
            }
        }
        return field
    }

    /// Mixes a grey image with its [1 2 1]² blur by `weight`.
    static func binomialBlur(_ grey: [UInt8], width: Int, height: Int, weight: Double) -> [UInt8] {
        guard width > 2, height > 2 else { return grey }
        var horizontal = [UInt16](repeating: 0, count: grey.count)
        var out = grey
        let w = Int(weight * 256)
        grey.withUnsafeBufferPointer { source in
            horizontal.withUnsafeMutableBufferPointer { h in
                for y in 0..<height {
                    let row = y * width
                    for x in 0..<width {
                        let l = source[row + max(0, x - 1)], c = source[row + x], r = source[row + min(width - 1, x + 1)]
                        h[row + x] = UInt16(l) + 2 * UInt16(c) + UInt16(r)
                    }
                }
            }
            horizontal.withUnsafeBufferPointer { h in
                out.withUnsafeMutableBufferPointer { target in
                    for y in 0..<height {
                        let up = max(0, y - 1) * width, row = y * width, down = min(height - 1, y + 1) * width
                        for x in 0..<width {
                            let blurred = (Int(h[up + x]) + 2 * Int(h[row + x]) + Int(h[down + x]) + 8) / 16
                            let original = Int(source[row + x])
                            target[row + x] = UInt8((original * (256 - w) + blurred * w + 128) / 256)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Darkens a soft dot to `level` (keeps darker pixels).
    static func dot(_ grey: inout [UInt8], width: Int, height: Int, cx: Double, cy: Double, radius: Double, level: Double) {
        let reach = Int(radius + 1.5)
        for y in max(0, Int(cy) - reach)...min(height - 1, Int(cy) + reach) {
            for x in max(0, Int(cx) - reach)...min(width - 1, Int(cx) + reach) {
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                let coverage = max(0, min(1, radius + 0.5 - (dx * dx + dy * dy).squareRoot()))
                guard coverage > 0 else { continue }
                let index = y * width + x
                let current = Double(grey[index])
                grey[index] = clamp(min(current, current * (1 - coverage) + level * coverage))
            }
        }
    }

    /// Multiplies a grey image by `factor(position across, position along)`,
    /// where "across" is x for a vertical band and y for a horizontal one,
    /// and "along" runs 0...1 the other way.
    static func shade(_ grey: inout [UInt8], width: Int, height: Int, vertical: Bool, factor: (Double, Double) -> Double) {
        grey.withUnsafeMutableBufferPointer { pixels in
            if vertical {
                for y in 0..<height {
                    let along = Double(y) / Double(height)
                    for x in 0..<width {
                        let f = factor(Double(x), along)
                        if f < 0.999 { pixels[y * width + x] = clamp(Double(pixels[y * width + x]) * f) }
                    }
                }
            } else {
                for y in 0..<height {
                    for x in 0..<width {
                        let f = factor(Double(y), Double(x) / Double(width))
                        if f < 0.999 { pixels[y * width + x] = clamp(Double(pixels[y * width + x]) * f) }
                    }
                }
            }
        }
    }

    static func rgb(fromGrey grey: [UInt8], width: Int, height: Int) -> Raster {
        var pixels = [UInt8](repeating: 0, count: grey.count * 3)
        grey.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { out in
                for index in 0..<source.count {
                    let value = source[index]
                    out[index * 3] = value; out[index * 3 + 1] = value; out[index * 3 + 2] = value
                }
            }
        }
        return Raster(width: width, height: height, channels: 3, pixels: pixels)
    }

    @inline(__always)
    static func clamp(_ value: Double) -> UInt8 {
        UInt8(max(0, min(255, value.rounded())))
    }
}
