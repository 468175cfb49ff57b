/// Whether column generation can still settle its master before a deadline, judged from its rounds.
///
/// A master is settled when its Lagrangian bound meets its linear program's value: the gap between
/// them closes from both sides, quickly at first and then ever more slowly (column generation's
/// tailing off), so the rate at which the last rounds closed it, carried on in a straight line,
/// overestimates how soon it closes. When even that forecast misses the deadline, the rounds left
/// are better spent elsewhere. The early rounds say little (their bound moves in jumps), so no
/// verdict comes before half the time is spent.
///
/// A master that has not settled may still have tailed off (``isTailingOff``): its value has all but
/// stopped falling, so its schedules already hold nearly all it needs, and only the bound lags (the
/// last exact pricing rounds are the slow ones).
struct SettlingForecast {
    /// Rounds observed before any forecast is made (the first rounds' bounds mean little).
    var warmUp = 3
    /// Rounds over which the gap's rate of closing is measured.
    var window = 3
    /// Rounds over which the value must have all but stopped falling to have tailed off.
    var tailRounds = 5
    /// The share of the value by which it may fall over ``tailRounds`` rounds and still have tailed off.
    var tailShare = 0.01
    private var rounds: [(seconds: Double, gap: Double)] = []
    private var values: [Double] = []

    /// Whether the master's value fell by at most ``tailShare`` of it over the last ``tailRounds``
    /// rounds recorded (after the warm-up).
    var isTailingOff: Bool {
        guard values.count > max(warmUp, tailRounds), let last = values.last else { return false }
        return values[values.count - 1 - tailRounds] - last <= tailShare * max(1, abs(last))
    }

    /// Records a round that ended at `seconds` with the master's `value` and `bound`, and answers
    /// whether the gap between them, closing at its recent rate, closes within `secondsLeft`
    /// (`nil`: no deadline).
    mutating func canSettle(seconds: Double, value: Double, bound: Double, secondsLeft: Double?) -> Bool {
        if value.isFinite { values.append(value) }
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
