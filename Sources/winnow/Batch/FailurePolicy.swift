import ArgumentParser

/// When error records make the exit code 1 (`--fail-on-error`). A large
/// crawl always has some broken pages, so a script can accept a share of
/// them: error records are written either way, and the batch never stops
/// early for them.
enum FailurePolicy: ExpressibleByArgument, Equatable {
    /// Exit 1 when any record failed (the default).
    case any
    /// Exit 0 whatever failed (usage errors still exit 2).
    case never
    /// Exit 1 when more than this share of the records failed (`5%`).
    case share(Double)

    init?(argument: String) {
        switch argument {
        case "any": self = .any
        case "never": self = .never
        default:
            guard argument.hasSuffix("%"), let percent = Double(argument.dropLast()), (0...100).contains(percent) else {
                return nil
            }
            self = .share(percent / 100)
        }
    }

    static var allValueStrings: [String] { ["any", "never", "N%"] }

    func fails(errors: Int, records: Int) -> Bool {
        switch self {
        case .any: return errors > 0
        case .never: return false
        case .share(let share): return records > 0 && Double(errors) / Double(records) > share
        }
    }
}

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

    var defaultValueDescription: String { "\(bytes)" }
}
