@testable import Winnow

/// One input is one rule file: loaded (refused with a file, line and
/// reason, or accepted), and an accepted one composed with the built-in
/// rules and used to clean a small page that gives its selectors and
/// patterns something to match.
enum FuzzRules {
    static let page = Array(
        """
        <html><head><title>T</title></head><body><nav><a href="/">Home</a></nav>
        <article class="post"><h1>Title</h1><p class="lead">Read also: more.</p>
        <p>A paragraph of prose long enough to be kept as the article, with commas, and a stop.</p>
        <div id="comments"><ol><li class="comment"><span class="fn">Ann</span><time datetime="2022-03-23">x</time>
        <div class="comment-content"><p>First.</p></div></li></ol></div></article><footer>Footer</footer></body></html>
        """.utf8)

    static func run(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let file: RuleFile
        do {
            file = try RuleLoader.ruleFile(fromYAML: text, file: "fuzz.yaml")
        } catch let error as RuleFileError {
            precondition(error.file == "fuzz.yaml")
            _ = error.description
            return
        } catch {
            preconditionFailure("the loader threw something other than a RuleFileError: \(error)")
        }
        guard let cleaner = try? Cleaner(options: CleanerOptions(explain: true), ruleFiles: [file]) else { return }
        for rule in file.rules {
            _ = rule.matchers
            _ = rule.scope
        }
        _ = try? cleaner.clean(bytes: page, url: "https://afnn.example/2024/post")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzRules.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
