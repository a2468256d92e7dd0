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

/// A small `.warc.gz` made in the test: one gzip member per `response`
/// record, each holding a short HTML page, so damage can be put in any
/// byte of any member and the records told apart by their ids.
struct SmallArchive {
    let members: [[UInt8]]
    let ids: [String]

    init(records: Int) {
        var members: [[UInt8]] = []
        var ids: [String] = []
        for index in 0..<records {
            let id = "<urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", index))>"
            let body = "<html><head><title>Page \(index)</title></head><body><article><p>Page \(index) is a page of prose, with words enough to be read as an article.</p></article></body></html>"
            let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            let record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: \(id)\r\nWARC-Target-URI: http://example.com/\(index)\r\n"
                + "Content-Length: \(http.utf8.count)\r\n\r\n" + http + "\r\n\r\n"
            members.append(RecordTestSupport.gzipMember(record))
            ids.append(id)
        }
        self.members = members
        self.ids = ids
    }

    var bytes: [UInt8] { members.flatMap { $0 } }

    /// Where member `index` starts in `bytes`.
    func start(of index: Int) -> Int { members[..<index].map(\.count).reduce(0, +) }

    /// The items a WARC reader gives for `bytes`.
    static func items(_ bytes: [UInt8], chunk: Int = 7) -> [InputItem] {
        RecordTestSupport.items(
            of: WARCSource(GzipStream(MemoryStream(bytes, chunk: chunk), name: "a.warc.gz"), name: "a.warc.gz", maximumBytes: 1 << 20))
    }
}

extension InputItem {
    var provenance: Provenance? {
        switch self {
        case .page(let record): return record.provenance
        case .failure(let provenance, _): return provenance
        case .skipped: return nil
        }
    }
}
