/// Whether a dive under way can still fix every assignment by its deadline, at the pace of its
/// recent steps (``ColumnGeneration/dive(_:deadline:cutoff:)``). A dive cut short by the clock leaves
/// its fractional shares rounded, seldom a good roster, so one that cannot finish gives its time to
/// the steps after it.
///
/// The pace is measured over the last quarter of the dive's time (its first steps fix what the master
/// nearly agrees on, quickly, and say little about the rest), and only once a quarter has passed. The
/// dive is given up when the assignments still open need more than twice the time left at that pace
/// (steps vary: instance 15's schedules dive, which ended 0.5 s before its deadline, needed 1.5 times
/// the time left at its slowest measure). The sample case's first dive, in a 23.7 s share, had fixed
/// 40% of its assignments after 5.4 s and 50% after 11.3 s, when its pace needed 30 s for the rest; run
/// to its deadline it ended with 351 of 1708 open and a rounded roster of 163,966 against 148,388 from
/// the parts search beside it.
///
/// It also paces the dive: how many fixings each step needs for the dive to end by its deadline at
/// the time its recent steps took (``fixingsNeeded``).
struct DiveProgress {
    /// Seconds from the dive's start to its deadline.
    let window: Double
    /// The share of ``window`` over which the pace is measured, and after which it is first judged.
    var measured = 0.25
    /// How many times the time left the open assignments may need at the recent pace.
    var slack = 2.0
    /// How many times the recent step time each step still to come is given, in ``fixingsNeeded``.
    var stepMargin = 1.5
    /// Each step's start: seconds into the dive and assignments open then.
    private var steps: [(seconds: Double, open: Int)] = []

    init(window: Double) { self.window = window }

    /// The fixings each step needs from now on for the open assignments to be fixed by the deadline,
    /// when each step takes ``stepMargin`` times the mean time of the last three: a dive that fixes at
    /// least that many a step ends in time rather than being given up or cut by the clock. 0 until two
    /// steps have been taken.
    var fixingsNeeded: Int {
        let recent = steps.suffix(4)
        guard recent.count >= 3, let first = recent.first, let last = recent.last, last.open > 0 else { return 0 }
        let stepTime = (last.seconds - first.seconds) / Double(recent.count - 1)
        let stepsLeft = max(1, (window - last.seconds) / max(1e-9, stepMargin * stepTime))
        return Int((Double(last.open) / stepsLeft).rounded(.up))
    }

    /// Records a step starting `seconds` into the dive with `open` assignments not yet fixed.
    mutating func record(seconds: Double, open: Int) { steps.append((seconds, open)) }

    /// Whether the open assignments, at the pace of the last ``measured`` share of the window, need
    /// more than ``slack`` times the time left; `false` until that share has passed.
    var isHopeless: Bool {
        guard let last = steps.last, last.open > 0 else { return false }
        let span = measured * window
        guard last.seconds >= span else { return false }
        // The last step that started at least `span` seconds before this one.
        guard let earlier = steps.last(where: { $0.seconds <= last.seconds - span }) else { return false }
        let rate = Double(earlier.open - last.open) / max(1e-9, last.seconds - earlier.seconds)
        let left = window - last.seconds
        return rate <= 0 || Double(last.open) / rate > slack * left
    }
}
