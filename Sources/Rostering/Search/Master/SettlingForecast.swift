/// Whether column generation can still settle its master before a deadline, judged from its rounds.
///
/// A master is settled when its Lagrangian bound meets its linear program's value. The bound rises
/// quickly at first and ever more slowly (column generation's tailing off), so the rate of its last
/// rounds, carried on in a straight line, overestimates how soon it will meet the value. When even
/// that forecast misses the deadline, the rounds left are better spent elsewhere. The early rounds
/// say little (their bound moves in jumps), so no verdict comes before half the time is spent.
struct SettlingForecast {
    /// Rounds observed before any forecast is made (the first rounds' bounds mean little).
    var warmUp = 3
    /// Rounds over which the bound's rate is measured.
    var window = 3
    private var rounds: [(seconds: Double, bound: Double)] = []

    /// Records a round that ended at `seconds` with the master's `value` and `bound`, and answers
    /// whether the bound, at its recent rate, reaches the value within `secondsLeft` (`nil`: no deadline).
    mutating func canSettle(seconds: Double, value: Double, bound: Double, secondsLeft: Double?) -> Bool {
        guard value.isFinite, bound.isFinite else { return true }
        rounds.append((seconds, bound))
        guard let secondsLeft, rounds.count > max(warmUp, window),
            seconds - rounds[0].seconds >= secondsLeft
        else { return true }
        let gap = value - bound
        if gap <= 1e-6 * max(1, abs(value)) { return true }
        let earlier = rounds[rounds.count - 1 - window]
        let latest = rounds[rounds.count - 1]
        let rate = (latest.bound - earlier.bound) / max(1e-9, latest.seconds - earlier.seconds)
        return rate > 0 && gap / rate <= secondsLeft
    }
}
