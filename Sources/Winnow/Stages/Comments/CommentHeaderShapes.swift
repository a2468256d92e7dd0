/// The shapes of a comment header line that say what it is without a date:
/// a byline ("Posted by Ann"), a speech verb at the end ("Jacob said,"),
/// a comment's number ("#3"). Each replaces a pattern (ICU syntax, case
/// ignored where said), quoted at its scanner; see `HeaderLineScanner`
/// for why and how.
extension HeaderLineScanner {
    /// Whether the line opens with "Posted by" or "by" and a name:
    ///
    ///     ^\W*(?:(?:posted|written|submitted|comment(?:ed)?|added|left)\s+by\b|by\s+\S)
    func hasBylineShape() -> Bool {
        nonWordCharacters(at: 0) { start in
            bylineVerbAndBy(at: start, then: { $0 }) ?? byAndName(at: start, then: { $0 })
        } != nil
    }

    /// Whether the line closes with a speech verb, a punctuation mark at
    /// most after it ("says:", "wrote", "responded…"):
    ///
    ///     \b(?:says|said|wrote|writes|responded|replied|commented)\s*(?::|\.\.\.|…|,)?\s*$
    func hasSpeechShape() -> Bool {
        // Every verb opens with a letter: `\b` there asks for no word
        // character before it.
        for start in bytes.indices where Text.isASCIILetter(bytes[start]) && !isWordCharacter(before: start) {
            if speechEnding(at: start, then: { $0 }) != nil { return true }
        }
        return false
    }

    /// Whether the line is a comment's number alone ("12", "#3", "4."):
    ///
    ///     ^#?\d{1,4}\.?$
    func isCommentNumber() -> Bool {
        optionalByte("#", at: 0) { digitsStart in
            digits(1...4, at: digitsStart) { afterDigits in
                optionalByte(".", at: afterDigits) { end in isLineEnd(end) ? end : nil }
            }
        } != nil
    }

    /// Where a comment's number before a name ends ("#1 Quinn"), spaces
    /// included; nil when the line does not open with one:
    ///
    ///     ^#?\d{1,4}\.?\s+
    func commentNumberPrefixEnd() -> Int? {
        optionalByte("#", at: 0) { digitsStart in
            digits(1...4, at: digitsStart) { afterDigits in
                optionalByte(".", at: afterDigits) { afterDot in spaces(atLeast: 1, at: afterDot) { $0 } }
            }
        }
    }

    /// `\W*`: the longest run of characters that are not word characters
    /// first, then one character shorter at a time.
    private func nonWordCharacters(at index: Int, then next: Continuation) -> Int? {
        var end = index
        while end < bytes.count, !isWordCharacter(at: end) { end = scalarEnd(at: end) }
        while true {
            if let matchEnd = next(end) { return matchEnd }
            if end == index { return nil }
            end = scalarStart(before: end)
        }
    }

    /// (?:posted|written|submitted|comment(?:ed)?|added|left)\s+by\b
    private func bylineVerbAndBy(at index: Int, then next: Continuation) -> Int? {
        bylineVerb(at: index) { afterVerb in
            spaces(atLeast: 1, at: afterVerb) { byStart in
                literal("by", at: byStart) { afterBy in isWordBoundary(afterBy) ? next(afterBy) : nil }
            }
        }
    }

    private func bylineVerb(at index: Int, then next: Continuation) -> Int? {
        literal("posted", at: index, then: next)
            ?? literal("written", at: index, then: next)
            ?? literal("submitted", at: index, then: next)
            ?? literal("comment", at: index) { afterStem in optionalLiteral("ed", at: afterStem, then: next) }
            ?? literal("added", at: index, then: next)
            ?? literal("left", at: index, then: next)
    }

    /// by\s+\S
    private func byAndName(at index: Int, then next: Continuation) -> Int? {
        literal("by", at: index) { afterBy in
            spaces(atLeast: 1, at: afterBy) { nameStart in
                // `\S`: white space past ASCII is not modelled.
                nameStart < bytes.count && !Self.isASCIISpace(bytes[nameStart]) ? next(scalarEnd(at: nameStart)) : nil
            }
        }
    }

    /// (?:says|said|wrote|writes|responded|replied|commented)\s*(?::|\.\.\.|…|,)?\s*$
    private func speechEnding(at index: Int, then next: Continuation) -> Int? {
        speechVerb(at: index) { afterVerb in
            spaces(atLeast: 0, at: afterVerb) { afterSpaces in
                speechPunctuationIfAny(at: afterSpaces) { afterPunctuation in
                    spaces(atLeast: 0, at: afterPunctuation) { end in isLineEnd(end) ? next(end) : nil }
                }
            }
        }
    }

    /// says|said|wrote|writes|responded|replied|commented, the first
    /// letter picking the choices to try, in the pattern's order.
    private func speechVerb(at index: Int, then next: Continuation) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] | 0x20 {
        case UInt8(ascii: "s"): return literal("says", at: index, then: next) ?? literal("said", at: index, then: next)
        case UInt8(ascii: "w"): return literal("wrote", at: index, then: next) ?? literal("writes", at: index, then: next)
        case UInt8(ascii: "r"): return literal("responded", at: index, then: next) ?? literal("replied", at: index, then: next)
        case UInt8(ascii: "c"): return literal("commented", at: index, then: next)
        default: return nil
        }
    }

    /// (?::|\.\.\.|…|,)?
    private func speechPunctuationIfAny(at index: Int, then next: Continuation) -> Int? {
        byte(":", at: index, then: next)
            ?? literal("...", at: index, then: next)
            ?? literal("\u{2026}", at: index, then: next)
            ?? byte(",", at: index, then: next)
            ?? next(index)
    }
}
