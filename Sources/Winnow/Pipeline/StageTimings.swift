import Foundation

/// Time spent per pipeline step, summed over pages, for benchmarks. The
/// steps before the stages (decoding, parsing) are recorded too, so a
/// breakdown shows the parse floor beside the stages.
public struct StageTimings: Sendable {
    public private(set) var seconds: [String: Double] = [:]
    /// Steps in the order first seen.
    public private(set) var order: [String] = []

    public init() {}

    mutating func record(_ step: String, since start: DispatchTime) {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        if seconds[step] == nil { order.append(step) }
        seconds[step, default: 0] += elapsed
    }
}
