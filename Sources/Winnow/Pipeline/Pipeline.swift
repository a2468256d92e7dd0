/// An ordered list of stages. It knows no particular stage: the order is
/// declared once, by `Cleaner`.
public struct Pipeline: Sendable {
    public let stages: [any Stage]

    public init(stages: [any Stage]) {
        self.stages = stages
    }

    public func run(on page: Page) throws {
        for stage in stages {
            page.currentStage = stage.name
            try stage.run(on: page)
        }
        page.currentStage = ""
    }
}
