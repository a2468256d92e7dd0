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
    /// With `page.options.timeLimit`, a stage is not started once the
    /// stages so far took longer than that (`TimeLimitExceeded`).
    public func run(on page: Page, timings: inout StageTimings?) throws {
        try run(on: page, timings: &timings, deadline: page.options.timeLimit.map { ContinuousClock.now + $0 })
    }

    /// Runs the stages; none is started past `deadline` (a second cleaning
    /// of the page shares the first one's).
    func run(on page: Page, timings: inout StageTimings?, deadline: ContinuousClock.Instant?) throws {
        for stage in stages {
            if let deadline, ContinuousClock.now > deadline {
                throw TimeLimitExceeded(limit: page.options.timeLimit ?? .zero, stage: stage.name)
            }
            page.currentStage = stage.name
            let start = DispatchTime.now()
            try stage.run(on: page)
            timings?.record(stage.name, since: start)
        }
        page.currentStage = ""
    }
}

/// The stages on one page took longer than `CleanerOptions.timeLimit`.
public struct TimeLimitExceeded: Error, Equatable, CustomStringConvertible {
    public let limit: Duration
    /// The stage that was not started.
    public let stage: String

    public var description: String {
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        return "time limit of \(String(format: "%g", seconds)) s exceeded before stage \(stage)"
    }
}
