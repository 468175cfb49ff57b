import Testing

@testable import Rostering

/// When column generation gives up on settling its master: only once half its time is spent and the
/// gap between the bound and the master's value, closing at the rate of its last rounds, cannot
/// close before the deadline.
@Suite struct SettlingForecastTests {
    /// Feeds rounds one second apart with the bound rising by `step` each, towards a value of 100,
    /// and returns the answer for each round.
    func answers(step: Double, rounds: Int, secondsLeft: (Double) -> Double?) -> [Bool] {
        var forecast = SettlingForecast()
        return (1...rounds).map { round in
            let t = Double(round)
            return forecast.canSettle(seconds: t, value: 100, bound: step * t, secondsLeft: secondsLeft(t))
        }
    }

    @Test func warmUpRoundsAlwaysContinue() {
        // However slow the bound, no verdict before warm-up and window have passed.
        #expect(answers(step: 0.001, rounds: 3, secondsLeft: { _ in 1 }) == [true, true, true])
    }

    @Test func aBoundThatReachesTheValueInTimeContinues() {
        // 5 per second, deadline at 30 s: from round 16 (half the time spent) the gap of 20 closes
        // in 4 s, with 14 s left.
        #expect(answers(step: 5, rounds: 19, secondsLeft: { 30 - $0 }).allSatisfy { $0 })
    }

    @Test func aBoundTooSlowForTheDeadlineStops() {
        // 1 per second, deadline at 12 s: no verdict before round 7 (half the time spent); then a
        // gap of 93 needs 93 s, with 5 s left.
        #expect(answers(step: 1, rounds: 7, secondsLeft: { 12 - $0 }) == Array(repeating: true, count: 6) + [false])
    }

    @Test func aStalledBoundStopsAndNoDeadlineNeverStops() {
        var stalled = SettlingForecast()
        let verdicts = (1...6).map {
            stalled.canSettle(seconds: Double($0), value: 100, bound: 50, secondsLeft: 10 - Double($0))
        }
        #expect(verdicts == Array(repeating: true, count: 5) + [false])
        #expect(answers(step: 0.001, rounds: 10, secondsLeft: { _ in nil }).allSatisfy { $0 })
    }

    @Test func aFallingValueClosesTheGapToo() {
        // The bound stalls at 50 while the value falls by 10 a second, deadline at 12 s: from round
        // 7 (half the time spent) the gap of 20 closes in 2 s, with 5 s left.
        var forecast = SettlingForecast()
        let verdicts = (1...7).map { round in
            let t = Double(round)
            return forecast.canSettle(seconds: t, value: 140 - 10 * t, bound: 50, secondsLeft: 12 - t)
        }
        #expect(verdicts.allSatisfy { $0 })
    }

    @Test func aSettledMasterContinues() {
        var settled = SettlingForecast()
        let verdicts = (1...5).map { settled.canSettle(seconds: Double($0), value: 100, bound: 100, secondsLeft: 0.1) }
        #expect(verdicts.allSatisfy { $0 })
    }

    /// Feeds rounds one second apart with the master's value falling by `fall` each from 1000 (bound 0,
    /// no deadline) and returns whether it had tailed off after each.
    func tailing(fall: (Int) -> Double, rounds: Int) -> [Bool] {
        var forecast = SettlingForecast()
        var value = 1000.0
        return (1...rounds).map { round in
            value -= fall(round)
            _ = forecast.canSettle(seconds: Double(round), value: value, bound: 0, secondsLeft: nil)
            return forecast.isTailingOff
        }
    }

    @Test func aValueThatStopsFallingHasTailedOff() {
        // Falling 100 a round for five rounds, then 0.5 a round: from round 10 the last five rounds
        // fell 2.5, under 1% of the value of 497.5; at round 9 they fell 102.
        let verdicts = tailing(fall: { $0 <= 5 ? 100 : 0.5 }, rounds: 12)
        #expect(verdicts == Array(repeating: false, count: 9) + [true, true, true])
    }

    @Test func aValueStillFallingFastHasNotTailedOff() {
        // 2% of the value a round: over five rounds about 10%.
        var value = 1000.0
        let verdicts = tailing(
            fall: { _ in
                defer { value *= 0.98 }
                return value * 0.02
            }, rounds: 20)
        #expect(verdicts.allSatisfy { !$0 })
    }

    @Test func tooFewRoundsHaveNotTailedOff() {
        // An unchanging value, but only as many rounds as the warm-up and the tail.
        #expect(tailing(fall: { _ in 0 }, rounds: 5).allSatisfy { !$0 })
        #expect(tailing(fall: { _ in 0 }, rounds: 6).last == true)
    }
}

/// Whether a dive on the master ends in time: its pace is the median length of the master's last
/// rounds, so one slow round (exact pricing) does not make a fast master look slow, and a round's
/// own length where the caller measures it.
@Suite struct DivePaceTests {
    /// A forecast fed rounds ending at `ends` (value 100, bound 0, no deadline).
    func forecast(_ ends: [Double]) -> SettlingForecast {
        var forecast = SettlingForecast()
        for end in ends { _ = forecast.canSettle(seconds: end, value: 100, bound: 0, secondsLeft: nil) }
        return forecast
    }

    @Test func noPaceBeforeTheWarmUpAndItsRounds() {
        // Warm-up 3, pace over 5 rounds: the first pace needs six rounds.
        #expect(forecast([1, 2, 3, 4, 5]).roundSeconds == nil)
        #expect(forecast([1, 2, 3, 4, 5]).diveFits(secondsLeft: 0))
        #expect(forecast([1, 2, 3, 4, 5, 6]).roundSeconds == 1)
    }

    @Test func oneSlowRoundDoesNotSetThePace() {
        // Rounds of 1 s and one of 30 s among the last five: the median is 1 s.
        #expect(forecast([1, 2, 3, 4, 34, 35, 36]).roundSeconds == 1)
        // Three slow rounds of the last five do.
        #expect(forecast([1, 2, 3, 33, 63, 93, 94]).roundSeconds == 30)
    }

    @Test func roundsMeasuredByTheCallerSetThePace() {
        // Rounds ending 3 s apart, each 0.5 s of quick pricing and then 2.5 s of exact pricing, which
        // dives do not use: the pace is 0.5 s, and a dive of thirty rounds fits in 15 s.
        var measured = SettlingForecast()
        for round in 1...7 {
            _ = measured.canSettle(
                seconds: 3 * Double(round), value: 100, bound: 0, secondsLeft: nil, measuredSeconds: 0.5)
        }
        #expect(measured.roundSeconds == 0.5)
        #expect(measured.diveFits(secondsLeft: 15))
        #expect(!measured.diveFits(secondsLeft: 14))
        #expect(forecast((1...7).map { 3 * Double($0) }).roundSeconds == 3)
    }

    @Test func aDiveFitsWhenItsRoundsEndInTime() {
        // One second a round, thirty rounds a dive.
        let steady = forecast([1, 2, 3, 4, 5, 6, 7])
        #expect(steady.diveFits(secondsLeft: 30))
        #expect(!steady.diveFits(secondsLeft: 29))
        #expect(steady.diveFits(secondsLeft: nil))
    }
}
