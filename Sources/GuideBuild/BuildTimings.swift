import Foundation

/// How long each stage of a build took, for `certguide build --timings`: where a slow build
/// spends its time, so a guide's editors can tell a template's cost from the cache's.
public struct BuildTimings: Sendable, Equatable {
    /// The stages, in the order a build runs them.
    public enum Stage: String, CaseIterable, Sendable {
        case readingCache = "reading the cache"
        case loading = "loading content"
        case siteModel = "site model"
        case searchIndex = "search index"
        case rendering
        case writing
        case savingCache = "saving the cache"
    }

    /// Milliseconds by stage; a stage the build did not run is absent.
    public private(set) var milliseconds: [Stage: Int] = [:]

    public init() {}

    /// Runs `work`, adding its time to `stage`.
    mutating func time<Value, Failure: Error>(_ stage: Stage, _ work: () throws(Failure) -> Value) throws(Failure) -> Value {
        let start = DispatchTime.now()
        defer { milliseconds[stage, default: 0] += Self.milliseconds(since: start) }
        return try work()
    }

    mutating func set(_ stage: Stage, _ value: Int) {
        milliseconds[stage] = value
    }

    /// `reading the cache 12 ms, loading content 250 ms, …`, in the build's order.
    public var summary: String {
        Stage.allCases.compactMap { stage in milliseconds[stage].map { "\(stage.rawValue) \($0) ms" } }.joined(separator: ", ")
    }

    static func milliseconds(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}
