import CTesseract
import Foundation

/// Tesseract's page-segmentation modes that Precheck uses.
public enum PageSegmentation: Int32, Sendable {
    /// Fully automatic page layout (psm 3).
    case automatic = 3
    /// One uniform block of text (psm 6).
    case block = 6
    /// One text line (psm 7).
    case singleLine = 7
    /// One word (psm 8).
    case singleWord = 8
    /// Sparse text, no order (psm 11).
    case sparse = 11
}

/// What Tesseract's orientation detection reports.
public struct OrientationEstimate: Sendable, Equatable {
    /// The clockwise rotation that makes the page upright (0, 90, 180, 270).
    public let clockwiseDegreesToUpright: Int
    public let confidence: Double
    public let script: String
}

/// An owned Tesseract handle (`TessBaseAPI*`).
///
/// Initialising Tesseract loads its model and costs ~100-200 ms, so make one
/// per worker and reuse it. A handle is **not** thread-safe: it is a class
/// without `Sendable`, and ``Precheck`` hands handles out one task at a time
/// through its engine pool.
///
/// Tesseract runs OpenMP threads unless `OMP_THREAD_LIMIT=1` is in the
/// environment *before the process starts*; with several documents in
/// parallel those threads make it 5-7× slower. The `precheck` executable
/// sets it; library users should too.
public final class TesseractAPI {
    private let handle: OpaquePointer
    public let language: String

    /// Loads `language` (e.g. `"chi_sim"`, `"osd"`) from `dataPath`
    /// (`nil`: Tesseract's default, Debian's `/usr/share/tesseract-ocr/5/tessdata`).
    public init(language: String, dataPath: String? = nil) throws {
        guard let handle = TessBaseAPICreate() else {
            throw NativeError(library: .tesseract, operation: "TessBaseAPICreate", message: "out of memory")
        }
        // Keep Tesseract's diagnostics off stderr.
        TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        let status = TessBaseAPIInit3(handle, dataPath, language)
        guard status == 0 else {
            TessBaseAPIDelete(handle)
            throw NativeError(library: .tesseract, operation: "Init",
                              message: "cannot load language '\(language)'; install tesseract-ocr-\(language.replacingOccurrences(of: "_", with: "-")) (Debian)")
        }
        self.handle = handle
        self.language = language
        TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Sets a Tesseract parameter; returns false for an unknown name.
    @discardableResult
    public func setVariable(_ name: String, _ value: String) -> Bool {
        TessBaseAPISetVariable(handle, name, value) != 0
    }

    /// Recognises `region` of `image` (the whole image when `nil`).
    ///
    /// - Parameters:
    ///   - dpi: the document's real resolution (files without a tag say 72,
    ///     which makes Tesseract misjudge text size).
    ///   - whitelist: restricts recognition to these characters (`nil`: all).
    ///   - withAlternatives: also collect per-character alternatives (slower).
    ///   - timeLimitMilliseconds: stop recognising after this long (Tesseract's
    ///     progress monitor, `ETEXT_DESC`, checks it between words); `nil`: no limit.
    /// - Throws: ``NativeError`` when recognition fails or runs out of time.
    public func recognize(_ image: Raster, region: PixelBox? = nil, segmentation: PageSegmentation,
                          dpi: Int, whitelist: String? = nil, withAlternatives: Bool = false,
                          timeLimitMilliseconds: Int? = nil) throws -> RecognizedText {
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(segmentation.rawValue)))
        TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist ?? "")
        TessBaseAPISetVariable(handle, "lstm_choice_mode", withAlternatives ? "2" : "0")
        defer { TessBaseAPIClear(handle) }
        // Only the region's pixels are handed over (Tesseract copies what it
        // is given: the whole page for every line would cost more than the line).
        let bounds = PixelBox(x: 0, y: 0, width: image.width, height: image.height)
        let area = region.map { $0.intersection(bounds) } ?? bounds
        guard let area, area.width > 0, area.height > 0 else { return RecognizedText(lines: []) }
        setImage(image, area: area, dpi: dpi)
        let monitor = timeLimitMilliseconds.map { milliseconds -> OpaquePointer? in
            let monitor = TessMonitorCreate()
            TessMonitorSetDeadlineMSecs(monitor, Int32(clamping: max(1, milliseconds)))
            return monitor
        } ?? nil
        defer { if let monitor { TessMonitorDelete(monitor) } }
        let started = ContinuousClock.now
        guard TessBaseAPIRecognize(handle, monitor) == 0 else {
            if let timeLimitMilliseconds, ContinuousClock.now - started >= .milliseconds(timeLimitMilliseconds) {
                throw NativeError(library: .tesseract, operation: "Recognize",
                                  message: "stopped at the time limit of \(timeLimitMilliseconds) ms")
            }
            throw NativeError(library: .tesseract, operation: "Recognize", message: "recognition failed")
        }
        return collectText(withAlternatives: withAlternatives, offset: (area.x, area.y))
    }

    /// Finds the text lines of `image` by page-layout analysis only (no
    /// recognition): a fraction of the cost of reading the page.
    public func textLineBoxes(_ image: Raster, dpi: Int) -> [PixelBox] {
        TessBaseAPISetPageSegMode(handle, PSM_AUTO)
        defer { TessBaseAPIClear(handle) }
        setImage(image, dpi: dpi)
        guard let iterator = TessBaseAPIAnalyseLayout(handle) else { return [] }
        defer { TessPageIteratorDelete(iterator) }
        var boxes: [PixelBox] = []
        repeat {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            if TessPageIteratorBoundingBox(iterator, RIL_TEXTLINE, &left, &top, &right, &bottom) != 0, right > left, bottom > top {
                boxes.append(PixelBox(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top)))
            }
        } while TessPageIteratorNext(iterator, RIL_TEXTLINE) != 0
        return boxes
    }

    /// Detects page orientation and script (needs the `osd` language).
    public func detectOrientation(_ image: Raster, dpi: Int) -> OrientationEstimate? {
        TessBaseAPISetPageSegMode(handle, PSM_OSD_ONLY)
        defer { TessBaseAPIClear(handle) }
        setImage(image, dpi: dpi)
        var degrees: Int32 = 0
        var orientationConfidence: Float = 0
        var scriptName: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(handle, &degrees, &orientationConfidence, &scriptName, &scriptConfidence) != 0 else {
            return nil
        }
        let script = scriptName.map { String(cString: $0) } ?? ""
        // Tesseract reports how far the input is turned clockwise; turning it
        // a further (360 − that) degrees clockwise makes it upright.
        return OrientationEstimate(clockwiseDegreesToUpright: (360 - Int(degrees)) % 360,
                                   confidence: Double(orientationConfidence), script: script)
    }

    /// Hands Tesseract the pixels (it copies them) and their real resolution.
    private func setImage(_ image: Raster, dpi: Int) {
        setImage(image, area: PixelBox(x: 0, y: 0, width: image.width, height: image.height), dpi: dpi)
    }

    /// Hands Tesseract the pixels of `area` (inside the image) without copying them first.
    private func setImage(_ image: Raster, area: PixelBox, dpi: Int) {
        image.pixels.withUnsafeBufferPointer { pixels in
            let rowBytes = image.width * image.channels
            TessBaseAPISetImage(handle, pixels.baseAddress.map { $0 + area.y * rowBytes + area.x * image.channels },
                                Int32(area.width), Int32(area.height), Int32(image.channels), Int32(rowBytes))
        }
        TessBaseAPISetSourceResolution(handle, Int32(max(70, min(dpi, 1200))))
    }

    /// The recognised text; boxes are moved by `offset` (the origin of the
    /// area handed to Tesseract) into the image's coordinates.
    private func collectText(withAlternatives: Bool, offset: (x: Int, y: Int)) -> RecognizedText {
        guard let iterator = TessBaseAPIGetIterator(handle) else { return RecognizedText(lines: []) }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)

        var lines: [RecognizedLine] = []
        var words: [RecognizedWord] = []
        var symbols: [RecognizedSymbol] = []
        var lineBox = PixelBox(x: 0, y: 0, width: 0, height: 0)
        var wordText = "", wordConfidence = 0.0
        var wordBox = lineBox

        func box(_ level: TessPageIteratorLevel) -> PixelBox {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom)
            return PixelBox(x: Int(left) + offset.x, y: Int(top) + offset.y, width: Int(right - left), height: Int(bottom - top))
        }
        func text(_ level: TessPageIteratorLevel) -> String {
            guard let cString = TessResultIteratorGetUTF8Text(iterator, level) else { return "" }
            defer { TessDeleteText(cString) }
            return String(cString: cString).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func finishWord() {
            if !symbols.isEmpty || !wordText.isEmpty {
                words.append(RecognizedWord(text: wordText, confidence: wordConfidence, box: wordBox, symbols: symbols))
            }
            symbols = []
            wordText = ""
        }
        func finishLine() {
            finishWord()
            if !words.isEmpty { lines.append(RecognizedLine(words: words, box: lineBox)) }
            words = []
        }

        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                finishLine()
                lineBox = box(RIL_TEXTLINE)
            }
            if TessPageIteratorIsAtBeginningOf(page, RIL_WORD) != 0 {
                finishWord()
                wordText = text(RIL_WORD)
                wordConfidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
                wordBox = box(RIL_WORD)
            }
            let symbolText = text(RIL_SYMBOL)
            if !symbolText.isEmpty {
                var alternatives: [String] = []
                if withAlternatives, let choices = TessResultIteratorGetChoiceIterator(iterator) {
                    repeat {
                        if let choice = TessChoiceIteratorGetUTF8Text(choices) {
                            let value = String(cString: choice)
                            if value != symbolText && !alternatives.contains(value) { alternatives.append(value) }
                        }
                    } while TessChoiceIteratorNext(choices) != 0
                    TessChoiceIteratorDelete(choices)
                }
                symbols.append(RecognizedSymbol(text: symbolText,
                                                confidence: Double(TessResultIteratorConfidence(iterator, RIL_SYMBOL)) / 100,
                                                box: box(RIL_SYMBOL), alternatives: alternatives))
            }
        } while TessResultIteratorNext(iterator, RIL_SYMBOL) != 0
        finishLine()
        return RecognizedText(lines: lines)
    }
}
