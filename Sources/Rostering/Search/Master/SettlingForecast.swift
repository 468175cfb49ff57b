/// Whether column generation can still settle its master before a deadline, judged from its rounds.
///
/// A master is settled when its Lagrangian bound meets its linear program's value: the gap between
/// them closes from both sides, quickly at first and then ever more slowly (column generation's
/// tailing off), so the rate at which the last rounds closed it, carried on in a straight line,
/// overestimates how soon it closes. When even that forecast misses the deadline, the rounds left
/// are better spent elsewhere. The early rounds say little (their bound moves in jumps), so no
/// verdict comes before half the time is spent.
struct SettlingForecast {
    /// Rounds observed before any forecast is made (the first rounds' bounds mean little).
    var warmUp = 3
    /// Rounds over which the gap's rate of closing is measured.
    var window = 3
    private var rounds: [(seconds: Double, gap: Double)] = []

    /// Records a round that ended at `seconds` with the master's `value` and `bound`, and answers
    /// whether the gap between them, closing at its recent rate, closes within `secondsLeft`
    /// (`nil`: no deadline).
    mutating func canSettle(seconds: Double, value: Double, bound: Double, secondsLeft: Double?) -> Bool {
        guard value.isFinite, bound.isFinite else { return true }
        let gap = value - bound
        rounds.append((seconds, gap))
        guard let secondsLeft, rounds.count > max(warmUp, window),
            seconds - rounds[0].seconds >= secondsLeft
        else { return true }
        if gap <= 1e-6 * max(1, abs(value)) { return true }
        let earlier = rounds[rounds.count - 1 - window]
        let rate = (earlier.gap - gap) / max(1e-9, seconds - earlier.seconds)
        return rate > 0 && gap / rate <= secondsLeft
    }
}
