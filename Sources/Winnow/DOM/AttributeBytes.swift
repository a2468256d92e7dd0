import CLibXML2

extension Node {
    /// Whether attribute `name` holds any of `needles` (lower-case ASCII) as
    /// a substring, ignoring ASCII case, read in place: no String is built.
    /// A cheap pre-filter for walks that test every element's class or id
    /// before the exact (and costlier) word match of `NameWords`.
    public func attribute(_ name: String, containsAnyOf needles: [StaticString]) -> Bool {
        guard let attribute = xmlHasProp(pointer, name) else { return false }
        var child = attribute.pointee.children
        while let text = child {
            if let content = text.pointee.content {
                for needle in needles where Node.contains(content, lowercaseASCII: needle) { return true }
            }
            child = text.pointee.next
        }
        return false
    }

    private static func contains(_ haystack: UnsafePointer<xmlChar>, lowercaseASCII needle: StaticString) -> Bool {
        needle.withUTF8Buffer { expected in
            guard let first = expected.first else { return true }
            var start = 0
            while haystack[start] != 0 {
                if haystack[start] | 0x20 == first {
                    var offset = 1
                    while offset < expected.count, haystack[start + offset] != 0,
                        haystack[start + offset] | 0x20 == expected[offset]
                    {
                        offset += 1
                    }
                    if offset == expected.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}
