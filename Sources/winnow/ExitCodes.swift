import ArgumentParser
import Winnow

/// The tool's exit codes, one per kind of failure, as `--help` lists them.
enum WinnowExit {
    static let missingFile = ExitCode(3)
    static let unreadableFile = ExitCode(4)
    static let emptyInput = ExitCode(5)
    static let notHTML = ExitCode(6)
    static let tooLarge = ExitCode(7)
    static let unparsable = ExitCode(8)
    static let badRules = ExitCode(9)
    /// Bad arguments: ArgumentParser's own code for them (EX_USAGE).
    static let badArguments = ExitCode(64)

    static let helpText = """
        Exit codes: 0 success; 1 some pages failed (several inputs); 3 file not found; \
        4 file unreadable; 5 empty input; 6 not HTML (binary data); 7 page too large; \
        8 unparsable; 9 bad rules; 64 bad arguments.
        """

    static func code(for error: CleanerError) -> ExitCode {
        switch error {
        case .emptyInput: return emptyInput
        case .notHTML: return notHTML
        case .tooLarge: return tooLarge
        case .unparsable: return unparsable
        case .rules: return badRules
        }
    }
}
