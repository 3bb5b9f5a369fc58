import Foundation

extension Array where Element: Sendable {
    /// `map` across all cores, results in input order, so output never depends on scheduling.
    public func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
            results.initialize(repeating: nil)
            defer { results.deallocate() }
            let box = UncheckedBox(value: (self, transform, results))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let (elements, transform, results) = box.value
                results[index] = transform(elements[index])
            }
            return results.map { $0! }
        }
    }
}

extension Array where Element: Sendable {
    /// `parallelMap` of a transform that can fail: every element is transformed, then the
    /// first failure in input order is thrown, so which error a run reports never depends on
    /// scheduling either.
    public func parallelMap<T, Failure: Error>(throwing transform: (Element) throws(Failure) -> T) throws(Failure) -> [T] {
        let results = parallelMap { element -> Result<T, Failure> in
            do throws(Failure) { return .success(try transform(element)) } catch { return .failure(error) }
        }
        return try results.map { result throws(Failure) in try result.get() }
    }
}

/// Lets the work of `parallelMap` cross into Dispatch's threads: each index is written once by
/// one thread, and the caller reads only after `concurrentPerform` has returned.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
}
