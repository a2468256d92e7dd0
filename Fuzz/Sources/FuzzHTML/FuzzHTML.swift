@testable import Winnow

/// One input is one page: cleaned, and the article rendered in every
/// format. The first byte's low bit turns the removal log on, so both
/// modes are fuzzed from the same corpus; the input's length picks a URL
/// or none (host and URL rules, `url` in the output).
enum FuzzHTML {
    static let plain = try! Cleaner(options: CleanerOptions(explain: false))
    static let explained = try! Cleaner(options: CleanerOptions(explain: true))

    static func run(_ bytes: [UInt8]) {
        let cleaner = (bytes.first ?? 0) & 1 == 1 ? explained : plain
        let url: String? = bytes.count % 3 == 0 ? nil : "https://newstoday.example/a/b?c=1"
        guard let article = try? cleaner.clean(bytes: bytes, url: url) else { return }
        let json = article.json
        precondition(json.serializedUTF8().count == json.serializedByteCount())
        precondition(json.serializedUTF8(pretty: true).count == json.serializedByteCount(pretty: true))
        var written = 0
        json.write(chunkSize: 4096) { written += $0.count }
        precondition(written == json.serializedByteCount())
        _ = article.rendered(as: .text)
        _ = article.rendered(as: .markdown)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzHTML.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
