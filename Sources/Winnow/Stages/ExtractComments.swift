/// Reads the reader comments into structured, nested comments and takes
/// their sections out of the tree before the main content is located, so
/// comment text can never be scored as article text. Comment forms, reply
/// prompts and "load more" buttons are dropped and logged.
public struct ExtractComments: Stage {
    public let name = "comments"

    public init() {}

    public func run(on page: Page) throws {
        guard let body = page.document.body else { return }
        for section in CommentSections.find(in: body, rules: page.rules.prepared(for: name, host: page.host, pageType: page.pageType), page: page) {
            // A marker's region can reach a section found on its own.
            var roots = section.roots.filter(\.isAttached)
            guard !roots.isEmpty else { continue }
            if page.options.readsComments || !section.isNamed {
                let thread = CommentThreadReader(roots: roots, page: page, rootsAreComments: section.rootsAreComments).read()
                guard section.isNamed || (!thread.comments.isEmpty && thread.isEvidenced) else { continue }
                // A forum thread's posts are the page's content, not
                // comments on it (unless a rule names them a comment
                // section); on a forum page every thread is its posts
                // unless a user's rule names it.
                if thread.isForumThread, !section.isNamed { continue }
                if page.profile.threadsAreContent, !isUserRule(section.rule, on: page) { continue }
                if page.options.readsComments {
                    page.comments += thread.comments
                    if page.commentCount == nil { page.commentCount = thread.announcedCount }
                }
            }
            // Controls the reader dropped may have been roots.
            roots = roots.filter(\.isAttached)
            // What follows the thread, found before it leaves the tree.
            let (next, parent) = (roots.last?.nextSiblingNode, roots.last?.parent)
            for node in roots { page.remove(node, rule: section.rule) }
            CommentControls.dropTrailing(from: next, in: parent, page: page)
        }
        // A forum's posts, which its structured data may list as comments,
        // are its content.
        if page.options.readsComments, !page.profile.threadsAreContent, page.comments.isEmpty, !page.structuredComments.isEmpty {
            page.comments = page.structuredComments
            page.commentCount = page.commentCount ?? page.structuredCommentCount
        }
        if page.commentCount == nil, !page.comments.isEmpty {
            page.commentCount = page.comments.reduce(0) { $0 + 1 + $1.descendantCount }
        }
        if page.address.base != nil {
            page.comments = page.comments.map { $0.resolvingURLs(against: page.address) }
        }
        RuleApplication(page: page, stage: name, mayRemove: CommentSections.mayBeCommentSection).apply(within: body)
    }
}

/// Whether the rule `id` comes from a user's rule file, not the built-in set.
private func isUserRule(_ id: String, on page: Page) -> Bool {
    guard let rule = page.rules.rule(withID: id) else { return false }
    return rule.origin?.file != RuleSet.builtInFileName
}

extension Comment {
    /// The comment with its author's page, and its replies', absolute.
    func resolvingURLs(against address: PageAddress) -> Comment {
        var resolved = self
        resolved.authorURL = authorURL.map(address.absolute)
        resolved.replies = replies.map { $0.resolvingURLs(against: address) }
        return resolved
    }

    /// Replies, replies of replies, and so on.
    var descendantCount: Int {
        replies.reduce(0) { $0 + 1 + $1.descendantCount }
    }
}
