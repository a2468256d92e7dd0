import Foundation

/// Writes one line to standard error; the terminal is the tool's, never the
/// library's.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("winnow: " + message + "\n").utf8))
}

/// Writes to standard output without Swift's `print` line buffering cost
/// per call.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
