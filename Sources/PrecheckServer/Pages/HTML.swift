import Precheck

/// A piece of HTML whose interpolated values are escaped.
///
/// Text interpolated into an `HTML` literal is escaped (`&<>"'`), so data
/// from uploads, forms or OCR can never become markup; only other `HTML`
/// values are inserted as they are.
///
/// ```swift
/// let name = "<script>"
/// let cell: HTML = "<td title=\"\(name)\">\(name)</td>"   // &lt;script&gt; in both places
/// ```
struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var rendered: String

    init(stringLiteral literal: String) {
        rendered = literal
    }

    init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    private init(raw: String) {
        rendered = raw
    }

    var description: String { rendered }

    static let empty = HTML(raw: "")

    /// The pieces one after the other.
    static func joined(_ pieces: [HTML], separator: HTML = .empty) -> HTML {
        HTML(raw: pieces.map(\.rendered).joined(separator: separator.rendered))
    }

    /// `text` escaped for element content and quoted attribute values.
    static func escape(_ text: String) -> String { HTMLText.escaped(text) }

    struct Interpolation: StringInterpolationProtocol {
        var output = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) {
            output += HTML.escape(text)
        }

        mutating func appendInterpolation(_ text: Substring) {
            output += HTML.escape(String(text))
        }

        mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }

        /// A number with a fixed number of decimals.
        mutating func appendInterpolation(_ number: Double, decimals: Int) {
            output += HTML.escape(number.formatted(.number.precision(.fractionLength(decimals)).grouping(.never)))
        }

        /// Markup: inserted as it is.
        mutating func appendInterpolation(_ html: HTML) {
            output += html.rendered
        }

        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { output += piece.rendered }
        }
    }
}
