/// One entry of the removal log: what a stage dropped, and by which rule.
public struct Removal: Sendable, Hashable, Codable {
    public let stage: String
    public let rule: String
    public let excerpt: String
    public let chars: Int

    public init(stage: String, rule: String, excerpt: String, chars: Int) {
        self.stage = stage
        self.rule = rule
        self.excerpt = excerpt
        self.chars = chars
    }
}
