import Testing

@testable import Rostering

/// When a dive is given up: once a quarter of its time has passed, when the assignments still open
/// need more than twice the time left at the pace of the last quarter; and how many fixings each step
/// needs to end by the deadline.
@Suite struct DiveProgressTests {
    /// Records steps at the given seconds with the open assignments `open(seconds)`, in a dive of
    /// `window` seconds, and returns the verdict after each.
    func verdicts(window: Double, at seconds: [Double], open: (Double) -> Int) -> [Bool] {
        var pace = DiveProgress(window: window)
        return seconds.map { t in
            pace.record(seconds: t, open: open(t))
            return pace.isHopeless
        }
    }

    @Test func noVerdictBeforeAQuarterOfTheWindow() {
        // Nothing fixed at all, but only 4 s of a 20 s dive have passed.
        #expect(verdicts(window: 20, at: [0, 1, 2, 3, 4], open: { _ in 1000 }).allSatisfy { !$0 })
    }

    @Test func aSteadyPaceThatEndsInTimeGoesOn() {
        // 100 a second from 2000 in a 20 s dive: it ends just at its deadline.
        let seconds = (0..<20).map(Double.init)
        #expect(verdicts(window: 20, at: seconds, open: { 2000 - Int(100 * $0) }).allSatisfy { !$0 })
    }

    @Test func aPaceThatSlowsIsGivenUp() {
        // 1000 fixed in the first second, then 10 a second: at 6 s (past a quarter of 20 s), the
        // last 5 s fixed 50; 950 open need 95 s with 14 s left.
        let seconds = (0...6).map(Double.init)
        let found = verdicts(window: 20, at: seconds, open: { $0 < 1 ? 2000 : 1000 - Int(10 * ($0 - 1)) })
        #expect(found == [false, false, false, false, false, false, true])
    }

    @Test func aPaceNeedingTwiceTheTimeLeftGoesOnAndMoreIsGivenUp() {
        // 50 a second from 1000 in a 12 s dive: at 4 s, 800 open need 16 s with 8 s left (exactly
        // twice): goes on; at 5 s, 750 need 15 s with 7 s left (more than twice): given up.
        let found = verdicts(window: 12, at: [0, 1, 2, 3, 4, 5], open: { 1000 - Int(50 * $0) })
        #expect(found == [false, false, false, false, false, true])
    }

    @Test func aStalledDiveIsGivenUpAndAFinishedOneIsNot() {
        // No assignment fixed over the last quarter of the window.
        #expect(verdicts(window: 8, at: [0, 1, 2, 3], open: { $0 < 1 ? 100 : 90 }).last == true)
        // Every assignment fixed, however slowly.
        #expect(verdicts(window: 8, at: [0, 2, 4, 6], open: { $0 < 6 ? 100 : 0 }).last == false)
    }

    @Test func theFixingsNeededEndTheDiveByItsDeadlineAtOneAndAHalfTimesTheRecentStepTime() {
        var pace = DiveProgress(window: 20)
        pace.record(seconds: 0, open: 1000)
        pace.record(seconds: 1, open: 900)
        #expect(pace.fixingsNeeded == 0)
        // Steps of 1.5 s; 17 s left hold 17 / 2.25 = 7.56 steps of 2.25 s: 800 / 7.56 = 105.9.
        pace.record(seconds: 3, open: 800)
        #expect(pace.fixingsNeeded == 106)
        // The last three steps, 1 s to 5 s, took 4/3 s each; 15 s left hold 7.5 of 2 s: 610 / 7.5 = 81.3.
        pace.record(seconds: 4, open: 700)
        pace.record(seconds: 5, open: 610)
        #expect(pace.fixingsNeeded == 82)
    }

    @Test func pastTheDeadlineEveryOpenAssignmentIsNeededAndNoneOnceAllAreFixed() {
        var pace = DiveProgress(window: 4)
        for (t, open) in [(0.0, 90), (2, 70), (5, 50)] { pace.record(seconds: t, open: open) }
        #expect(pace.fixingsNeeded == 50)
        pace.record(seconds: 6, open: 0)
        #expect(pace.fixingsNeeded == 0)
    }
}
