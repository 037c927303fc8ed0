import Foundation

/// How seal-like the ink around a fitted ellipse is.
///
/// A stamped seal has a thin ring inked nearly all round, ring text just
/// inside it, a star at the centre and little ink elsewhere. A filled disc
/// (the national emblem) is ink almost everywhere inside; a text line
/// covers few ring angles.
struct SealRingMeasures: Sendable, Equatable {
    /// Share of angles (3° bins) with ink on the outer ring annulus.
    var ringCoverage: Double
    /// Share of the ring annulus that is ink.
    var ringDensity: Double
    /// Share of the annulus just outside the ring that is ink.
    var outsideDensity: Double
    /// Share of the interior (relative radius < 0.8) that is ink.
    var interiorDensity: Double
    /// Share of the ring-text band (0.55-0.88) that is ink.
    var textBandDensity: Double
    /// Share of the centre (relative radius < 0.3) that is ink.
    var centreDensity: Double

    /// Inner and outer relative radius of the ring annulus.
    static let ring = 0.86...1.05
    static let outside = 1.1...1.3

    /// Measures `mask` around the ellipse.
    init(_ mask: InkMask, centreX: Double, centreY: Double, radiusX: Double, radiusY: Double) {
        let bins = 120
        var binHasInk = [Bool](repeating: false, count: bins)
        var ring = (ink: 0, all: 0), outside = (ink: 0, all: 0), interior = (ink: 0, all: 0)
        var textBand = (ink: 0, all: 0), centre = (ink: 0, all: 0)
        let reach = Self.outside.upperBound
        let left = max(0, Int(centreX - reach * radiusX)), right = min(mask.width - 1, Int(centreX + reach * radiusX))
        let top = max(0, Int(centreY - reach * radiusY)), bottom = min(mask.height - 1, Int(centreY + reach * radiusY))
        if left <= right, top <= bottom {
            for y in top...bottom {
                let v = (Double(y) + 0.5 - centreY) / radiusY
                for x in left...right {
                    let u = (Double(x) + 0.5 - centreX) / radiusX
                    let rho = (u * u + v * v).squareRoot()
                    guard rho <= reach else { continue }
                    let ink = mask.ink[y * mask.width + x] != 0 ? 1 : 0
                    if Self.ring.contains(rho) {
                        ring.all += 1; ring.ink += ink
                        if ink == 1 {
                            let theta = atan2(u, -v) + .pi   // 0...2π
                            binHasInk[min(bins - 1, Int(theta / (2 * .pi) * Double(bins)))] = true
                        }
                    } else if Self.outside.contains(rho) {
                        outside.all += 1; outside.ink += ink
                    }
                    if rho < 0.8 { interior.all += 1; interior.ink += ink }
                    if rho >= 0.55 && rho < 0.88 { textBand.all += 1; textBand.ink += ink }
                    if rho < 0.3 { centre.all += 1; centre.ink += ink }
                }
            }
        }
        func share(_ count: (ink: Int, all: Int)) -> Double { count.all == 0 ? 0 : Double(count.ink) / Double(count.all) }
        ringCoverage = Double(binHasInk.filter { $0 }.count) / Double(bins)
        ringDensity = share(ring)
        outsideDensity = share(outside)
        interiorDensity = share(interior)
        textBandDensity = share(textBand)
        centreDensity = share(centre)
    }

    /// 0-1: ring coverage counts most, then ring text and the centre star;
    /// 0 for a filled disc, a ring no denser than its surroundings, or a broken ring.
    var score: Double {
        guard ringCoverage >= 0.6, interiorDensity <= 0.45, ringDensity >= 2 * outsideDensity + 0.05 else { return 0 }
        let text = min(1, textBandDensity / 0.06)
        let star = min(1, centreDensity / 0.08)
        return 0.55 * ringCoverage + 0.25 * text + 0.2 * star
    }
}
