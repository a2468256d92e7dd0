import Foundation
import Testing
@testable import Winnow

/// The byte-level tests run before the comment thread's patterns
/// (`CommentThreadReader.mayOpenPrompt`, `CommentCount.mayOpenWithCount`)
/// never turn away a text the patterns match.
@Suite struct CommentPatternPrecheckTests {
    @Test func promptPrecheckPassesEveryPrompt() {
        var generator = SplitMix64(seed: 0x9809)
        let pieces = ["Add", "a", "comment", "comments", "Click here to", "load", "be the first to", "Be", "the", "first", "no", "0",
            "12", "Tweets", "likes", "there are", "yet", "Please note", "note:", "Your", "comment", "log in", "login", "Log", "In",
            "or", "register", "sign in to", "sign", "not yet", "a member", "this comment", "has been deleted", "are closed", "is",
            "reply", "post", "P", "ſ", "\u{212A}", "é", "_", " ", " ", " ", "  ", "-", "»", "“", ":", "!", "\n", "x", "discussion",
            "policy", "we reserve", "you must be logged in", "by posting", "all comments", "the posting of", "will be", "moderated",
            "closed", "are", "must", "posting", "of", "reserve", "part of", "replies", "response", "responses", "there", "you", "we",
            "by", "all", "this", "not", "your", "please", "ß", "reſponse", "poſting", "commentſ", "«Add", "add,", "the", "3", "views",
            "shares", "retweets", "1"]
        var texts = ["Add a comment", "poſt a comment", "clic\u{212A} here to add a comment", "_Add a comment", "Add_a comment",
            "“Add a comment”", "12 Tweets 3 Likes", "0 comments", "No comments yet", "Noté: x", "Note: x", "The poſting of ads",
            "You muſt be logged in", "Log in or register", "Login or join", "There are no replies", "Read 3 more replies",
            "See all 12 comments", "Comments will be moderated", "Comment is closed", "This comment has been deleted",
            "discuſſion policy", "Be the first to respond", "Post a reſponse", "3 Views 2 Shares", "0 responses", "0 replies",
            "1 retweets 2 likes", "12 Tweets 3 Li\u{212A}es"]
        for _ in 0..<3000 { texts.append(Self.randomText(of: pieces, upTo: 8, using: &generator)) }
        var prompts = 0
        for text in texts where Self.matches(CommentThreadReader.promptPattern, text) || Self.matches(CommentThreadReader.noticePattern, text) {
            prompts += 1
            #expect(CommentThreadReader.mayOpenPrompt(text), "\(String(reflecting: text))")
        }
        #expect(prompts > 300)
    }

    @Test(arguments: ["Great post, thanks!", "I read the comments above and disagree.", "Thanks for this", "Commentary aside",
        "The author is right", "You nailed it", "This is great", "All good here", "By far the best", "Read this twice, loved it",
        "Note that the dates are wrong", "Not a bad idea", "Please, more of this", "2 days ago", "12 people found this helpful"])
    func promptPrecheckTurnsAwayComments(text: String) {
        #expect(!CommentThreadReader.mayOpenPrompt(text))
    }

    static func matches(_ pattern: NSRegularExpression?, _ text: String) -> Bool {
        pattern?.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }

    /// One to `count` of `pieces`, spaced.
    static func randomText(of pieces: [String], upTo count: Int, using generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
    }

    @Test func countPrecheckPassesEveryCount() {
        var generator = SplitMix64(seed: 0xC0C0)
        let pieces = ["12", "1,234", "no", "No", "comments", "Comment", "responses", "replies", "reactions", "thoughts on", "users",
            "readers", "responded", ":", "(", ")", " ", "\t", "\u{00A0}", "١٢", "x", "ſ", "é", "Opinions"]
        var texts = ["4 thoughts on “x”", "12 Comments", "Responses (7)", "Comments: 3", "\u{00A0}12 Comments", " no comments"]
        for _ in 0..<3000 { texts.append(Self.randomText(of: pieces, upTo: 6, using: &generator)) }
        var counts = 0
        for text in texts where Self.matches(CommentCount.pattern, text) {
            counts += 1
            #expect(CommentCount.mayOpenWithCount(text), "\(String(reflecting: text))")
        }
        #expect(counts > 100)
    }
}
