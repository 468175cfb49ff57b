import Workforce

/// A first roster that keeps every hard rule, built person by person with the ``ScheduleOracle``.
///
/// People are scheduled in turn, those with the fewest shifts open to them first; each gets the
/// cheapest schedule of their own under their own costs (travel, preferences, changes, overtime)
/// plus what each shift is worth to the demand the people before them left open (a head short of
/// `min_staff`, hours uncovered, a head above `max_staff`). Then passes over everyone re-schedule
/// each person against all the others (with their current schedule as the incumbent, so a person's
/// cost never rises) until a pass changes nobody or the deadline comes. Every roster along the way
/// keeps every hard rule.
public struct FirstRoster: Sendable {
    public let index: CaseIndex
    /// Each person's rules, by person index.
    public let rules: [ScheduleRules]

    public init(_ index: CaseIndex) {
        self.index = index
        rules = index.case.staff.indices.map { ScheduleRules(index.candidates, person: $0) }
    }

    /// How building the first roster ended.
    public enum Outcome: Sendable {
        /// Every person has a schedule: the worked candidates (indices into ``Candidates/all``).
        case roster(Set<Int>)
        /// These people have no schedule that keeps their rules (proven).
        case noSchedule([Int])
        /// The oracle could not settle these people within its limits, or the deadline came first.
        case undecided([Int])
    }

    /// Builds the roster; passes of improvement run until `deadline` (none after the first without one).
    /// - Parameter passed: called after the first pass (0) and each pass of improvement with an
    ///   estimate of the objective (agency and fairness aside; uncovered hours at the cheaper of the
    ///   unmet-hour penalty and agency cover).
    public func build(deadline: ContinuousClock.Instant?, improvementPasses: Int = 20,
                      passed: (_ pass: Int, _ estimate: Double) -> Void = { _, _ in }) -> Outcome {
        let c = index.case
        let order = c.staff.indices.sorted { a, b in
            let x = rules[a].options.reduce(0) { $0 + $1.count }, y = rules[b].options.reduce(0) { $0 + $1.count }
            return (x, a) < (y, b)
        }
        let own = rules.map { ScheduleCosts(ownCostsOf: $0, in: index.candidates) }
        var ledger = CoverageLedger(index)
        var schedules = [PersonSchedule?](repeating: nil, count: c.staff.count)
        var proven: [Int] = [], undecided: [Int] = []
        func expired() -> Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

        func schedule(_ p: Int) -> ScheduleResult {
            var costs = own[p]
            for (d, options) in rules[p].options.enumerated() {
                for (o, i) in options.enumerated() { costs.shift[d][o] += ledger.value(of: i) }
            }
            return ScheduleOracle(rules[p]).cheapest(costs, incumbent: schedules[p], effort: .quick)
        }
        func record(_ p: Int, _ schedule: PersonSchedule, adding: Bool) {
            for (d, option) in schedule.choice.enumerated() {
                guard let option else { continue }
                if adding { ledger.add(rules[p].options[d][option]) } else { ledger.remove(rules[p].options[d][option]) }
            }
        }

        for p in order {
            if expired() {
                undecided.append(p)
                continue
            }
            switch schedule(p) {
            case .optimal(let found), .feasible(let found, _):
                schedules[p] = found
                record(p, found, adding: true)
            case .infeasible: proven.append(p)
            case .unknown: undecided.append(p)
            }
        }
        if !proven.isEmpty { return .noSchedule(proven.sorted()) }
        if !undecided.isEmpty { return .undecided(undecided.sorted()) }
        let contracted = c.staff.reduce(0.0) { $0 + $1.hourlyCost * $1.contractHours * c.weeks }
        func estimate() -> Double {
            contracted + ledger.penalties + c.staff.indices.reduce(0.0) { total, p in
                total + ScheduleOracle(rules[p]).cost(of: schedules[p]!.choice, own[p])
            }
        }
        passed(0, estimate())

        for pass in 0..<(deadline == nil ? 0 : improvementPasses) {
            var changed = false
            for p in order {
                if expired() { break }
                let current = schedules[p]!
                record(p, current, adding: false)
                if let better = schedule(p).schedule, better.choice != current.choice {
                    schedules[p] = better
                    changed = true
                }
                record(p, schedules[p]!, adding: true)
            }
            passed(pass + 1, estimate())
            if !changed || expired() { break }
        }
        var worked = Set<Int>()
        for (p, schedule) in schedules.enumerated() {
            for (d, option) in schedule!.choice.enumerated() {
                if let option { worked.insert(rules[p].options[d][option]) }
            }
        }
        return .roster(worked)
    }
}
