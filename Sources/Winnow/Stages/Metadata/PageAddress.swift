import Foundation

/// What the page's relative URLs (figure sources, links, comment authors'
/// pages) are resolved against: its `<base href>` (itself resolved against
/// the page's URL), else the page's URL, else its canonical URL. The first
/// two are what a browser uses; the canonical URL stands in for a page
/// saved without its address, so that `img src="/a.jpg"` still names the
/// site's image.
public struct PageAddress: Sendable, Equatable {
    /// The absolute URL references resolve against; nil when the page has
    /// none (references then stay as written).
    public let base: URL?

    public init(base: String?) {
        self.base = base.flatMap(PageAddress.absoluteURL)
    }

    /// `<base href>` resolved against the page's URL, then the page's URL,
    /// then the canonical URL: the first that makes an absolute URL.
    init(baseHref: String?, url: String?, canonical: String?) {
        let pageURL = url.flatMap(PageAddress.absoluteURL)
        let fromBaseElement = baseHref.flatMap { href -> URL? in
            let trimmed = Text.collapsingWhitespace(href)
            guard !trimmed.isEmpty, let resolved = URL(string: trimmed, relativeTo: pageURL) else { return nil }
            return PageAddress.absoluteURL(resolved.absoluteString)
        }
        base = fromBaseElement ?? pageURL ?? canonical.flatMap(PageAddress.absoluteURL)
    }

    /// `reference` made absolute: as written when it already has a scheme
    /// (`https:`, `data:`, `mailto:`), when there is no base, or when it
    /// does not parse as a URL reference.
    public func absolute(_ reference: String) -> String {
        let trimmed = Text.collapsingWhitespace(reference)
        guard let base, !trimmed.isEmpty, !PageAddress.hasScheme(trimmed),
            let resolved = URL(string: trimmed, relativeTo: base)
        else { return reference }
        return resolved.absoluteString
    }

    /// An absolute URL with a scheme and a host (`https://example.com/a`),
    /// or nil.
    static func absoluteURL(_ text: String) -> URL? {
        let trimmed = Text.collapsingWhitespace(text)
        guard hasScheme(trimmed), let url = URL(string: trimmed), url.host?.isEmpty == false else { return nil }
        return url
    }

    /// Whether `text` starts with a URL scheme (RFC 3986: a letter, then
    /// letters, digits, `+`, `-` or `.`, then `:`).
    static func hasScheme(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            case UInt8(ascii: ":"):
                return !first
            default:
                return false
            }
            first = false
        }
        return false
    }
}
