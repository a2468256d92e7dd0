import Foundation
import Winnow

/// Says on standard error, once a run, that rules scoped to hosts or URLs
/// could not apply to a page that has no address: neither a URL from the
/// caller (`--url`, a record's URL) nor a canonical URL of its own. Such a
/// rule matches no page without one, and a user who wrote a site's rules
/// and cleaned its saved pages would otherwise see them silently ignored.
final class AddressScopedRulesNotice: @unchecked Sendable {
    private let ruleIDs: [String]
    /// How the user gives a page its URL, for the message.
    private let remedy: String
    /// Whether more pages may follow (they are not reported).
    private let isOneOfMany: Bool
    private let lock = NSLock()
    private var given = false

    init(rules: RuleSet, remedy: String, isOneOfMany: Bool) {
        ruleIDs = rules.addressScopedRuleIDs
        self.remedy = remedy
        self.isOneOfMany = isOneOfMany
    }

    /// Notes the cleaned page named `name`; the first page without an
    /// address, when such rules exist, is reported.
    func check(_ article: Article, name: String) {
        guard AddressScopedRulesNotice.lacksAddress(article) else { return }
        reportMissingAddress(name: name)
    }

    /// Whether the article's page had no address: no URL given, no
    /// canonical URL.
    static func lacksAddress(_ article: Article) -> Bool {
        article.url == nil && article.metadata.canonicalURL == nil
    }

    /// Notes that the page named `name` had no address (batch: its worker
    /// process said so); the first one, when such rules exist, is reported.
    func reportMissingAddress(name: String) {
        guard !ruleIDs.isEmpty else { return }
        let first: Bool = lock.withLock {
            defer { given = true }
            return !given
        }
        guard first else { return }
        let count = ruleIDs.count
        let listed = ruleIDs.prefix(5).joined(separator: ", ") + (count > 5 ? ", …" : "")
        printError(
            "\(name) has no URL and no canonical URL (\(remedy)): "
                + "\(count) rule\(count == 1 ? "" : "s") scoped to hosts or URLs cannot apply to it (\(listed))"
                + (isOneOfMany ? "; later pages without one are not reported" : ""))
    }
}
