import Foundation
import PrecheckNative
import Synchronization

/// Shapes of characters rendered in the system's CJK fonts, made on first
/// use and kept for the life of the process (safe to share between threads).
///
/// A seal is cut by its maker in some Song- or Hei-like face that Precheck
/// does not have; rendering each character in several faces and keeping
/// the best match tolerates that.
final class GlyphTemplates: Sendable {
    /// Pango font descriptions tried for every character.
    let fonts: [String]
    private let cache = Mutex<[CacheKey: [GlyphShape]]>([:])
    private struct CacheKey: Hashable {
        let character: Character
        let layout: GlyphShape.Layout
    }

    /// The faces Debian's `fonts-noto-cjk` and `fonts-wqy-zenhei` install
    /// (see `scripts/install-deps.sh`); a face that is missing falls back
    /// to another one, which only lowers the match.
    static let shared = GlyphTemplates(fonts: ["Noto Serif CJK SC Bold", "Noto Sans CJK SC", "WenQuanYi Zen Hei"])

    init(fonts: [String]) {
        self.fonts = fonts
    }

    /// The shapes of `character` on `layout`, one per font that renders it.
    func shapes(of character: Character, layout: GlyphShape.Layout = .coarse) -> [GlyphShape] {
        let key = CacheKey(character: character, layout: layout)
        if let known = cache.withLock({ $0[key] }) { return known }
        let rendered = fonts.compactMap { font -> GlyphShape? in
            guard let coverage = try? VipsImage.text(Self.escaped(character), font: "\(font) 32", dpi: 72).raster() else { return nil }
            return GlyphShape(rendered: coverage, layout: layout)
        }
        cache.withLock { $0[key] = rendered }
        return rendered
    }

    /// The best similarity of a glyph to any rendering of `character` (on the glyph's layout).
    func similarity(of glyph: GlyphShape, to character: Character) -> Float {
        shapes(of: character, layout: glyph.layout).map { glyph.similarity(to: $0) }.max() ?? -1
    }

    private static func escaped(_ character: Character) -> String {
        switch character {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        default: String(character)
        }
    }
}
