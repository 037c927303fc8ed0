import Precheck
import PrecheckNative
import Testing

@Suite("Page transform")
struct PageTransformTests {
    /// A 1000×600 upload scaled by 0.5 and cropped by (10, 20) to 480×260.
    func base() -> PageTransform {
        var transform = PageTransform(sourceWidth: 1000, sourceHeight: 600, scale: 0.5)
        transform.cropX = 10; transform.cropY = 20
        transform.cropWidth = 480; transform.cropHeight = 260
        return transform
    }

    @Test func undoesScaleAndCrop() {
        let point = base().toSource(x: 100, y: 50)
        #expect(point.x == 220 && point.y == 140)
    }

    @Test(arguments: QuarterTurn.allCases)
    func undoesQuarterTurns(_ turn: QuarterTurn) {
        var transform = base()
        transform.turn = turn
        // The working image's top-left corner comes from this corner of the crop.
        let expected: (Double, Double) = switch turn {
        case .none: (10, 20)
        case .clockwise90: (10, 280)       // bottom-left of the crop
        case .upsideDown: (490, 280)       // bottom-right
        case .clockwise270: (490, 20)      // top-right
        }
        let point = transform.toSource(x: 0, y: 0)
        #expect(abs(point.x - expected.0 / 0.5) < 1e-9 && abs(point.y - expected.1 / 0.5) < 1e-9)
        #expect((transform.workingWidth, transform.workingHeight) == (turn == .clockwise90 || turn == .clockwise270 ? (260, 480) : (480, 260)))
    }

    @Test func undoesRotationAboutTheCentre() {
        var transform = PageTransform(sourceWidth: 200, sourceHeight: 200, scale: 1)
        transform.rotationDegrees = 90
        // A clockwise quarter rotation about (100, 100) moved the source's (150, 100) to (100, 150).
        let point = transform.toSource(x: 100, y: 150)
        #expect(abs(point.x - 150) < 1e-9 && abs(point.y - 100) < 1e-9)
        let box = transform.toSource(PixelBox(x: 90, y: 140, width: 20, height: 20))
        #expect(box == PixelBox(x: 140, y: 90, width: 20, height: 20))
    }
}
