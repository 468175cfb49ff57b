/// Where a partial schedule stands after a day, resources aside: what the next day's choice
/// depends on under the run, rest, sequence and weekend rules.
struct ScheduleState: Hashable {
    /// 0 = no shift that can still conflict with a later one; else 1 + rest class x reach + days since it.
    var tail: Int
    /// Consecutive working days up to this day (0 = off today), capped where the rules stop caring.
    var workRun: Int
    /// Consecutive days off up to this day (0 = worked today), capped at the minimum.
    var offRun: Int
    /// Whether the current run (worked or off) began with the horizon (exempt from the minimums).
    var fromStart: Bool
    /// Whether this day's weekend is already worked (kept only while the next day is in the same weekend).
    var weekendWorked: Bool

    static let beforeFirstDay = ScheduleState(tail: 0, workRun: 0, offRun: 0, fromStart: true, weekendWorked: false)
}

/// Every state a person's partial schedule can be in after each day, and the choices (a shift or
/// a day off) that lead from one day's states to the next day's. Built once per person from their
/// rules; the oracle's searches walk it, so the rules of runs, rest, sequences and weekends are
/// written once, in ``ScheduleRules/step(_:day:option:)``.
///
/// Level `l` holds the states after day `l - 1` (level 0 is the start, before the first day); the
/// edges of level `l` are the choices of day `l`. States from which no choice reaches the end of
/// the horizon keep no edges.
struct ScheduleGraph: Sendable {
    /// `edgeStart[level][state] ..< edgeStart[level][state + 1]`: the state's edges in that level.
    private(set) var edgeStart: [[Int32]] = []
    /// The state reached in the next level.
    private(set) var edgeTo: [[Int32]] = []
    /// The option worked (index into the day's options), or -1 for a day off.
    private(set) var edgeOption: [[Int16]] = []
    /// Whether the choice works a weekend not worked before (counts against `max_weekends`).
    private(set) var edgeWeekend: [[Bool]] = []
    /// The states of each level.
    private(set) var states: [[ScheduleState]] = []
    /// Most and fewest paid-hour units the days after a level can still add from each state.
    private(set) var mostUnitsToGo: [[Int64]] = []
    private(set) var fewestUnitsToGo: [[Int64]] = []
    /// When the minimum hours and the weekend limit both bind: ``mostUnitsToGo(_:weekendLimit:)`` at
    /// that limit, computed once here rather than in each search.
    private(set) var mostUnitsByWeekends: [[Int64]]?

    init() {}

    init(_ rules: ScheduleRules) {
        let days = rules.options.count
        states = [[.beforeFirstDay]]
        for d in 0..<days {
            var next: [ScheduleState: Int32] = [:]
            var nextStates: [ScheduleState] = []
            var start: [Int32] = [0]
            var to: [Int32] = []
            var option: [Int16] = []
            var weekend: [Bool] = []
            for state in states[d] {
                for choice in -1..<rules.options[d].count {
                    guard let (after, newWeekend) = rules.step(state, day: d, option: choice < 0 ? nil : choice) else {
                        continue
                    }
                    let index: Int32
                    if let known = next[after] {
                        index = known
                    } else {
                        index = Int32(nextStates.count)
                        next[after] = index
                        nextStates.append(after)
                    }
                    to.append(index)
                    option.append(Int16(choice))
                    weekend.append(newWeekend)
                }
                start.append(Int32(to.count))
            }
            edgeStart.append(start)
            edgeTo.append(to)
            edgeOption.append(option)
            edgeWeekend.append(weekend)
            states.append(nextStates)
        }
        pruneDeadEnds(rules)
        if rules.minUnits > 0, let limit = rules.maxWeekends {
            mostUnitsByWeekends = mostUnitsToGo(rules, weekendLimit: limit)
        }
    }

    /// Drops edges into states that cannot reach the end, and computes the units still to go.
    private mutating func pruneDeadEnds(_ rules: ScheduleRules) {
        let days = edgeTo.count
        var alive = states.map { Array(repeating: false, count: $0.count) }
        alive[days] = Array(repeating: true, count: states[days].count)
        mostUnitsToGo = states.map { Array(repeating: 0, count: $0.count) }
        fewestUnitsToGo = states.map { Array(repeating: 0, count: $0.count) }
        for level in stride(from: days - 1, through: 0, by: -1) {
            var start: [Int32] = [0]
            var to: [Int32] = []
            var option: [Int16] = []
            var weekend: [Bool] = []
            for state in states[level].indices {
                var most = Int64.min
                var fewest = Int64.max
                for edge in Int(edgeStart[level][state])..<Int(edgeStart[level][state + 1]) {
                    let target = Int(edgeTo[level][edge])
                    guard alive[level + 1][target] else { continue }
                    let choice = Int(edgeOption[level][edge])
                    let units = choice < 0 ? 0 : rules.units[level][choice]
                    most = max(most, units + mostUnitsToGo[level + 1][target])
                    fewest = min(fewest, units + fewestUnitsToGo[level + 1][target])
                    to.append(Int32(target))
                    option.append(Int16(choice))
                    weekend.append(edgeWeekend[level][edge])
                }
                start.append(Int32(to.count))
                if most > Int64.min {
                    alive[level][state] = true
                    mostUnitsToGo[level][state] = most
                    fewestUnitsToGo[level][state] = fewest
                }
            }
            edgeStart[level] = start
            edgeTo[level] = to
            edgeOption[level] = option
            edgeWeekend[level] = weekend
        }
    }

    /// The most paid-hour units the days after each level can still add from each state with at
    /// most `w` more weekends worked: `[level][state * (limit + 1) + w]` for `w` in `0...limit`.
    private func mostUnitsToGo(_ rules: ScheduleRules, weekendLimit limit: Int) -> [[Int64]] {
        let width = limit + 1
        var most = states.map { Array(repeating: Int64.min, count: $0.count * width) }
        most[days] = Array(repeating: 0, count: states[days].count * width)
        for level in stride(from: days - 1, through: 0, by: -1) {
            for state in states[level].indices {
                for edge in edges(level: level, state: state) {
                    let target = Int(edgeTo[level][edge])
                    let choice = Int(edgeOption[level][edge])
                    let units = choice < 0 ? 0 : rules.units[level][choice]
                    let cost = edgeWeekend[level][edge] ? 1 : 0
                    for left in cost..<width {
                        let after = most[level + 1][target * width + left - cost]
                        if after > Int64.min {
                            most[level][state * width + left] = max(most[level][state * width + left], units + after)
                        }
                    }
                }
            }
        }
        return most
    }

    /// The number of days.
    var days: Int { edgeTo.count }

    /// Whether any schedule keeps the run, rest, sequence, pin and weekend-order rules (resources aside).
    var hasPath: Bool { edgeStart.first.map { $0[1] > 0 } ?? true }

    /// The edges of a state.
    @inline(__always)
    func edges(level: Int, state: Int) -> Range<Int> { Int(edgeStart[level][state])..<Int(edgeStart[level][state + 1]) }
}

extension ScheduleRules {
    /// The largest run of working days the state needs to tell apart.
    var workCap: Int { maxRun == .max ? minRun : max(maxRun, minRun) }

    /// The state after working `option` on `day` (a day off when `nil`) from `state`, and whether
    /// that works a weekend not worked before; `nil` when a rule forbids the choice.
    func step(_ state: ScheduleState, day d: Int, option: Int?) -> (ScheduleState, Bool)? {
        let weekend = weekendOf[d]
        var next: ScheduleState
        var newWeekend = false
        if let o = option {
            if state.workRun + 1 > maxRun { return nil }
            if state.offRun > 0 && state.offRun < minOff && !state.fromStart { return nil }
            if state.tail != 0 {
                let since = (state.tail - 1) % reach
                let tail = (state.tail - 1) / reach
                if conflicts[since][tail][d][o] { return nil }
            }
            newWeekend = weekend >= 0 && !state.weekendWorked && countsWeekends
            let tail = reach > 0 && tailClass[d][o] >= 0 ? 1 + tailClass[d][o] * reach : 0
            next = ScheduleState(
                tail: tail, workRun: min(state.workRun + 1, workCap), offRun: 0,
                fromStart: d == 0 || (state.fromStart && state.workRun > 0),
                weekendWorked: weekend >= 0 && countsWeekends)
        } else {
            if mustWork[d] { return nil }
            if state.workRun > 0 && state.workRun < minRun && !state.fromStart { return nil }
            next = ScheduleState(
                tail: 0, workRun: 0, offRun: min(state.offRun + 1, minOff),
                fromStart: d == 0 || (state.fromStart && state.offRun > 0),
                weekendWorked: state.weekendWorked)
            if state.tail != 0 {
                let since = (state.tail - 1) % reach
                let tail = (state.tail - 1) / reach
                if since + 1 < reach { next.tail = 1 + tail * reach + since + 1 }
            }
        }
        // The weekend is remembered only into the next day of the same weekend.
        if !(d + 1 < weekendOf.count && weekend >= 0 && weekendOf[d + 1] == weekend) { next.weekendWorked = false }
        return (next, newWeekend)
    }
}
