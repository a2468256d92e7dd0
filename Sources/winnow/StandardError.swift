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

/// Writes bytes to standard output as they are, with no copy into `Data`
/// (a large page's JSON is as large as the page, twice over). False when
/// standard output is gone.
@discardableResult
func writeOutput(bytes: UnsafeRawBufferPointer) -> Bool {
    var written = 0
    while written < bytes.count {
        let count = write(STDOUT_FILENO, bytes.baseAddress! + written, bytes.count - written)
        if count < 0 {
            if errno == EINTR { continue }
            return false
        }
        written += count
    }
    return true
}
