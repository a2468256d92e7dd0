/// Mends UTF-8 that has a few bytes which fit no sequence.
///
/// Each stray byte is decoded as windows-1252 rather than replaced with
/// U+FFFD. Strays in otherwise UTF-8 pages are nearly always text pasted
/// from a windows-1252 source (Word's `\x92` apostrophe, `\x93`/`\x94`
/// quotes, `\x96` dash, an `\xe9` é): windows-1252 gives the reader the
/// character the author typed, where U+FFFD would lose it. When the guess is
/// wrong (a truncated sequence), the result is one odd character, no worse
/// than a replacement character; bytes windows-1252 leaves unassigned still
/// become U+FFFD.
enum UTF8Repair {
    /// The bytes with every stray decoded as windows-1252 and every NUL a
    /// space, so the result is valid UTF-8 libxml2 reads to the end.
    static func repaired(_ bytes: ArraySlice<UInt8>, invalidBytes: Int) -> [UInt8] {
        bytes.withUnsafeBufferPointer { input in
            // A stray grows to at most three bytes; everything else is copied.
            let capacity = input.count + invalidBytes * (Windows1252.maximumSequenceLength - 1)
            return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
                Windows1252.table.withUnsafeBufferPointer { table in
                    var written = 0
                    var index = 0
                    while index < input.count {
                        let byte = input[index]
                        if byte < 0x80 {
                            output[written] = byte == 0 ? CharsetDecoder.nulReplacement : byte
                            written += 1
                            index += 1
                            continue
                        }
                        let length = UTF8Survey.sequenceLength(in: input, at: index)
                        if length == 0 {
                            written += Windows1252.append(table[Int(byte)], to: output, at: written)
                            index += 1
                        } else {
                            for offset in 0..<length { output[written + offset] = input[index + offset] }
                            written += length
                            index += length
                        }
                    }
                    count = written
                }
            }
        }
    }
}
