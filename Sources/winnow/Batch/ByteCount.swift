import ArgumentParser

/// A byte count: digits, optionally with a unit (`k`, `M`, `G`: powers of
/// 1000; `KiB`, `MiB`, `GiB`: of 1024).
struct ByteCount: ExpressibleByArgument, Equatable {
    let bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let units: [(String, Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("k", 1000), ("K", 1000), ("KB", 1000),
            ("M", 1_000_000), ("MB", 1_000_000), ("G", 1_000_000_000), ("GB", 1_000_000_000),
        ]
        var text = argument
        var multiplier = 1
        for (suffix, value) in units.sorted(by: { $0.0.count > $1.0.count }) where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            multiplier = value
            break
        }
        guard let number = Int(text), number > 0 else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        bytes = product
    }

    /// The default as it can be typed back: `20M`, not 20000000.
    var defaultValueDescription: String {
        for (suffix, value) in [("G", 1_000_000_000), ("M", 1_000_000), ("k", 1000)] where bytes % value == 0 {
            return "\(bytes / value)\(suffix)"
        }
        return "\(bytes)"
    }
}
