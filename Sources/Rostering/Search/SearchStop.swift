import Foundation

/// A request to stop the search (Ctrl-C, SIGTERM): every phase ends at its next check of the clock,
/// and the best roster found so far is returned as if the time limit had come.
///
/// One flag for the process, because a stop is a request to the whole process and must reach every
/// phase and every pricing thread without being passed down each call.
public enum SearchStop {
    private static let flag = StopFlag()

    /// Asks the search to stop; safe from any thread.
    public static func request() { flag.set() }

    /// Whether a stop was requested.
    public static var isRequested: Bool { flag.isSet }

    /// Whether the search must end now: a stop was requested, or `deadline` has passed.
    static func reached(_ deadline: ContinuousClock.Instant?) -> Bool {
        isRequested || (deadline.map { ContinuousClock.now >= $0 } ?? false)
    }

    /// The end of a slice of `slice` from now, at the latest `deadline`; `nil` without a deadline.
    static func sliceEnd(_ slice: Duration?, by deadline: ContinuousClock.Instant?) -> ContinuousClock.Instant? {
        guard let deadline, let slice else { return nil }
        return min(deadline, ContinuousClock.now + slice)
    }

    /// Seconds until `deadline`, at least 0; `nil` without one.
    static func secondsLeft(until deadline: ContinuousClock.Instant?) -> Double? {
        deadline.map { max(0, ($0 - ContinuousClock.now).inSeconds) }
    }
}

/// A flag set once, read from any thread: the process's stop request, or a step's request that the
/// work beside it end (``ImproveAlongside``).
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
