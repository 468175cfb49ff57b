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

    public init(shift: [[Double]], dayOff: [Double], overtimeFrom: Double = 0, overtimeRate: Double = 0) {
        self.shift = shift
        self.dayOff = dayOff
        self.overtimeFrom = overtimeFrom
        self.overtimeRate = overtimeRate
    }

    /// No cost at all: any schedule that keeps the rules is cheapest (a feasibility question).
    public init(zeroFor rules: ScheduleRules) {
        self.init(shift: rules.options.map { $0.map { _ in 0 } }, dayOff: rules.options.map { _ in 0 })
    }
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
    /// A schedule that keeps every rule, not proven cheapest (the search hit its limit).
    case feasible(PersonSchedule)
    /// No schedule keeps every rule: proven.
    case infeasible
    /// The search hit its limit before finding a schedule.
    case unknown

    /// The schedule found, if any.
    public var schedule: PersonSchedule? {
        switch self {
        case .optimal(let schedule), .feasible(let schedule): return schedule
        case .infeasible, .unknown: return nil
        }
    }
}

/// The per-person schedule oracle: the cheapest schedule of one person that keeps every one of
/// their hard rules, or a proof that none exists.
///
/// A resource-constrained shortest path over the days, solved by labelling: a label is a partial
/// schedule up to a day, with its state (the rest class of the last shift while a later shift can
/// still conflict with it, the current run of working days or days off, whether that run began
/// with the horizon, whether this weekend is already worked) and its resources (paid hours,
/// weekends worked, counts of limited shifts). Rest and forbidden sequences are arcs between days;
/// runs, weekends, shift limits and hours are checked as labels extend. Of two labels in the same
/// state, one that costs no more and leaves every future open to the other is kept alone
/// (dominance), and labels that cannot beat the best schedule known or reach the minimum hours are
/// dropped. Exact unless a limit on labels is hit; then a narrowed search (the cheapest labels of
/// each day) still returns a schedule that keeps every rule.
///
/// A value type with no shared state: safe to call from several threads at once.
public struct ScheduleOracle: Sendable {
    public let rules: ScheduleRules
    /// Most labels alive on one day before the exact search gives up.
    public var labelLimit: Int
    /// Labels kept per day by the narrowed search.
    public var beamWidth: Int

    public init(_ rules: ScheduleRules, labelLimit: Int = 200_000, beamWidth: Int = 2_000) {
        self.rules = rules
        self.labelLimit = labelLimit
        self.beamWidth = beamWidth
    }

    /// The cheapest schedule under `costs`.
    /// - Parameter incumbent: a schedule already known to keep every rule (its cost under `costs`
    ///   bounds the search); returned if nothing cheaper exists.
    public func cheapest(_ costs: ScheduleCosts, incumbent: PersonSchedule? = nil) -> ScheduleResult {
        var best = incumbent.map { PersonSchedule(choice: $0.choice, cost: cost(of: $0.choice, costs)) }
        let exact = search(costs, beam: nil, bound: best?.cost ?? .infinity)
        if exact.complete {
            if let found = exact.best { return .optimal(found) }
            return best.map { .optimal($0) } ?? .infeasible
        }
        let narrowed = search(costs, beam: beamWidth, bound: best?.cost ?? .infinity)
        if let found = narrowed.best, found.cost < (best?.cost ?? .infinity) { best = found }
        if narrowed.complete { return best.map { .optimal($0) } ?? .infeasible }
        return best.map { .feasible($0) } ?? .unknown
    }

    /// Any schedule that keeps every rule, or a proof that none exists.
    public func anySchedule() -> ScheduleResult {
        cheapest(ScheduleCosts(zeroFor: rules))
    }

    /// The cost of a schedule under `costs` (without checking its rules).
    public func cost(of choice: [Int?], _ costs: ScheduleCosts) -> Double {
        var total = 0.0, units: Int64 = 0
        for (d, option) in choice.enumerated() {
            if let option {
                total += costs.shift[d][option]
                units += rules.units[d][option]
            } else {
                total += costs.dayOff[d]
            }
        }
        return total + overtime(units, costs)
    }

    private func overtime(_ units: Int64, _ costs: ScheduleCosts) -> Double {
        guard costs.overtimeRate != 0 else { return 0 }
        return costs.overtimeRate * max(0, Double(units) / ScheduleRules.unitsPerHour - costs.overtimeFrom)
    }

    // MARK: Labelling

    /// The labels of one day, as parallel arrays.
    private struct Labels {
        var cost: [Double] = []
        var units: [Int64] = []
        var weekends: [Int32] = []
        var state: [Int] = []
        var parent: [Int32] = []
        var option: [Int16] = []
        var counts: [UInt16] = []
        var alive: [Bool] = []
        var aliveCount = 0

        mutating func reserve(_ n: Int, slots: Int) {
            cost.reserveCapacity(n)
            units.reserveCapacity(n)
            weekends.reserveCapacity(n)
            state.reserveCapacity(n)
            parent.reserveCapacity(n)
            option.reserveCapacity(n)
            alive.reserveCapacity(n)
            counts.reserveCapacity(n * slots)
        }
    }

    /// A label's state, unpacked.
    private struct State {
        /// 0 = no recent shift; else 1 + tail class x reach + days since it.
        var tail: Int
        var workRun: Int
        var offRun: Int
        var fromStart: Bool
        var weekendWorked: Bool
    }

    private var workCap: Int { rules.maxRun == .max ? rules.minRun : max(rules.maxRun, rules.minRun) }

    private func pack(_ s: State) -> Int {
        ((((s.tail * (workCap + 1)) + s.workRun) * (rules.minOff + 1) + s.offRun) * 2 + (s.fromStart ? 1 : 0)) * 2
            + (s.weekendWorked ? 1 : 0)
    }

    private func unpack(_ packed: Int) -> State {
        var value = packed
        let weekend = value % 2 == 1
        value /= 2
        let fromStart = value % 2 == 1
        value /= 2
        let off = value % (rules.minOff + 1)
        value /= rules.minOff + 1
        let work = value % (workCap + 1)
        value /= workCap + 1
        return State(tail: value, workRun: work, offRun: off, fromStart: fromStart, weekendWorked: weekend)
    }

    /// Labels the days in order. `beam` keeps only that many cheapest labels per day; `complete` is
    /// false when any label was dropped other than by dominance or bounds (then `best` is not proven).
    private func search(_ costs: ScheduleCosts, beam: Int?, bound: Double)
        -> (best: PersonSchedule?, complete: Bool) {
        let days = rules.options.count
        let slots = rules.slotLimits.count
        let unitsPerHour = ScheduleRules.unitsPerHour
        let rate = max(0, costs.overtimeRate) / unitsPerHour
        // Cheapest completion and most paid hours still possible from each day on.
        var lowerToGo = Array(repeating: 0.0, count: days + 1)
        var unitsToGo = Array(repeating: Int64(0), count: days + 1)
        for d in stride(from: days - 1, through: 0, by: -1) {
            var cheapest = rules.mustWork[d] ? Double.infinity : costs.dayOff[d]
            for value in costs.shift[d] { cheapest = min(cheapest, value) }
            lowerToGo[d] = lowerToGo[d + 1] + (cheapest.isFinite ? cheapest : 0)
            unitsToGo[d] = unitsToGo[d + 1] + (rules.units[d].max() ?? 0)
        }
        if rules.minUnits > unitsToGo[0] { return (nil, true) }
        let upper = bound
        var complete = true
        var history: [Labels] = []
        history.reserveCapacity(days)
        var previous = Labels()
        previous.cost = [0]
        previous.units = [0]
        previous.weekends = [0]
        previous.state = [pack(State(tail: 0, workRun: 0, offRun: 0, fromStart: true, weekendWorked: false))]
        previous.parent = [-1]
        previous.option = [-1]
        previous.counts = Array(repeating: 0, count: slots)
        previous.alive = [true]
        previous.aliveCount = 1
        var countBuffer = Array(repeating: UInt16(0), count: max(slots, 1))

        for d in 0..<days {
            var current = Labels()
            current.reserve(previous.aliveCount * 2, slots: slots)
            var byState: [Int: [Int32]] = [:]
            let weekend = rules.weekendOf[d]
            let sameWeekendAsYesterday = d > 0 && weekend >= 0 && rules.weekendOf[d - 1] == weekend
            let nextSameWeekend = d + 1 < days && weekend >= 0 && rules.weekendOf[d + 1] == weekend
            let options = rules.options[d]

            /// Adds a label unless dominated or bounded; drops labels it dominates.
            func add(_ cost: Double, _ units: Int64, _ weekends: Int32, _ state: State, _ parent: Int, _ option: Int) {
                if cost + lowerToGo[d + 1] >= upper - 1e-9 { return }
                if units + unitsToGo[d + 1] < rules.minUnits { return }
                var state = state
                if !nextSameWeekend { state.weekendWorked = false }
                let key = pack(state)
                let unitsLeft = unitsToGo[d + 1]
                let list = byState[key] ?? []
                // Any dominating label costs no more: scan the cheaper part of the list.
                var insertAt = list.count
                for (position, index) in list.enumerated() {
                    let other = Int(index)
                    if current.cost[other] > cost {
                        insertAt = position
                        break
                    }
                    if dominates(current, other, slots, cost, units, weekends, countBuffer, rate, unitsLeft) { return }
                }
                let index = current.cost.count
                current.cost.append(cost)
                current.units.append(units)
                current.weekends.append(weekends)
                current.state.append(key)
                current.parent.append(Int32(parent))
                current.option.append(Int16(option))
                current.alive.append(true)
                current.aliveCount += 1
                for s in 0..<slots { current.counts.append(countBuffer[s]) }
                // Labels it dominates cost at least as much: scan the dearer part.
                var kept = Array(list[..<insertAt])
                kept.append(Int32(index))
                for other in list[insertAt...] {
                    let o = Int(other)
                    if dominatesNew(current, index, o, slots, rate, unitsLeft) {
                        current.alive[o] = false
                        current.aliveCount -= 1
                    } else {
                        kept.append(other)
                    }
                }
                byState[key] = kept
            }

            for from in 0..<previous.cost.count where previous.alive[from] {
                let state = unpack(previous.state[from])
                let baseCost = previous.cost[from], baseUnits = previous.units[from], baseWeekends = previous.weekends[from]
                let countBase = from * slots
                let tailClass = state.tail == 0 ? -1 : (state.tail - 1) / max(rules.reach, 1)
                let since = state.tail == 0 ? -1 : (state.tail - 1) % max(rules.reach, 1)
                let weekendCounted = sameWeekendAsYesterday && state.weekendWorked
                // A day off.
                if !rules.mustWork[d] && !(state.workRun > 0 && state.workRun < rules.minRun && !state.fromStart) {
                    var next = State(tail: 0, workRun: 0, offRun: min(state.offRun + 1, rules.minOff),
                                     fromStart: d == 0 || (state.fromStart && state.offRun > 0),
                                     weekendWorked: weekendCounted)
                    if state.tail != 0, since + 1 < rules.reach { next.tail = 1 + tailClass * rules.reach + since + 1 }
                    for s in 0..<slots { countBuffer[s] = previous.counts[countBase + s] }
                    add(baseCost + costs.dayOff[d], baseUnits, baseWeekends, next, from, -1)
                }
                // A shift.
                if state.workRun + 1 > rules.maxRun { continue }
                if state.offRun > 0 && state.offRun < rules.minOff && !state.fromStart { continue }
                var weekends = baseWeekends
                if weekend >= 0 && !weekendCounted && rules.maxWeekends != nil {
                    weekends += 1
                    if let most = rules.maxWeekends, Int(weekends) > most { continue }
                }
                let fromStart = d == 0 || (state.fromStart && state.workRun > 0)
                for (o, _) in options.enumerated() {
                    if tailClass >= 0, rules.conflicts[since][tailClass][d][o] { continue }
                    let units = baseUnits + rules.units[d][o]
                    if units > rules.maxUnits { continue }
                    let slot = rules.slot[d][o]
                    for s in 0..<slots { countBuffer[s] = previous.counts[countBase + s] }
                    if slot >= 0 {
                        if Int(countBuffer[slot]) + 1 > rules.slotLimits[slot] { continue }
                        countBuffer[slot] += 1
                    }
                    let tail = rules.reach > 0 ? 1 + rules.tailClass[d][o] * rules.reach : 0
                    let next = State(tail: tail, workRun: min(state.workRun + 1, workCap), offRun: 0,
                                     fromStart: fromStart, weekendWorked: weekend >= 0 && rules.maxWeekends != nil)
                    add(baseCost + costs.shift[d][o], units, weekends, next, from, o)
                }
            }
            if beam == nil, current.aliveCount > labelLimit { return (nil, false) }
            if let beam, current.aliveCount > beam {
                complete = false
                let order = (0..<current.cost.count).filter { current.alive[$0] }.sorted { current.cost[$0] < current.cost[$1] }
                for index in order[beam...] { current.alive[index] = false }
                current.aliveCount = beam
            }
            if current.aliveCount == 0 {
                history.append(current)
                return (nil, complete)
            }
            history.append(previous)
            previous = current
        }
        history.append(previous)
        // The last day's labels: minimum hours, overtime, the cheapest.
        var bestIndex = -1, bestCost = upper
        for index in 0..<previous.cost.count where previous.alive[index] && previous.units[index] >= rules.minUnits {
            let total = previous.cost[index] + rate * max(0, Double(previous.units[index]) - costs.overtimeFrom * unitsPerHour)
            if total < bestCost - 1e-9 {
                bestCost = total
                bestIndex = index
            }
        }
        guard bestIndex >= 0 else { return (nil, complete) }
        var choice = [Int?](repeating: nil, count: days)
        var index = bestIndex
        for d in stride(from: days - 1, through: 0, by: -1) {
            let labels = history[d + 1]
            let option = Int(labels.option[index])
            choice[d] = option >= 0 ? option : nil
            index = Int(labels.parent[index])
        }
        return (PersonSchedule(choice: choice, cost: cost(of: choice, costs)), complete)
    }

    /// Whether existing label `other` dominates a new label with these values.
    @inline(__always)
    private func dominates(_ labels: Labels, _ other: Int, _ slots: Int, _ cost: Double, _ units: Int64,
                           _ weekends: Int32, _ counts: [UInt16], _ rate: Double, _ unitsLeft: Int64) -> Bool {
        let otherUnits = labels.units[other]
        let extra = otherUnits > units ? rate * Double(otherUnits - units) : 0
        guard labels.cost[other] + extra <= cost + 1e-9, labels.weekends[other] <= weekends else { return false }
        guard otherUnits >= units || otherUnits >= rules.minUnits else { return false }
        guard otherUnits <= units || otherUnits + unitsLeft <= rules.maxUnits else { return false }
        let base = other * slots
        for s in 0..<slots where labels.counts[base + s] > counts[s] { return false }
        return true
    }

    /// Whether label `new` dominates label `other` (both in `labels`).
    @inline(__always)
    private func dominatesNew(_ labels: Labels, _ new: Int, _ other: Int, _ slots: Int, _ rate: Double,
                              _ unitsLeft: Int64) -> Bool {
        let newUnits = labels.units[new], otherUnits = labels.units[other]
        let extra = newUnits > otherUnits ? rate * Double(newUnits - otherUnits) : 0
        guard labels.cost[new] + extra <= labels.cost[other] + 1e-9, labels.weekends[new] <= labels.weekends[other]
        else { return false }
        guard newUnits >= otherUnits || newUnits >= rules.minUnits else { return false }
        guard newUnits <= otherUnits || newUnits + unitsLeft <= rules.maxUnits else { return false }
        let a = new * slots, b = other * slots
        for s in 0..<slots where labels.counts[a + s] > labels.counts[b + s] { return false }
        return true
    }
}
