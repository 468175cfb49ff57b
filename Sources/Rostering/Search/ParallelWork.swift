import Dispatch
import Foundation

/// Work done concurrently (pricing people, building their first schedules, solving neighbourhoods):
/// each item runs on its own, on up to `threads` threads; results come back in the items' order,
/// whatever the order they finished in, so runs repeat.
struct ParallelWork: Sendable {
    /// Threads to use (at least 1).
    let threads: Int

    /// `work(p)` for every `p` in `people` (people, or any items), in that order.
    func map<T: Sendable>(_ people: [Int], _ work: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count: people.count)
        let chunks = max(1, min(threads, people.count))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var position = chunk
            while position < people.count {
                results.set(position, work(people[position]))
                position += chunks
            }
        }
        return results.values
    }

    /// Results written by several threads, each to its own slot.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ position: Int, _ value: T) {
            lock.lock()
            slots[position] = value
            lock.unlock()
        }

        var values: [T] { slots.map { $0! } }
    }
}

/// Work on a thread of its own while the caller goes on (a search step beside another, on the core
/// the other leaves idle); ``result`` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter yielding: run the work at a lower scheduling priority (ten nice levels below the
    ///   caller's, where the system has them), so that it takes what the caller's threads leave idle
    ///   and slows them little.
    init(yielding: Bool = false, _ work: @escaping @Sendable () -> T) {
        let thread = Thread {
            if yielding { Self.lowerPriority() }
            self.value = work()
            self.done.signal()
        }
        thread.start()
    }

    /// Lowers the calling thread's priority: on Linux each thread has a nice value of its own (who 0
    /// names the calling thread), and a thread that ends takes it along (this one is made for the
    /// work alone). Elsewhere, nothing.
    private static func lowerPriority() {
        #if canImport(Glibc)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(which, 0, min(19, getpriority(which, 0) + 10))
        #endif
    }

    /// The work's result, once it has finished (the semaphore orders the write before the read).
    var result: T {
        done.wait()
        done.signal()
        return value!
    }
}

/// Results handed from the threads that make them to one thread that waits for them, in the order
/// they arrive (sub-solves that end at different times).
final class Completions<T: Sendable>: @unchecked Sendable {
    private var items: [T] = []
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)

    func add(_ item: T) {
        lock.withLock { items.append(item) }
        arrived.signal()
    }

    /// The earliest result not yet taken, once there is one.
    func next() -> T {
        arrived.wait()
        return lock.withLock { items.removeFirst() }
    }
}
