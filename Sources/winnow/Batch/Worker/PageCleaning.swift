import Winnow

/// One batch page cleaned into what its record says: the article, or an
/// error kind and message naming the record. Run inside a cleaning
/// worker (`BatchWorkerCommand`).
struct PageCleaning {
    /// The cleaner with the worker's options and rules.
    let base: Cleaner
    /// The transport's charset is a per-page hint: one cleaner per charset
    /// seen, sharing the rules.
    private var cleaners: [String: Cleaner]

    init(base: Cleaner) {
        self.base = base
        cleaners = ["": base]
    }

    enum Outcome {
        /// The article as JSON (not yet serialized), and whether its page
        /// had an address (a URL or a canonical URL).
        case article(JSONValue, hasAddress: Bool)
        case error(kind: String, message: String)
    }

    mutating func clean(bytes: consuming [UInt8], url: String?, charset: String?, name: String) -> Outcome {
        let key = charset?.lowercased() ?? ""
        let cleaner: Cleaner
        if let cached = cleaners[key] {
            cleaner = cached
        } else {
            var options = base.options
            options.charset = charset ?? base.options.charset
            cleaner = Cleaner(options: options, rules: base.rules)
            cleaners[key] = cleaner
        }
        do {
            let article = try cleaner.clean(bytes: consume bytes, url: url)
            return .article(article.json, hasAddress: !AddressScopedRulesNotice.lacksAddress(article))
        } catch let error as CleanerError {
            let failure = PageFailure(error, input: name)
            return .error(kind: failure.kind, message: failure.message)
        } catch let error as TimeLimitExceeded {
            return .error(kind: "time-limit", message: "\(name): \(error)")
        } catch {
            return .error(kind: "internal", message: "\(name): \(error)")
        }
    }
}
