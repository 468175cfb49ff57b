/// What one person's schedule costs: a cost for each shift they could work and each day off, plus
/// overtime on paid hours above a threshold.
public struct ScheduleCosts: Sendable {
    /// `shift[day][option]`: the cost of working that option (same order as ``ScheduleRules/options``).
    public var shift: [[Double]]
    /// `dayOff[day]`: the cost of not working that day.
    public var dayOff: [Double]
    /// Paid hours above which each hour costs ``overtimeRate`` more.
    public var overtimeFrom: Double
    /// Cost of each paid hour above ``overtimeFrom`` (0 = none).
    public var overtimeRate: Double
    /// Cost of each weekend worked (counted only when the rules count weekends).
    public var weekend: Double

    public init(
        shift: [[Double]], dayOff: [Double], overtimeFrom: Double = 0, overtimeRate: Double = 0,
        weekend: Double = 0
    ) {
        self.shift = shift
        self.dayOff = dayOff
        self.overtimeFrom = overtimeFrom
        self.overtimeRate = overtimeRate
        self.weekend = weekend
    }

    /// Whether, against `earlier` costs, these have moved only in `choice`'s favour: each option it
    /// works and each day it is off cost no more, every other option and day off no less, and the
    /// rest is the same. Then every other schedule's cost has risen by at least as much as
    /// `choice`'s, and a schedule cheapest before is cheapest still.
    func favours(_ choice: [Int?], since earlier: ScheduleCosts) -> Bool {
        guard overtimeFrom == earlier.overtimeFrom, overtimeRate == earlier.overtimeRate,
            weekend == earlier.weekend, shift.count == earlier.shift.count, choice.count == shift.count
        else { return false }
        for d in shift.indices {
            let off = dayOff[d] - earlier.dayOff[d]
            if choice[d] == nil ? off > 0 : off < 0 { return false }
            for o in shift[d].indices {
                let rise = shift[d][o] - earlier.shift[d][o]
                if o == choice[d] ? rise > 0 : rise < 0 { return false }
            }
        }
        return true
    }

    /// No cost at all: any schedule that keeps the rules is cheapest (a feasibility question).
    public init(zeroFor rules: ScheduleRules) {
        self.init(shift: rules.options.map { $0.map { _ in 0 } }, dayOff: rules.options.map { _ in 0 })
    }
}

extension Array where Element == Int? {
    /// A total order on choices (days off first), for repeatable tie-breaks.
    var lexicographicOrder: [Int] { map { $0 ?? -1 } }
}

/// One person's schedule: for each day the option worked (an index into that day's
/// ``ScheduleRules/options``) or `nil` for a day off, and what it costs.
public struct PersonSchedule: Sendable, Equatable {
    public var choice: [Int?]
    public var cost: Double

    public init(choice: [Int?], cost: Double) {
        self.choice = choice
        self.cost = cost
    }
}

/// What the oracle concluded.
public enum ScheduleResult: Sendable {
    /// The cheapest schedule that keeps every rule.
    case optimal(PersonSchedule)
    /// A schedule that keeps every rule, not proven cheapest (the search hit its limit); every
    /// schedule costs at least `bound`.
    case feasible(PersonSchedule, bound: Double)
    /// No schedule keeps every rule: proven.
    case infeasible
    /// The search hit its limit before finding a schedule; any schedule would cost at least `bound`.
    case unknown(bound: Double)

    /// The schedule found, if any.
    public var schedule: PersonSchedule? {
        switch self {
        case .optimal(let schedule), .feasible(let schedule, _): return schedule
        case .infeasible, .unknown: return nil
        }
    }

    /// Whether the search ended with a proof: the cheapest schedule, or that there is none.
    public var isProven: Bool {
        switch self {
        case .optimal, .infeasible: return true
        case .feasible, .unknown: return false
        }
    }

    /// A lower bound on the cost of every schedule that keeps the rules (+infinity when there is none).
    public var bound: Double {
        switch self {
        case .optimal(let schedule): return schedule.cost
        case .feasible(_, let bound), .unknown(let bound): return bound
        case .infeasible: return .infinity
        }
    }
}

/// The per-person schedule oracle: the cheapest schedule of one person that keeps every one of
/// their hard rules, or a proof that none exists.
///
/// A resource-constrained shortest path over the person's ``ScheduleGraph`` (whose states carry
/// the rules of runs, rest, sequences and weekends), in three steps:
/// 1. the Lagrangian relaxation (``ScheduleRelaxation``): the resources (hours, limited shifts,
///    weekends) priced instead of limited, prices improved by subgradient steps; each priced path
///    that keeps the limits is a schedule, and the best value is a lower bound;
/// 2. labelling narrowed to the most promising labels of each day, guided by the relaxation: a good
///    schedule fast, whatever the horizon;
/// 3. exact labelling (``ScheduleLabelling``), bounded by the relaxation and the best schedule
///    found, which proves the optimum or that no schedule exists, unless it hits its label limit.
///
/// A value type with no shared state: safe to call from several threads at once.
public struct ScheduleOracle: Sendable {
    public let rules: ScheduleRules
    /// Most labels the exact search makes before it gives up.
    public var labelBudget: Int
    /// Labels kept per day by the narrowed search.
    public var beamWidth: Int
    /// Subgradient steps on the relaxation's prices.
    public var priceSteps: Int
    /// Whether the bound also comes from a second ascent whose overtime price moves
    /// (``ScheduleRelaxation``), for a person with overtime pay not every schedule is in; the search
    /// is guided, as before, by the relaxation whose overtime price stays where it starts.
    ///
    /// On the generated 1,000-staff case, whose people with contract hours below their maximum are
    /// such, the bounds of one round of quick pricing summed 2.4 million below the schedules found
    /// without it, 1.4 million with it, and column generation's bound at 300 s rose from 1.19 million
    /// to 2.47 million (roster 5.08 million either way). Guiding the search by it too changed the
    /// sample case's first roster and passes, and its rosters at 60 s ended higher: 146,577–147,085 in
    /// nine runs against 146,456–146,710 (the parts' sizes, carried from the search beside column
    /// generation, went elsewhere; from fresh sizes both ended at about 146,745). Column generation's
    /// pricing sets it; the first roster and person by person's passes need no bound.
    public var boundsOvertime = false

    /// How hard to search.
    public enum Effort: Sendable {
        /// Prove the optimum (or that no schedule exists) unless the label budget runs out.
        case exact
        /// The relaxation and the narrowed search only; the exact search only to find a first
        /// schedule (or prove there is none) when neither found one.
        case quick
    }

    /// The label budget of an oracle made without one.
    public static let defaultLabelBudget = 2_000_000

    public init(
        _ rules: ScheduleRules, labelBudget: Int = defaultLabelBudget, beamWidth: Int = 200, priceSteps: Int = 30
    ) {
        self.rules = rules
        self.labelBudget = labelBudget
        self.beamWidth = beamWidth
        self.priceSteps = priceSteps
    }

    /// The cheapest schedule under `costs`.
    /// - Parameter incumbent: a schedule already known to keep every rule (its cost under `costs`
    ///   bounds the search); returned if nothing cheaper exists.
    /// - Parameter deadline: when it passes, the search stops with what it has (``ScheduleResult/feasible(_:bound:)``
    ///   or ``ScheduleResult/unknown(bound:)``).
    public func cheapest(
        _ costs: ScheduleCosts, incumbent: PersonSchedule? = nil, effort: Effort = .exact,
        deadline: ContinuousClock.Instant? = nil
    ) -> ScheduleResult {
        cheapest(costs, incumbent: incumbent, effort: effort, alternatives: 0, deadline: deadline).result
    }

    /// The cheapest schedule under `costs`, and up to `alternatives` more of the cheapest other
    /// schedules met on the way that beat the incumbent (each keeps every rule), cheapest first.
    public func cheapest(
        _ costs: ScheduleCosts, incumbent: PersonSchedule?, effort: Effort, alternatives: Int,
        deadline: ContinuousClock.Instant? = nil
    ) -> (result: ScheduleResult, alternatives: [PersonSchedule]) {
        guard rules.graph.hasPath else { return (.infeasible, []) }
        let start = incumbent.map { PersonSchedule(choice: $0.choice, cost: cost(of: $0.choice, costs)) }
        var best = start
        var met: [[Int?]: Double] = [:]
        func consider(_ choice: [Int?]) {
            let value = cost(of: choice, costs)
            if value < (start?.cost ?? .infinity) - 1e-9 { met[choice] = value }
            if value < (best?.cost ?? .infinity) - 1e-9 { best = PersonSchedule(choice: choice, cost: value) }
        }
        func finish(_ result: ScheduleResult) -> (result: ScheduleResult, alternatives: [PersonSchedule]) {
            let others = met.filter { $0.key != result.schedule?.choice }
                .sorted {
                    $0.value != $1.value
                        ? $0.value < $1.value
                        : $0.key.lexicographicOrder.lexicographicallyPrecedes($1.key.lexicographicOrder)
                }
                .prefix(alternatives).map { PersonSchedule(choice: $0.key, cost: $0.value) }
            return (result, Array(others))
        }
        let relaxation = ScheduleRelaxation(rules, costs)
        let iterations = effort == .quick ? priceSteps / 3 : priceSteps * 4
        let (starting, target) = (relaxation.startingPrices, best?.cost)
        let ascent = relaxation.ascend(from: starting, iterations: iterations, target: target)
        ascent.feasible.forEach(consider)
        var lower = ascent.solution.bound
        func settled() -> Bool {
            guard let best else { return false }
            return best.cost - lower <= 1e-9 * max(1, abs(best.cost))
        }
        let labelling = ScheduleLabelling(relaxation: relaxation, prices: ascent.prices, toGo: ascent.solution.toGo)
        let keep = alternatives + 1
        // Narrowed searches; before an exact search, a wider one when the first finds nothing better
        // than the incumbent.
        let widths = effort == .exact ? [beamWidth, beamWidth * 10] : [beamWidth]
        for width in widths where !settled() && (width == beamWidth || met.isEmpty) {
            let narrowed = labelling.run(
                beam: width, labelBudget: labelBudget, bound: best?.cost ?? .infinity, keep: keep,
                deadline: deadline)
            narrowed.found.forEach { consider($0.choice) }
            if narrowed.complete { return finish(best.map { .optimal($0) } ?? .infeasible) }
        }
        if best == nil && effort == .quick, costs.shift.contains(where: { $0.contains { $0 != 0 } }) {
            // The costs led the narrowed search astray: any schedule will do for a start.
            if let found = anySchedule().schedule { consider(found.choice) }
        }
        if settled() {
            lower = best!.cost
        } else if effort == .exact || best == nil {
            let exact = labelling.run(
                beam: nil, labelBudget: labelBudget, bound: best?.cost ?? .infinity, keep: keep,
                deadline: deadline)
            exact.found.forEach { consider($0.choice) }
            if exact.complete { return finish(best.map { .optimal($0) } ?? .infeasible) }
        }
        // Once the search is done, so that it goes as without (``boundsOvertime``).
        if boundsOvertime && relaxation.overtimeMayMove && !settled() {
            let moving = relaxation.ascend(
                from: starting, iterations: iterations, target: best?.cost ?? target, movingOvertime: true)
            lower = max(lower, moving.solution.bound)
        }
        guard let best else { return finish(.unknown(bound: lower)) }
        return finish(settled() ? .optimal(best) : .feasible(best, bound: min(lower, best.cost)))
    }

    /// Any schedule that keeps every rule, or a proof that none exists.
    public func anySchedule() -> ScheduleResult {
        cheapest(ScheduleCosts(zeroFor: rules))
    }

    /// The cost of a schedule under `costs` (without checking its rules).
    public func cost(of choice: [Int?], _ costs: ScheduleCosts) -> Double {
        var total = 0.0
        var units: Int64 = 0
        var weekends = Set<Int>()
        for (d, option) in choice.enumerated() {
            if let option {
                total += costs.shift[d][option]
                units += rules.units[d][option]
                if rules.weekendOf[d] >= 0 { weekends.insert(rules.weekendOf[d]) }
            } else {
                total += costs.dayOff[d]
            }
        }
        if rules.countsWeekends { total += costs.weekend * Double(weekends.count) }
        guard costs.overtimeRate != 0 else { return total }
        return total + costs.overtimeRate * max(0, Double(units) / ScheduleRules.unitsPerHour - costs.overtimeFrom)
    }
}
