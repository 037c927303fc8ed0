import Foundation

/// Fits a seal's outer ring: rays from a first-guess centre find the
/// outermost ink near the guessed ellipse, and an axis-aligned ellipse is
/// fitted to those edge points by least squares, twice, leaving out
/// points far from the current ellipse.
struct SealRingFit: Sendable {
    /// Rays cast around the guess.
    var rays = 96
    /// How far in and out of the guessed ellipse a ray looks for the ring's outer edge (relative radius).
    var searchInner = 0.75
    var searchOuter = 1.2
    /// Edge points farther than this (relative radius) from the current ellipse are left out of the fit.
    var edgeTolerance = 0.16

    /// The fitted ellipse (centre and semi-axes), or nil when too few rays meet ink.
    func fit(_ mask: InkMask, centreX: Double, centreY: Double, radiusX: Double, radiusY: Double)
        -> (centreX: Double, centreY: Double, radiusX: Double, radiusY: Double)? {
        var ellipse = (centreX: centreX, centreY: centreY, radiusX: radiusX, radiusY: radiusY)
        for _ in 0..<2 {
            let edges = edgePoints(mask, ellipse)
            guard edges.count >= rays / 2 else { return nil }
            // Keep the points near the current ellipse, then fit x = cx + a·sinθ, y = cy − b·cosθ.
            let kept = edges.filter { abs($0.rho - 1) <= edgeTolerance }
            guard kept.count >= rays / 3 else { return nil }
            guard let x = Self.lineFit(kept.map { (sin($0.theta), $0.x) }),
                  let y = Self.lineFit(kept.map { (-cos($0.theta), $0.y) }),
                  x.slope > 0, y.slope > 0 else { return nil }
            ellipse = (x.intercept, y.intercept, x.slope, y.slope)
        }
        return ellipse
    }

    /// For each ray, the outermost ink within the search window; `rho` is relative to the ellipse.
    private func edgePoints(_ mask: InkMask, _ e: (centreX: Double, centreY: Double, radiusX: Double, radiusY: Double))
        -> [(theta: Double, rho: Double, x: Double, y: Double)] {
        var points: [(theta: Double, rho: Double, x: Double, y: Double)] = []
        let steps = Int(max(e.radiusX, e.radiusY) * (searchOuter - searchInner)) + 1
        for ray in 0..<rays {
            let theta = Double(ray) / Double(rays) * 2 * .pi
            let dx = sin(theta), dy = -cos(theta)
            for step in stride(from: steps, through: 0, by: -1) {
                let rho = searchInner + (searchOuter - searchInner) * Double(step) / Double(steps)
                let x = e.centreX + rho * e.radiusX * dx, y = e.centreY + rho * e.radiusY * dy
                if mask.isInk(Int(x), Int(y)) {
                    points.append((theta, rho, x + 0.5, y + 0.5))
                    break
                }
            }
        }
        return points
    }

    /// Least-squares line `value = intercept + slope · t` through (t, value) pairs.
    private static func lineFit(_ pairs: [(Double, Double)]) -> (intercept: Double, slope: Double)? {
        let n = Double(pairs.count)
        let meanT = pairs.reduce(0) { $0 + $1.0 } / n, meanV = pairs.reduce(0) { $0 + $1.1 } / n
        var covariance = 0.0, variance = 0.0
        for (t, v) in pairs {
            covariance += (t - meanT) * (v - meanV)
            variance += (t - meanT) * (t - meanT)
        }
        guard variance > 1e-9 else { return nil }
        let slope = covariance / variance
        return (meanV - slope * meanT, slope)
    }
}
