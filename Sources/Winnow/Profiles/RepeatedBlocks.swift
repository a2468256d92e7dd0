/// Blocks of prose that a page shows a second time: copies its layout
/// makes, which a reader reads once. A shop renders a product's
/// description and notes once for phones and once for desktops (both in
/// the HTML, one hidden by a style sheet), a sticky bar repeats the
/// summary, a forum prints a member's signature under every post, a
/// category page repeats its promotion in two carousels.
///
/// Issue 14, on the development set (wcxb, block copies of at least ten
/// words dropped from the second on): product F1 0.638 -> 0.648,
/// collection +0.0025, forum +0.0023, listing -0.0005; on articles,
/// services and documentation the truth keeps repeats as often as not
/// (documentation repeats its commands on purpose), so those profiles
/// keep them.
enum RepeatedBlocks {
    /// A block of fewer words repeats on its own merits: a button's label,
    /// "Free shipping on orders over $50", a price, a card's facts.
    static let minimumWords = 10

    /// The indices of the blocks that are not the second or a later copy
    /// of a block of `minimumWords` or more (compared by their words, case
    /// ignored), in order.
    static func indicesOfFirstCopies(_ blocks: [Block]) -> [Int] {
        var seen: Set<String> = []
        var kept: [Int] = []
        kept.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            if let text = block.plainText {
                let words = Text.comparableWords(text)
                if words.utf8.count >= minimumWords, wordCount(words) >= minimumWords, !seen.insert(words).inserted { continue }
            }
            kept.append(index)
        }
        return kept
    }

    /// The words of text that `Text.comparableWords` made (one space apart).
    private static func wordCount(_ words: String) -> Int {
        words.isEmpty ? 0 : words.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }
    }
}
