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
