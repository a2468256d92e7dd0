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
    /// Past `deadline`, the next stage is not started: the run throws
    /// `PipelineDeadlineExceeded` (a stage itself is never interrupted).
    public func run(on page: Page, timings: inout StageTimings?, deadline: ContinuousClock.Instant? = nil) throws {
        for stage in stages {
            if let deadline, ContinuousClock.now > deadline { throw PipelineDeadlineExceeded(stage: stage.name) }
            page.currentStage = stage.name
            let start = DispatchTime.now()
            try stage.run(on: page)
            timings?.record(stage.name, since: start)
        }
        page.currentStage = ""
    }
}

/// The pipeline stopped between stages because its deadline had passed.
public struct PipelineDeadlineExceeded: Error {
    /// The stage that was not started.
    public let stage: String
}
