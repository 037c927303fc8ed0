import Foundation
import PrecheckNative

/// How a working image was derived from the uploaded one, so that any box
/// found on the working image maps back to the upload's coordinates (as the
/// user sees it, after EXIF orientation).
///
/// The steps, in order: scale, crop, quarter turn, small rotation about the
/// centre. ``toSource(_:)-(PixelBox)`` undoes them in reverse.
public struct PageTransform: Sendable, Equatable, Codable {
    /// Size of the uploaded image as the user sees it.
    public var sourceWidth: Int
    public var sourceHeight: Int
    /// Working pixels per source pixel.
    public var scale: Double
    /// Crop origin and size, in scaled pixels.
    public var cropX: Int = 0
    public var cropY: Int = 0
    public var cropWidth: Int
    public var cropHeight: Int
    /// Clockwise quarter turn applied after cropping.
    public var turn: QuarterTurn = .none
    /// Clockwise rotation in degrees about the centre, applied last (deskew).
    public var rotationDegrees: Double = 0

    public init(sourceWidth: Int, sourceHeight: Int, scale: Double) {
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.scale = scale
        self.cropWidth = Int((Double(sourceWidth) * scale).rounded())
        self.cropHeight = Int((Double(sourceHeight) * scale).rounded())
    }

    /// Size of the working image.
    public var workingWidth: Int { turn == .clockwise90 || turn == .clockwise270 ? cropHeight : cropWidth }
    public var workingHeight: Int { turn == .clockwise90 || turn == .clockwise270 ? cropWidth : cropHeight }

    /// Maps a point of the working image to the uploaded image.
    public func toSource(x: Double, y: Double) -> (x: Double, y: Double) {
        // Undo the rotation about the centre.
        let cx = Double(workingWidth) / 2, cy = Double(workingHeight) / 2
        let radians = -rotationDegrees * .pi / 180
        let dx = x - cx, dy = y - cy
        var px = cx + dx * cos(radians) - dy * sin(radians)
        var py = cy + dx * sin(radians) + dy * cos(radians)
        // Undo the quarter turn (sizes before the turn: cropWidth × cropHeight).
        let w = Double(cropWidth), h = Double(cropHeight)
        switch turn {
        case .none: break
        case .clockwise90: (px, py) = (py, h - px)
        case .upsideDown: (px, py) = (w - px, h - py)
        case .clockwise270: (px, py) = (w - py, px)
        }
        // Undo the crop and the scale.
        return ((px + Double(cropX)) / scale, (py + Double(cropY)) / scale)
    }

    /// Maps a box of the working image to the uploaded image (the bounding
    /// box of its four mapped corners, clipped to the image).
    public func toSource(_ box: PixelBox) -> PixelBox {
        let corners = [(box.x, box.y), (box.maxX, box.y), (box.x, box.maxY), (box.maxX, box.maxY)]
            .map { toSource(x: Double($0.0), y: Double($0.1)) }
        let left = max(0, corners.map(\.x).min()!), top = max(0, corners.map(\.y).min()!)
        let right = min(Double(sourceWidth), corners.map(\.x).max()!)
        let bottom = min(Double(sourceHeight), corners.map(\.y).max()!)
        return PixelBox(x: Int(left.rounded(.down)), y: Int(top.rounded(.down)),
                        width: max(0, Int(right.rounded(.up)) - Int(left.rounded(.down))),
                        height: max(0, Int(bottom.rounded(.up)) - Int(top.rounded(.down))))
    }
}
