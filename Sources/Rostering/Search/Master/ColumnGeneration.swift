import LinearModel
import Workforce

/// Column generation around the master (``MasterProblem``): GLPK solves the master's linear
/// program; each person's schedule oracle, priced by its duals, offers new schedules (people priced
/// concurrently); the Lagrangian bound of the master (its value plus every person's lowest reduced
/// cost, taken from the oracle's lower bounds so it holds when pricing stops early) bounds the
/// roster optimum from below.
final class ColumnGeneration {
    let index: CaseIndex
    let master: MasterProblem
    let pricing: Pricing
    /// The best lower bound on the roster optimum found so far.
    private(set) var bound = -Double.infinity
    /// The master's last linear-programming value and primal values.
    private(set) var value: Double?
    private(set) var primal: [Double]?
    /// Whether the last pricing was exact for everyone and found nothing: the master's linear
    /// program is then solved over every schedule.
    private(set) var converged = false
    /// Whether some people are fixed (the master's value is then no bound).
    private var diving = false

    init(_ index: CaseIndex, first: [[Int?]], solver: any Solver, threads: Int) throws {
        self.index = index
        let c = index.case
        let fairness = c.settings.fairnessWeight > 0
        let rules = c.staff.indices.map { p in
            ScheduleRules(index.candidates, person: p, pricedWeekends: fairness && c.staff[p].contractHours > 0)
        }
        master = try MasterProblem(index, rules: rules, first: first, solver: solver)
        pricing = Pricing(threads: threads)
    }

    /// One round: solve the master's linear program, price everyone, add the schedules with a
    /// negative reduced cost. Returns how many were added (0 after an exact round: converged).
    @discardableResult
    func round(exact: Bool, people: [Int]? = nil, timeLimit: Double? = nil) throws -> Int {
        let result = try master.session.solve(timeLimit: timeLimit)
        guard let objective = result.objective, let duals = result.rowDuals, result.status == .optimal else { return 0 }
        value = objective
        primal = result.values
        let everyone = people == nil
        let people = people ?? Array(index.case.staff.indices)
        let costs = people.map { master.pricing($0, duals: duals) }
        let rules = master.rules
        let incumbents = people.enumerated().map { position, p in master.schedules(of: p).min { a, b in
            ScheduleOracle(rules[p]).cost(of: a, costs[position]) < ScheduleOracle(rules[p]).cost(of: b, costs[position])
        }.map { PersonSchedule(choice: $0, cost: 0) } }
        let effort: ScheduleOracle.Effort = exact ? .exact : .quick
        let found = pricing.map(Array(people.indices)) { position in
            ScheduleOracle(rules[people[position]]).cheapest(costs[position], incumbent: incumbents[position], effort: effort)
        }
        var added = 0, lowest = 0.0
        for (position, p) in people.enumerated() {
            let convexity = duals[master.convexity[p].index]
            lowest += min(0, found[position].bound - convexity)
            if let schedule = found[position].schedule, schedule.cost - convexity < -1e-6 * max(1, abs(convexity)) {
                let before = master.schedules.count
                try master.add(person: p, schedule.choice)
                if master.schedules.count > before { added += 1 }
            }
        }
        // The bound holds only when everyone was priced and nothing is fixed.
        if everyone && !diving { bound = max(bound, objective + lowest) }
        converged = everyone && exact && added == 0
        return added
    }
}

extension ColumnGeneration {
    /// The master as a mixed-integer program over the generated schedules (one per person, whole
    /// agency shifts).
    private var integerModel: LinearModel {
        var model = master.session.model
        for (_, _, column) in master.schedules {
            model.setKind(column, .binary)
            model.setBounds(column, lower: 0, upper: 1)
        }
        for column in master.agency.values { model.setKind(column, .integer) }
        return model
    }

    /// The objective of the roster made of these schedules (one per person; added to the master if
    /// new), with its care split, agency shifts and penalties at their best: the master with the
    /// schedules fixed, solved. Also returns the values of the master's columns.
    func evaluate(_ choices: [[Int?]], solver: any Solver, timeLimit: Double?) throws -> (objective: Double, values: [Double])? {
        for (p, choice) in choices.enumerated() { try master.add(person: p, choice) }
        var fixed = integerModel
        let chosen = Set(choices.enumerated().compactMap { master.position(person: $0.offset, $0.element) })
        for (position, schedule) in master.schedules.enumerated() {
            let value: Double = chosen.contains(position) ? 1 : 0
            fixed.setBounds(schedule.column, lower: value, upper: value)
        }
        let result = try solver.solve(fixed, options: SolveOptions(timeLimit: timeLimit, relativeGap: 1e-6))
        guard let values = result.values else { return nil }
        return (fixed.objectiveValue(values), values)
    }

    /// The best roster made of the generated schedules: the master as a mixed-integer program over
    /// them, solved by GLPK from `start` (a schedule for each person). Returns each person's schedule
    /// and the roster's objective.
    func integerRoster(start: [[Int?]], solver: any Solver, timeLimit: Double?) throws -> (choices: [[Int?]], objective: Double)? {
        let clock = ContinuousClock(), started = clock.now
        guard let (_, values) = try evaluate(start, solver: solver, timeLimit: timeLimit) else { return nil }
        let model = integerModel
        let left = timeLimit.map { max(0, $0 - seconds(clock.now - started)) }
        let result = try solver.solve(model, options: SolveOptions(timeLimit: left, relativeGap: 1e-9, startingSolution: values))
        let best = result.values ?? values
        var choices = start
        for schedule in master.schedules where best[schedule.column.index] > 0.5 { choices[schedule.person] = schedule.choice }
        return (choices, model.objectiveValue(best))
    }

    /// Each person's schedule of largest share in the master's last solution: a roster at once.
    var largestShares: [[Int?]]? {
        guard let primal else { return nil }
        var best: [Int: (choice: [Int?], share: Double)] = [:]
        for schedule in master.schedules {
            let share = schedule.column.index < primal.count ? primal[schedule.column.index] : 0
            if share > (best[schedule.person]?.share ?? -1) { best[schedule.person] = (schedule.choice, share) }
        }
        return index.case.staff.indices.map { best[$0]?.choice ?? master.schedules(of: $0)[0] }
    }
}

extension ColumnGeneration {
    /// Rounds until the master's linear program is solved over every schedule (an exact round adds
    /// nothing), `rounds` rounds pass, or the deadline comes. `people` limits pricing (fixed people
    /// need no new schedules).
    /// - Parameter roundDone: called after each round with the master's value and the bound.
    func settle(rounds: Int = .max, people: [Int]? = nil, exact: Bool = true, deadline: ContinuousClock.Instant?,
                roundDone: (_ value: Double, _ bound: Double) -> Void = { _, _ in }) throws {
        var count = 0
        while count < rounds, deadline.map({ ContinuousClock.now < $0 }) ?? true {
            count += 1
            let added = try round(exact: false, people: people)
            roundDone(value ?? .infinity, bound)
            if added > 0 { continue }
            if !exact { return }
            if try round(exact: true, people: people) == 0 { return }
        }
    }

    /// Diving: settle the master, then fix the people whose schedule is (nearly) whole in its
    /// solution (at least the one closest to whole), settle again with new schedules priced around
    /// them, until everyone is fixed. Any one schedule per person is a roster that keeps every hard
    /// rule, so when the deadline comes each person left takes their schedule of largest share.
    /// The fixings are undone afterwards.
    func dive(deadline: ContinuousClock.Instant?, roundsPerStep: Int = 10) throws -> [[Int?]] {
        let people = index.case.staff.count
        var fixed: [Int: Int] = [:]
        diving = true
        defer {
            diving = false
            for position in fixed.values { try? master.session.setBounds(master.schedules[position].column, lower: 0, upper: .infinity) }
        }
        while fixed.count < people {
            let open = (0..<people).filter { fixed[$0] == nil }
            let expired = deadline.map { ContinuousClock.now >= $0 } ?? false
            if !expired { try settle(rounds: roundsPerStep, people: open, exact: false, deadline: deadline) }
            guard let primal else { break }
            // Each open person's schedule of largest share.
            var largest: [Int: (position: Int, share: Double)] = [:]
            for (position, schedule) in master.schedules.enumerated() where fixed[schedule.person] == nil {
                let share = schedule.column.index < primal.count ? primal[schedule.column.index] : 0
                if share > (largest[schedule.person]?.share ?? -1) { largest[schedule.person] = (position, share) }
            }
            // Whole (or nearly) schedules are fixed together; otherwise the tenth of people whose
            // schedule has the largest share.
            var chosen = largest.filter { $0.value.share >= 0.9 || expired }
            if chosen.isEmpty {
                let order = largest.sorted { ($0.value.share, -$0.key) > ($1.value.share, -$1.key) }
                for (person, pick) in order.prefix(max(1, open.count / 10)) { chosen[person] = pick }
            }
            if chosen.isEmpty { break }
            for (person, pick) in chosen {
                fixed[person] = pick.position
                try master.session.setBounds(master.schedules[pick.position].column, lower: 1, upper: .infinity)
            }
        }
        return (0..<people).map { p in fixed[p].map { master.schedules[$0].choice } ?? master.schedules(of: p)[0] }
    }
}
