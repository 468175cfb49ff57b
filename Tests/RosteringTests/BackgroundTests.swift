import Foundation
import Testing

@testable import Rostering

#if canImport(Glibc)
import Glibc
#endif

/// Work on a thread of its own: its result comes back to the caller, and yielding work runs at a
/// lower priority than the caller's (on Linux, ten nice levels lower, at most 19).
@Suite struct BackgroundTests {
    @Test func workReturnsItsResultAndYieldingWorkRunsAtALowerPriority() {
        #expect(Background { (1...100).reduce(0, +) }.result == 5050)
        #if canImport(Glibc)
        let own = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        #expect(Background { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }.result == own)
        #expect(
            Background(yielding: true) { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }.result
                == min(19, own + 10))
        // The caller's own priority is untouched.
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == own)
        #endif
    }
}
