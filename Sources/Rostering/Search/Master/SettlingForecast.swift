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
///
/// Diving on the master needs some tens of its rounds (``diveFits(secondsLeft:)``): a master whose
/// rounds are too slow for that is no start for a roster, whether it settles or not.
struct SettlingForecast {
    /// Rounds observed before any forecast is made (the first rounds' bounds mean little).
    var warmUp = 3
    /// Rounds over which the gap's rate of closing is measured.
    var window = 3
    /// Rounds over which the value must have all but stopped falling to have tailed off.
    var tailRounds = 5
    /// The share of the value by which it may fall over ``tailRounds`` rounds and still have tailed off.
    var tailShare = 0.01
    /// Master rounds one dive takes, at the pace of the last settling rounds: about twice what the
    /// first dive took on instance 12 (7.7 s at 0.53 s a round), the slowest master of instances 1–19
    /// whose dives finish in time.
    var diveRounds = 30.0
    /// Rounds whose lengths give the pace of the master's rounds.
    var paceRounds = 5
    private var rounds: [(seconds: Double, gap: Double)] = []
    private var values: [Double] = []
    /// When the last round ended.
    private var lastEnd: Double?
    /// How long each round took: as measured by the caller, else the time since the round before ended.
    private var lengths: [Double] = []

    /// The median length of the last ``paceRounds`` rounds (after the warm-up); `nil` before then.
    /// The median, as a round that ends in exact pricing (which dives do not use) can take thirty
    /// times as long as the others (instance 8: 3.1 s against 0.1 s); and the rounds' own lengths
    /// where the caller measured them, as exact rounds after stalled quick ones
    /// (``ColumnGeneration/stalling``) can come every other round.
    var roundSeconds: Double? {
        guard lengths.count > max(warmUp, paceRounds) else { return nil }
        return lengths.suffix(paceRounds).sorted()[paceRounds / 2]
    }

    /// Whether a dive, at ``diveRounds`` rounds of ``roundSeconds``, ends within `secondsLeft`
    /// (`nil`: no deadline). Before the warm-up ends, it is taken to.
    func diveFits(secondsLeft: Double?) -> Bool {
        guard let secondsLeft, let roundSeconds else { return true }
        return diveRounds * roundSeconds <= secondsLeft
    }

    /// Whether the master's value fell by at most ``tailShare`` of it over the last ``tailRounds``
    /// rounds recorded (after the warm-up).
    var isTailingOff: Bool {
        guard values.count > max(warmUp, tailRounds), let last = values.last else { return false }
        return values[values.count - 1 - tailRounds] - last <= tailShare * max(1, abs(last))
    }

    /// Records a round that ended at `seconds` with the master's `value` and `bound`, and answers
    /// whether the gap between them, closing at its recent rate, closes within `secondsLeft`
    /// (`nil`: no deadline). `measuredSeconds` is the round's own length when the time since the round
    /// before holds more than the round (the exact rounds after a quick one, which dives do not use).
    mutating func canSettle(
        seconds: Double, value: Double, bound: Double, secondsLeft: Double?, measuredSeconds: Double? = nil
    ) -> Bool {
        lengths.append(measuredSeconds ?? lastEnd.map { seconds - $0 } ?? seconds)
        lastEnd = seconds
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
