/// A 64-bit hash of a name (a class token, an id, a word of one), cheap
/// enough to compute for every element of every page: FNV-1a over the
/// name's UTF-8 bytes. Swift's own `Hashable` runs SipHash, several times
/// the cost for the short names that class attributes hold.
///
/// Equal names hash equally in Swift's sense of equal: a name with bytes
/// past ASCII is hashed in Unicode's composed form (NFC), since `==`
/// counts a decomposed `é` (or a Kelvin sign and `K`) as the same name.
enum NameHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of ASCII bytes (the caller has checked they are ASCII).
    static func of(ascii bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    static func of(_ name: String) -> UInt64 {
        var hash = seed
        var isASCII = true
        for byte in name.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            hash = adding(byte, to: hash)
        }
        if isASCII { return hash }
        hash = seed
        for unit in name._nfcCodeUnits { hash = adding(unit, to: hash) }
        return hash
    }
}

/// A read-only table from distinct names to values, looked up by
/// `NameHash` and confirmed with `==`: the walks ask it about every class token and word
/// of every element, where a `Dictionary<String, _>` would run SipHash.
struct NameTable<Value> {
    private var hashes: [UInt64] = []
    private var names: [String] = []
    private var values: [Value] = []
    /// Open addressing: positions in the arrays above, -1 for an empty
    /// slot. At most half full, so probes are short.
    private var slots: [Int32] = []
    private var mask = 0

    var isEmpty: Bool { names.isEmpty }

    /// With `bytewise`, names are hashed as their bytes are, for lookups
    /// with `value(forBytes:hash:)`.
    init(_ entries: [(name: String, value: Value)] = [], bytewise: Bool = false) {
        var size = 8
        while size < entries.count * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (name, value) in entries {
            let hash = bytewise ? name.utf8.reduce(NameHash.seed) { NameHash.adding($1, to: $0) } : NameHash.of(name)
            var slot = NameTable.slot(of: hash, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(names.count)
            hashes.append(hash)
            names.append(name)
            values.append(value)
        }
    }

    @inline(__always)
    private static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The value stored for `name`, whose `NameHash` is `hash`.
    @inline(__always)
    func value(for name: String, hash: UInt64) -> Value? {
        var slot = NameTable.slot(of: hash, mask: mask)
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if hashes[position] == hash, names[position] == name { return values[position] }
            slot = (slot + 1) & mask
        }
    }

    /// The value stored for the name spelt by `bytes`, whose byte-wise
    /// hash is `hash`, compared byte for byte (not by `==`): for names
    /// that libxml2 compares as bytes too. The table must be `bytewise`.
    func value(forBytes bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        var slot = NameTable.slot(of: hash, mask: mask)
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if hashes[position] == hash, names[position].utf8.elementsEqual(bytes) { return values[position] }
            slot = (slot + 1) & mask
        }
    }
}

extension NameTable: Sendable where Value: Sendable {}
