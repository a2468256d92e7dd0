import Foundation
@testable import Winnow

enum RecordTestSupport {
    /// The warcio-made inputs (`Tests/InputFiles`, remade by its script).
    static func inputFile(_ name: String) -> String {
        TestSupport.repositoryRoot.appendingPathComponent("Tests/InputFiles/\(name)").path
    }

    static func items(of source: PageSource) -> [InputItem] {
        var items: [InputItem] = []
        while let item = source.next() { items.append(item) }
        return items
    }

    static func warcItems(_ name: String) throws -> [InputItem] {
        let path = inputFile(name)
        let file = try FileStream(path: path)
        let stream: ByteStream = name.hasSuffix(".gz") ? GzipStream(file, name: path) : file
        return items(of: WARCSource(stream, name: path, maximumBytes: 1 << 20))
    }

    /// Everything a `ByteStream` gives, with the errors it throws on the way.
    static func drain(_ stream: ByteStream) -> (bytes: [UInt8], errors: [InputError]) {
        var bytes: [UInt8] = []
        var errors: [InputError] = []
        var buffer = [UInt8](repeating: 0, count: 1000)
        while true {
            var failure: InputError?
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                do throws(InputError) {
                    return try stream.read(into: raw)
                } catch {
                    failure = error
                    return -1
                }
            }
            if count == 0 { break }
            if count > 0 { bytes += buffer[0..<count] }
            if let error = failure {
                errors.append(error)
                if errors.count > 100 { break }
            }
        }
        return (bytes, errors)
    }

    static func gzipMember(_ text: String) -> [UInt8] {
        let encoder = GzipEncoder()
        return encoder.compress(Array(text.utf8)) + encoder.finishMember()
    }
}

extension InputItem {
    var page: PageRecord? {
        if case .page(let record) = self { return record }
        return nil
    }

    var failure: (provenance: Provenance, error: InputError)? {
        if case .failure(let provenance, let error) = self { return (provenance, error) }
        return nil
    }

    var skipReason: String? {
        if case .skipped(let reason) = self { return reason }
        return nil
    }
}
