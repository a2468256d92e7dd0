import Foundation
import Winnow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records an earlier run already wrote, for `--resume`: their keys
/// (input, line, offset), read from the output file, whose unfinished
/// tail (a line without its newline, a gzip member without its end) is cut
/// off so the new records append to well-formed output.
enum ResumeIndex {
    struct Failure: Error {
        let message: String
    }

    /// The keys in `path`, after cutting its unfinished tail. A missing
    /// file has none.
    static func load(outputFile path: String) throws(Failure) -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let file: FileStream
        do {
            file = try FileStream(path: path)
        } catch {
            throw Failure(message: "--resume: \(error.message)")
        }
        let gzip = path.hasSuffix(".gz")
        let gzipStream = gzip ? GzipStream(file, name: path) : nil
        let reader = ByteReader(gzipStream ?? file)
        var keys: [(key: String, end: Int)] = []
        var completeEnd = 0
        while true {
            let before = reader.offset
            let line: ByteReader.Line?
            do {
                line = try reader.readLine(limit: Int.max)
            } catch {
                break  // damaged or cut short: keep what came before
            }
            guard case .line(let bytes) = line else { break }
            // A last line without its newline was cut short.
            guard reader.offset - before == bytes.count + 1 else { break }
            completeEnd = reader.offset
            if let key = key(of: bytes) { keys.append((key, completeEnd)) }
        }
        let keep: Int
        if let gzipStream {
            keep = gzipStream.lastMemberEnd.compressed
            keys.removeAll { $0.end > gzipStream.lastMemberEnd.decompressed }
        } else {
            keep = completeEnd
        }
        guard truncate(path, off_t(keep)) == 0 else {
            throw Failure(message: "--resume: \(path): cannot cut its unfinished end: \(String(cString: strerror(errno)))")
        }
        return Set(keys.map(\.key))
    }

    /// The resume key of one written record, from its provenance members.
    static func key(of line: [UInt8]) -> String? {
        guard let members = try? JSONObjectScanner.members(of: line) else { return nil }
        var input: String?
        var lineNumber: Int?
        var offset: Int?
        for member in members {
            let value = line[member.value]
            switch member.key {
            case "input":
                guard value.first == UInt8(ascii: "\"") else { return nil }
                input = String(decoding: JSONObjectScanner.decodeString(value.dropFirst().dropLast()), as: UTF8.self)
            case "line": lineNumber = Int(String(decoding: value, as: UTF8.self))
            case "offset": offset = Int(String(decoding: value, as: UTF8.self))
            default: continue
            }
        }
        return input.map { ResumeKey.make(input: $0, line: lineNumber, offset: offset) }
    }
}
