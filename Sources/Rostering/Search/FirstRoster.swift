import Workforce

/// A first roster that keeps every hard rule, built person by person with the ``ScheduleOracle``,
/// and improved the same way.
///
/// People are scheduled in groups, those with the fewest shifts open to them first; each gets the
/// cheapest schedule of their own under their own costs (travel, preferences, changes, overtime)
/// plus what each shift is worth to the demand the people before their group left open (a head
/// short of `min_staff`, hours uncovered, a head above `max_staff`).
/// ``improve(_:deadline:passes:effort:sideways:emphasis:passed:stopped:)`` re-schedules each
/// person against all the others in passes. Every roster along the way keeps every hard rule.
public struct FirstRoster: Sendable {
    public let index: CaseIndex
    /// Each person's rules, by person index.
    public let rules: [ScheduleRules]

    /// Threads for scheduling several people at once.
    public private(set) var threads: Int
    /// People scheduled together in the first pass.
    static let groupSize = 4
    /// Most passes of ``improve(_:deadline:passes:effort:sideways:emphasis:passed:stopped:)`` unless told otherwise.
    public static let defaultPasses = 20

    public init(_ index: CaseIndex, threads: Int = 1) {
        self.index = index
        self.threads = max(1, threads)
        rules = ParallelWork(threads: threads).map(Array(index.case.staff.indices)) {
            ScheduleRules(index.candidates, person: $0)
        }
    }

    /// The same builder and improver on `threads` threads (its rosters do not depend on them).
    func on(threads: Int) -> FirstRoster {
        var copy = self
        copy.threads = max(1, threads)
        return copy
    }

    /// How building the first roster ended.
    public enum Outcome: Sendable {
        /// Every person has a schedule: each person's choices (see ``PersonSchedule/choice``).
        case roster([[Int?]])
        /// These people have no schedule that keeps their rules (proven).
        case noSchedule([Int])
        /// The oracle could not settle these people within its limits, or the deadline came first.
        case undecided([Int])
    }

    /// Builds the roster: everyone scheduled once, in turn.
    /// People are scheduled in groups of ``groupSize`` (on up to that many threads at once), each
    /// against the people scheduled before their group; the groups do not depend on the number of
    /// threads, so neither does the roster.
    public func build(deadline: ContinuousClock.Instant?) -> Outcome {
        var descent = Descent(self)
        var proven: [Int] = []
        var undecided: [Int] = []
        let order = self.order
        let rules = self.rules
        for start in stride(from: 0, to: order.count, by: Self.groupSize) {
            let group = Array(order[start..<min(order.count, start + Self.groupSize)])
            if SearchStop.reached(deadline) {
                undecided += group
                continue
            }
            let costs = group.map { descent.costs($0) }
            let found = ParallelWork(threads: threads).map(Array(group.indices)) { position in
                ScheduleOracle(rules[group[position]]).cheapest(costs[position], effort: .quick, deadline: deadline)
            }
            for (position, p) in group.enumerated() {
                switch found[position] {
                case .optimal(let schedule), .feasible(let schedule, _): descent.set(p, schedule)
                case .infeasible: proven.append(p)
                case .unknown: undecided.append(p)
                }
            }
        }
        if !proven.isEmpty { return .noSchedule(proven.sorted()) }
        if !undecided.isEmpty { return .undecided(undecided.sorted()) }
        return .roster(descent.choices)
    }

    /// Improves a roster person by person: each person re-scheduled against everyone else (their own
    /// schedule the incumbent, so no one's cost rises), pass after pass until a pass changes nobody,
    /// `passes` passes are done or the deadline comes. People are re-scheduled in groups of
    /// ``groupSize`` on up to that many threads, each against the roster before their group; a new
    /// schedule is then kept only if it still beats the person's own against the roster as the group's
    /// earlier people left it, so every change lowers the objective's estimate. The groups do not
    /// depend on the number of threads, so neither does the roster. A person the oracle left as they
    /// were is passed over while their costs since have moved only in their schedule's favour
    /// (``ScheduleCosts/favours(_:since:)``): the oracle would find what it found. On instance 23's
    /// roster at 300 s, 90 s of sideways passes made 15 of them instead of 8, to the same rosters.
    /// - Parameter passed: called after each pass with an estimate of the objective (agency and
    ///   fairness aside; uncovered hours at the cheaper of the unmet-hour penalty and agency cover).
    /// - Parameter effort: how hard the oracle searches each person's schedule.
    /// - Parameter seed: makes the first pass a sideways one, drawn from `seed`: each person's costs
    ///   tilted (``tilt(_:seed:)``), and a schedule kept when it costs at most ``tiltTotal`` more than
    ///   the person's own, so that people move among schedules of (about) equal cost.
    /// - Parameter emphasis: makes the first pass a guided one: each short demand row's shortfall
    ///   weighs `1 + emphasis[row]` times (``CoverageLedger/value(of:emphasis:)``) in the costs the
    ///   people see, so that one may take a shift there and leave one that someone else then takes.
    /// - Parameter stopped: ends the passes early once it is true (their roster is no longer wanted).
    public func improve(
        _ choices: [[Int?]], deadline: ContinuousClock.Instant?, passes: Int = defaultPasses,
        effort: ScheduleOracle.Effort = .quick, sideways seed: UInt64? = nil, emphasis: [DemandKey: Double] = [:],
        passed: (_ pass: Int, _ estimate: Double) -> Void = { _, _ in }, stopped: () -> Bool = { false }
    ) -> [[Int?]] {
        var descent = Descent(self)
        for (p, choice) in choices.enumerated() {
            descent.set(p, PersonSchedule(choice: choice, cost: 0))
        }
        let order = self.order
        let rules = self.rules
        let work = ParallelWork(threads: threads)
        // The costs at which each person's own schedule was last found cheapest. While their costs
        // since have moved only for the schedule (``ScheduleCosts/favours(_:since:)``), the person is
        // passed over: the oracle is deterministic, and no schedule gained on theirs.
        var settled = [ScheduleCosts?](repeating: nil, count: rules.count)
        for pass in 0..<passes {
            var changed = false
            for start in stride(from: 0, to: order.count, by: Self.groupSize) {
                if SearchStop.reached(deadline) || stopped() { break }
                let group = Array(order[start..<min(order.count, start + Self.groupSize)])
                let current = group.map { descent.schedules[$0]! }
                let sideways = pass == 0 ? seed : nil
                let stress = pass == 0 ? emphasis : [:]
                let costs = group.map { p in
                    var costs = descent.costs(without: p, emphasis: stress)
                    if let sideways { Self.tilt(&costs, seed: sideways &+ UInt64(p) &* 0x9E37_79B9) }
                    return costs
                }
                let passedOver = group.indices.map { position in
                    settled[group[position]].map { costs[position].favours(current[position].choice, since: $0) }
                        ?? false
                }
                let found = work.map(Array(group.indices)) { position -> PersonSchedule? in
                    guard !passedOver[position] else { return nil }
                    return ScheduleOracle(rules[group[position]]).cheapest(
                        costs[position], incumbent: current[position], effort: effort, deadline: deadline
                    ).schedule
                }
                var moved = false
                for (position, p) in group.enumerated() {
                    guard let better = found[position], better.choice != current[position].choice else {
                        if !passedOver[position], !SearchStop.reached(deadline) { settled[p] = costs[position] }
                        continue
                    }
                    settled[p] = nil
                    // The costs the oracle saw, unless someone earlier in the group has moved since.
                    let now = moved ? descent.costs(without: p, emphasis: stress) : costs[position]
                    let oracle = ScheduleOracle(rules[p])
                    let gain = oracle.cost(of: current[position].choice, now) - oracle.cost(of: better.choice, now)
                    let least = sideways == nil ? 1e-9 * max(1, abs(better.cost)) : -Self.tiltTotal
                    guard gain > least else { continue }
                    descent.set(p, better)
                    changed = true
                    moved = true
                }
            }
            passed(pass + 1, descent.estimate)
            if !changed || SearchStop.reached(deadline) || stopped() { break }
        }
        return descent.choices
    }

    /// The most a sideways pass's tilt adds to a schedule's cost.
    static let tiltTotal = 0.01

    /// Adds to each of a person's shift costs a draw in [0, ``tiltTotal`` / days): a schedule's cost
    /// rises by less than ``tiltTotal``, and among schedules of equal cost one is cheapest.
    static func tilt(_ costs: inout ScheduleCosts, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let most = tiltTotal / Double(max(1, costs.shift.count))
        for d in costs.shift.indices {
            for o in costs.shift[d].indices { costs.shift[d][o] += most * Double(random.next() >> 11) / 0x1p53 }
        }
    }

    /// People in the order they are scheduled: fewest shifts open to them first.
    var order: [Int] {
        index.case.staff.indices.sorted { a, b in
            let x = rules[a].options.reduce(0) { $0 + $1.count }
            let y = rules[b].options.reduce(0) { $0 + $1.count }
            return (x, a) < (y, b)
        }
    }

    /// People's schedules and what they give to demand, one person changed at a time.
    struct Descent: Sendable {
        let roster: FirstRoster
        let own: [ScheduleCosts]
        var ledger: CoverageLedger
        var schedules: [PersonSchedule?]

        init(_ roster: FirstRoster) {
            self.roster = roster
            own = roster.rules.map { ScheduleCosts(ownCostsOf: $0, in: roster.index.candidates) }
            ledger = CoverageLedger(roster.index)
            schedules = Array(repeating: nil, count: roster.rules.count)
        }

        /// Person `p`'s costs against everyone else as recorded, short rows weighed as `emphasis` says
        /// (``CoverageLedger/value(of:emphasis:)``).
        func costs(_ p: Int, emphasis: [DemandKey: Double] = [:]) -> ScheduleCosts {
            var costs = own[p]
            for (d, options) in roster.rules[p].options.enumerated() {
                for (o, i) in options.enumerated() { costs.shift[d][o] += ledger.value(of: i, emphasis: emphasis) }
            }
            return costs
        }

        /// Person `p`'s costs against everyone else as recorded, their own schedule left out.
        mutating func costs(without p: Int, emphasis: [DemandKey: Double] = [:]) -> ScheduleCosts {
            guard let own = schedules[p] else { return costs(p, emphasis: emphasis) }
            clear(p)
            defer { set(p, own) }
            return costs(p, emphasis: emphasis)
        }

        mutating func set(_ p: Int, _ schedule: PersonSchedule) {
            clear(p)
            schedules[p] = schedule
            for (d, option) in schedule.choice.enumerated() {
                if let option { ledger.add(roster.rules[p].options[d][option]) }
            }
        }

        mutating func clear(_ p: Int) {
            guard let schedule = schedules[p] else { return }
            for (d, option) in schedule.choice.enumerated() {
                if let option { ledger.remove(roster.rules[p].options[d][option]) }
            }
            schedules[p] = nil
        }

        var choices: [[Int?]] { schedules.map { $0?.choice ?? [] } }

        var estimate: Double {
            let c = roster.index.case
            return c.staff.reduce(0.0) { $0 + $1.hourlyCost * $1.contractHours * c.weeks } + ledger.penalties
                + c.staff.indices.reduce(0.0) { total, p in
                    total + (schedules[p].map { ScheduleOracle(roster.rules[p]).cost(of: $0.choice, own[p]) } ?? 0)
                }
        }
    }

    /// Each person's schedule in a roster (e.g. the baseline), or `nil` for a person whose rows are
    /// not all candidate shifts of theirs or break one of their hard rules.
    public func choices(of assignments: [Assignment]) -> [[Int?]?] {
        let c = index.case
        let candidates = index.candidates
        let evaluator = Evaluator(c)
        var rows = Array(repeating: [Assignment](), count: c.staff.count)
        for row in assignments { if let p = candidates.staffIndex[row.staffID] { rows[p].append(row) } }
        return c.staff.indices.map { p in
            var choice = [Int?](repeating: nil, count: c.days.count)
            for row in rows[p] {
                guard let d = candidates.dayIndex[row.day], let s = candidates.shiftIndex[row.shiftID],
                    let l = candidates.localityIndex[row.localityID],
                    let i = candidates.index[Candidate(person: p, day: d, shift: s, locality: l)],
                    let option = rules[p].options[d].firstIndex(of: i), choice[d] == nil
                else { return nil }
                choice[d] = option
            }
            let broken = evaluator.check(c.staff[p], rows[p]).violations
            let pins = Evaluator(c).evaluate(Roster(assignments: rows[p])).violations.filter {
                $0.rule == .pinned && $0.staffID == c.staff[p].id
            }
            return broken.isEmpty && pins.isEmpty ? choice : nil
        }
    }

    /// The demand rows people's schedules leave short (``CoverageLedger/shortKeys``), their shifts
    /// recorded in the order a ``Descent`` records them (the care split follows that order).
    func shortKeys(_ choices: [[Int?]]) -> [DemandKey] {
        var ledger = CoverageLedger(index)
        for (p, choice) in choices.enumerated() {
            for (d, option) in choice.enumerated() {
                if let option { ledger.add(rules[p].options[d][option]) }
            }
        }
        return ledger.shortKeys
    }

    /// The candidates (indices into ``Candidates/all``) worked in people's schedules.
    public func worked(_ choices: [[Int?]]) -> Set<Int> { Self.worked(choices, rules: rules) }

    /// The candidates (indices into ``Candidates/all``) worked in people's schedules, options of `rules`.
    static func worked(_ choices: [[Int?]], rules: [ScheduleRules]) -> Set<Int> {
        var worked = Set<Int>()
        for (p, choice) in choices.enumerated() {
            for (d, option) in choice.enumerated() {
                if let option { worked.insert(rules[p].options[d][option]) }
            }
        }
        return worked
    }
}
