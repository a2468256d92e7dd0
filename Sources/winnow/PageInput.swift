import ArgumentParser
import Foundation
import Winnow

/// Reads one page's bytes from a path or standard input (`-`).
struct PageInput {
    let path: String

    var displayName: String { path == "-" ? "<stdin>" : path }

    func read() throws(PageFailure) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PageFailure(kind: "missing-file", message: "\(path): no such file", exitCode: WinnowExit.missingFile)
        }
        guard !isDirectory.boolValue else {
            throw PageFailure(kind: "unreadable", message: "\(path): is a directory", exitCode: WinnowExit.unreadableFile)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PageFailure(kind: "unreadable", message: "\(path): cannot be read", exitCode: WinnowExit.unreadableFile)
        }
        return [UInt8](data)
    }
}

/// Why one page produced no article: a kind for records, a message for
/// people, an exit code for scripts.
struct PageFailure: Error {
    let kind: String
    let message: String
    let exitCode: ExitCode

    init(kind: String, message: String, exitCode: ExitCode) {
        self.kind = kind
        self.message = message
        self.exitCode = exitCode
    }

    init(_ error: CleanerError, input: String) {
        let kind: String
        switch error {
        case .emptyInput: kind = "empty-input"
        case .notHTML: kind = "not-html"
        case .tooLarge: kind = "too-large"
        case .unparsable: kind = "unparsable"
        case .rules: kind = "rules"
        }
        self.init(kind: kind, message: "\(input): \(error.description)", exitCode: WinnowExit.code(for: error))
    }
}
