import Dispatch
import GuideSupport

/// Work started on a thread of its own, its result asked for later: the search index, made on
/// one core, is made while the pages render on the others.
final class Concurrently<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once, before `done` is signalled, and read after.
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, DiagnosticsError>?

    init(_ work: @escaping @Sendable () throws(DiagnosticsError) -> Value) {
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// Waits for the work once; the result is kept for later calls.
    func value() throws(DiagnosticsError) -> Value {
        if result == nil { done.wait() }
        return try result!.get()
    }
}
