import Foundation
import PrecheckNative

/// Fonts from Debian's packages that the generator renders with.
public enum CorpusFont: String, Sendable, CaseIterable, Codable {
    /// 宋体-like serif (fonts-noto-cjk).
    case serif = "Noto Serif CJK SC"
    /// 黑体-like sans (fonts-noto-cjk).
    case sans = "Noto Sans CJK SC"
    /// 楷体, handwriting-like (fonts-arphic-ukai).
    case kai = "AR PL UKai CN"
    /// WenQuanYi Zen Hei (fonts-wqy-zenhei).
    case zenHei = "WenQuanYi Zen Hei"
}

/// Text rendered to an ink mask: a grey ``Raster`` with ink 0 and paper 255.
public struct Glyphs: Sendable {
    public var ink: Raster

    public var width: Int { ink.width }
    public var height: Int { ink.height }
}

/// Renders text with libvips' Pango text operation.
public enum GlyphRenderer {
    /// Renders `text` in `font` at `points` size for a page of `dpi`, with
    /// `letterSpacing` **pixels** added between characters.
    public static func render(_ text: String, font: CorpusFont, points: Double, dpi: Int,
                              bold: Bool = false, letterSpacing: Double = 0) throws -> Glyphs {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        // Pango's letter_spacing is in 1/1024 of a unit that libvips' text
        // operation makes one output pixel (measured: 6144 adds 6 px at 72
        // and at 300 dpi).
        let spacing = Int(letterSpacing * 1024)
        let markup = spacing == 0 ? escaped : "<span letter_spacing=\"\(spacing)\">\(escaped)</span>"
        let description = "\(font.rawValue)\(bold ? " Bold" : "") \(String(format: "%.1f", points))"
        let coverage = try VipsImage.text(markup, font: description, dpi: dpi).raster()
        var ink = coverage.pixels
        for index in ink.indices { ink[index] = 255 - ink[index] }
        return Glyphs(ink: Raster(width: coverage.width, height: coverage.height, channels: 1, pixels: ink))
    }
}
