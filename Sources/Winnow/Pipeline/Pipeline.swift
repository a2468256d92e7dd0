import Foundation

/// An ordered list of stages. It knows no particular stage: the order is
/// declared once, by `Cleaner`.
public struct Pipeline: Sendable {
    public let stages: [any Stage]

    public init(stages: [any Stage]) {
        self.stages = stages
    }

    public func run(on page: Page) throws {
        var timings: StageTimings?
        try run(on: page, timings: &timings)
    }

    /// Runs the stages, adding each one's time to `timings` when given.
    public func run(on page: Page, timings: inout StageTimings?) throws {
        for stage in stages {
            page.currentStage = stage.name
            let start = DispatchTime.now()
            try stage.run(on: page)
            timings?.record(stage.name, since: start)
        }
        page.currentStage = ""
    }
}
