import CLibXML2

/// The words of an element's `class` and `id` tokens, for matching hints
/// such as `share` or `author-box` as whole words.
///
/// Substring matching on class names is the classic cause of lost article
/// text (`comment` inside `commentary`, `ad` inside `header`, `tool` inside
/// `code-toolbar`). Here a token is split at `-`, `_`, digits and
/// lower-to-upper case changes, lower-cased, and a hint matches only a run
/// of whole words inside one token: `social-share-bar` and `shareBar` hold
/// `share`; `shareholder` and `commentary` hold neither `share` nor `comment`.
public struct NameWords: Sendable, Hashable {
    /// One word list per class or id token.
    public let tokens: [[String]]

    /// An id of this many words or more is a slug of a heading
    /// (`sharing-with-a-single-developer`), not the name of a component.
    static let slugWordCount = 4

    public init(classAttribute: String?, idAttribute: String?) {
        var tokens: [[String]] = []
        for (attribute, isID) in [(classAttribute, false), (idAttribute, true)] {
            guard var attribute else { continue }
            attribute.withUTF8 { NameWords.appendTokens(of: $0, isID: isID, to: &tokens) }
        }
        self.tokens = tokens
    }

    init(tokens: [[String]]) {
        self.tokens = tokens
    }

    /// Splits an attribute value's bytes into tokens of words, in place:
    /// class names are ASCII almost always, so this runs on bytes, not on
    /// Characters. A byte past ASCII counts as a letter and never splits.
    static func appendTokens(of bytes: UnsafeBufferPointer<UInt8>, isID: Bool, to tokens: inout [[String]]) {
        var words: [String] = []
        var wordStart = -1
        var previousWasLower = false
        func endWord(at end: Int) {
            if wordStart >= 0 {
                // Lower-cased straight into the String's storage: words are
                // short, so most stay inline and nothing is allocated.
                let start = wordStart
                words.append(String(unsafeUninitializedCapacity: end - start) { output in
                    for offset in 0..<(end - start) {
                        let byte = bytes[start + offset]
                        output[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return end - start
                })
            }
            wordStart = -1
        }
        func endToken() {
            let isSlug = isID && words.count >= NameWords.slugWordCount
            // `js-…` tokens are hooks for scripts (`js-social-images` on an
            // article body), not names of what the element is.
            let isScriptHook = words.count > 1 && words[0] == "js"
            if !words.isEmpty, !isSlug, !isScriptHook { tokens.append(words) }
            words = []
        }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isLetter = isUpper || isLower || byte >= 0x80
            if isLetter {
                if isUpper, previousWasLower { endWord(at: index) }
                if wordStart < 0 { wordStart = index }
                previousWasLower = isLower
            } else {
                endWord(at: index)
                previousWasLower = false
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C { endToken() }
            }
        }
        endWord(at: bytes.count)
        endToken()
    }

    /// Splits one token into lower-case words.
    public static func words(of token: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in token {
            if character.isLetter {
                if character.isUppercase, previousWasLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(contentsOf: character.lowercased())
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Words that turn a token into a statement about something else:
    /// `no-sidebar`, `has-comments`, `with-share-bar` describe a page's
    /// layout, not the element.
    static let qualifierWords: Set<String> = [
        "no", "not", "has", "have", "with", "without", "hide", "show",
        // Page builders' namespaces: `elementor-widget`, `et_pb_widget`,
        // `fl-widget`, `so-widget` name the builder's blocks, whatever
        // they hold (on such pages every block of the article is one).
        "elementor", "et", "fl", "so", "siteorigin", "vc", "wpb",
    ]

    /// Words that mark a layout wrapper around content (`content-sidebar-wrap`,
    /// `main-footer-push`): frame rules leave such tokens alone.
    static let contentWords: Set<String> = ["content", "main", "container", "page", "body", "article", "post", "entry"]

    /// Whether any token holds `hint`'s words as a contiguous run, not
    /// qualified by a word such as `no` before it. With
    /// `exceptLayoutTokens`, a token that also names content does not count
    /// unless the hint itself names it.
    public func contains(_ hint: WordHint, exceptLayoutTokens: Bool = false) -> Bool {
        let length = hint.words.count
        for words in tokens where words.count >= length {
            var start = 0
            while start + length <= words.count {
                defer { start += 1 }
                guard words[start..<(start + length)].elementsEqual(hint.words) else { continue }
                if words[..<start].contains(where: NameWords.qualifierWords.contains) { continue }
                if exceptLayoutTokens {
                    let outside = words[..<start] + words[(start + length)...]
                    if outside.contains(where: NameWords.contentWords.contains) { continue }
                }
                return true
            }
        }
        return false
    }

    public var isEmpty: Bool { tokens.isEmpty }
}

/// A class/id hint written as words joined by `-`: `share`, `author-box`.
public struct WordHint: Sendable, Hashable, CustomStringConvertible {
    public let words: [String]

    public init(_ text: String) {
        words = NameWords.words(of: Substring(text))
    }

    public var description: String { words.joined(separator: "-") }
}

extension Node {
    /// The words of this element's class and id, read from libxml2's
    /// attribute text in place.
    public var nameWords: NameWords {
        var tokens: [[String]] = []
        for (name, isID) in [("class", false), ("id", true)] {
            guard let attribute = xmlHasProp(pointer, name) else { continue }
            var child = attribute.pointee.children
            while let text = child {
                if let content = text.pointee.content {
                    let length = Int(xmlStrlen(content))
                    NameWords.appendTokens(of: UnsafeBufferPointer(start: content, count: length), isID: isID, to: &tokens)
                }
                child = text.pointee.next
            }
        }
        return NameWords(tokens: tokens)
    }
}
