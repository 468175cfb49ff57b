import LinearModel
import Workforce

/// Column generation around the master (``MasterProblem``): GLPK solves the master's linear
/// program; each person's schedule oracle, priced by its duals, offers new schedules (people priced
/// concurrently); the Lagrangian bound of the master (its value plus every person's lowest reduced
/// cost, taken from the oracle's lower bounds so it holds when pricing stops early) bounds the
/// roster optimum from below.
///
/// Integer rosters come from diving on assignments: what each person works each day, fixed where
/// the master's solution (nearly) agrees, schedules that disagree ruled out, and new schedules priced
/// around the fixings, until every person's schedule is whole.
final class ColumnGeneration {
    let index: CaseIndex
    let master: MasterProblem
    let pricing: ParallelWork
    /// The best lower bound on the roster optimum found so far.
    private(set) var bound = -Double.infinity
    /// The master's last linear-programming value and primal values.
    private(set) var value: Double?
    private(set) var primal: [Double]?
    /// Whether the last round priced everyone, found nothing, and proved it: every person's oracle
    /// ended with their cheapest schedule or with no schedule at all (``ScheduleResult/isProven``),
    /// not cut short by its label budget or the deadline. The master's linear program is then solved
    /// over every schedule.
    private(set) var converged = false
    /// How long the last quick round of ``settle(rounds:people:exact:deadline:roundDone:)`` took (the
    /// exact rounds that may follow it apart).
    private(set) var quickRoundSeconds: Double?
    /// Schedules offered per person per round besides the cheapest.
    var alternatives = 3
    /// Rounds in a row a schedule may go unused, priced out of the master's solution, before it
    /// rests (``MasterProblem/resting``); `nil`: never. GLPK's simplex time per round grows with the
    /// master's columns (instance 13: 0.03 s at 600 schedules, 1.9 s at 7,300, where most were used
    /// for a round or two, if at all).
    var restAfter: Int?
    /// The rounds after which unused schedules rest where resting applies: with one or two, schedules
    /// rest and are priced back in turn (instance 13's master at 20 s: 4145 and 3389 against 2835
    /// with five, 2940 with ten, 2979 without resting).
    static let restingRounds = 5
    /// How far pricing's duals lean from the master's towards the stability centre's, in [0, 1): 0
    /// prices at the master's own duals. The duals of a master far from its optimum swing from
    /// round to round (instance 21's Lagrangian bound stayed below −200,000 for 60 s while its value
    /// fell from 70,648 to 35,590); smoothing them (Wentges) steadies the schedules offered.
    var smoothing = 0.5
    /// Rounds pricing everyone in a row that leave the stability centre where it was, after which
    /// smoothing pauses: rounds price at the master's own duals until the Lagrangian function rises
    /// above the centre's value, which moves the centre there, and smoothing resumes. Quick pricing's
    /// bounds are weak, so the centre can stay put for many rounds while the master moves on, and
    /// smoothing then leans towards stale duals: instance 13's centre stayed put from 35 s to 100 s
    /// of a 300 s run, and its roster was 2774 and 2861 in two runs, 1776 with a pause after 20
    /// rounds and 1901 after 5. After 5 rounds, instance 14's pause came at its 12th round, its master
    /// stalled at 1480 where smoothing took it to 1343, and its roster was 1330–1342 at 60 s against
    /// 1303; after 20, 1317. Instance 8's master now settles (1296.6, where it stopped at 1305.4), and
    /// its dives from there found 1323–1499 until they aimed below the best roster (``Dives``).
    var smoothingPatience = 20
    /// The duals at which the Lagrangian function was highest so far, and that value.
    private var centre: (duals: [Double], value: Double)?
    /// Rounds pricing everyone in a row that left the centre where it was.
    private var staleRounds = 0
    /// The master's Lagrangian function, for the bound at smoothed duals.
    private let lagrangian: MasterLagrangian
    /// Rounds in a row each schedule has gone unused and priced out (positions in the master's schedules).
    private var idle: [Int] = []
    /// Diving's fixings: `fixed[person][day]` is ``free``, ``dayOff`` or the option fixed.
    private var fixed: [[Int]]
    /// Diving's barred assignments: `barred[person][day]` holds the choices (``dayOff`` or an option)
    /// a dive has ruled out for that day.
    private var barred: [[Set<Int>]]
    /// How many steps the last dive took back (``dive(_:deadline:cutoff:)``).
    private(set) var takenBack = 0
    /// Whether the last dive was given up, its pace too slow to end by its deadline (``DiveProgress``).
    private(set) var gaveUp = false
    /// Schedules ruled out by the fixings (positions in the master's schedules).
    private var ruledOut = Set<Int>()
    static let free = -2, dayOff = -1
    /// What a dive fixes at each step.
    enum Dive: Sendable, Equatable {
        /// Every (person, day) whose choice is nearly whole; when none is, one open assignment in
        /// `fraction` (each person's likeliest, the likeliest people first).
        case assignments(fraction: Int)
        /// Every person whose schedule is nearly whole; when none is, the person whose schedule has
        /// the largest share.
        case schedules
    }

    /// - Parameter rules: each person's rules (remade here for people whose weekends fairness prices).
    init(_ index: CaseIndex, rules: [ScheduleRules], first: [[Int?]], solver: any Solver, threads: Int) throws {
        self.index = index
        let c = index.case
        let fairness = c.settings.fairnessWeight > 0
        pricing = ParallelWork(threads: threads)
        let rules = pricing.map(Array(c.staff.indices)) { p in
            fairness && c.staff[p].contractHours > 0 && !rules[p].countsWeekends
                ? ScheduleRules(index.candidates, person: p, pricedWeekends: true) : rules[p]
        }
        master = try MasterProblem(index, rules: rules, first: first, solver: solver)
        lagrangian = MasterLagrangian(master)
        fixed = rules.map { Array(repeating: Self.free, count: $0.options.count) }
        barred = rules.map { Array(repeating: [], count: $0.options.count) }
    }

    /// Whether some assignments are fixed or barred (the master's value is then no bound).
    private var diving: Bool {
        !ruledOut.isEmpty || fixed.contains { $0.contains { $0 != Self.free } }
            || barred.contains { $0.contains { !$0.isEmpty } }
    }

    /// Whether a schedule keeps person `p`'s fixings and avoids their barred assignments.
    private func fits(_ choice: [Int?], _ p: Int) -> Bool {
        for (d, fixing) in fixed[p].enumerated() {
            let chosen = choice[d] ?? Self.dayOff
            if (fixing != Self.free && chosen != fixing) || barred[p][d].contains(chosen) { return false }
        }
        return true
    }

    /// One round: solve the master's linear program, price everyone (or `people`), add the schedules
    /// with a negative reduced cost. Returns how many were added (``converged`` says whether adding
    /// none was proved). `labelBudget` limits an exact round's search.
    ///
    /// Pricing everyone outside a dive is smoothed (``smoothing``) unless smoothing has paused
    /// (``smoothingPatience``): people are priced at duals between the master's and the stability
    /// centre's, and only schedules with a negative reduced cost at the master's own duals join. A
    /// smoothed round that adds none is priced again at the master's duals, so a round adds nothing
    /// only when nothing prices out there, as without smoothing.
    @discardableResult
    func round(
        exact: Bool, labelBudget: Int = ScheduleOracle.defaultLabelBudget, people: [Int]? = nil,
        deadline: ContinuousClock.Instant? = nil
    ) throws -> Int {
        converged = false
        let result = try master.session.solve(timeLimit: SearchStop.secondsLeft(until: deadline))
        guard let objective = result.objective, let duals = result.rowDuals, result.status == .optimal else { return 0 }
        value = objective
        primal = result.values
        if !diving, let restAfter, let values = result.values, let reduced = result.reducedCosts {
            try restUnused(after: restAfter, values: values, reducedCosts: reduced)
        }
        let everyone = Array(index.case.staff.indices)
        let centred = centre?.value
        defer { if people == nil && !diving { staleRounds = centre?.value == centred ? staleRounds + 1 : 0 } }
        if people == nil, !diving, smoothing > 0, staleRounds < smoothingPatience, let centre {
            let mixed = zip(centre.duals, duals).map { smoothing * $0 + (1 - smoothing) * $1 }
            let smoothed = try price(
                everyone, at: mixed, joining: duals, exact: exact, labelBudget: labelBudget, deadline: deadline)
            if smoothed.added > 0 { return smoothed.added }
        }
        let priced = try price(
            people ?? everyone, at: duals, exact: exact, labelBudget: labelBudget, deadline: deadline)
        converged = people == nil && priced.added == 0 && priced.proven
        return priced.added
    }

    /// Prices `people` at `duals` (a dual per row of the master) and adds the schedules found whose
    /// reduced cost at `joining` (the master's own duals; `nil`: `duals` are) is negative; returns how
    /// many joined and whether every person's oracle proved its answer. When everyone is priced
    /// outside a dive, the Lagrangian function at `duals` (``MasterLagrangian``) raises the bound, and
    /// the duals become the stability centre when it is the highest yet.
    private func price(
        _ people: [Int], at duals: [Double], joining: [Double]? = nil, exact: Bool, labelBudget: Int,
        deadline: ContinuousClock.Instant?
    ) throws -> (added: Int, proven: Bool) {
        func costs(_ p: Int, _ duals: [Double]) -> ScheduleCosts {
            var costs = master.pricing(p, duals: duals)
            // A fixing is kept by pricing everything else out of that day.
            for (d, fixing) in fixed[p].enumerated() where fixing != Self.free {
                if fixing != Self.dayOff { costs.dayOff[d] += MasterProblem.prohibitive }
                for o in costs.shift[d].indices where o != fixing { costs.shift[d][o] += MasterProblem.prohibitive }
            }
            for (d, choices) in barred[p].enumerated() {
                for choice in choices {
                    if choice == Self.dayOff {
                        costs.dayOff[d] += MasterProblem.prohibitive
                    } else {
                        costs.shift[d][choice] += MasterProblem.prohibitive
                    }
                }
            }
            return costs
        }
        let priced = people.map { costs($0, duals) }
        let reduced = joining.map { joining in people.map { costs($0, joining) } } ?? priced
        let joining = joining ?? duals
        let rules = master.rules
        let found = cheapest(
            people, at: priced, effort: exact ? .exact : .quick, labelBudget: labelBudget,
            alternatives: alternatives, deadline: deadline)
        var added = 0
        for (position, p) in people.enumerated() {
            let convexity = joining[master.convexity[p].index]
            let offered = (found[position].result.schedule.map { [$0] } ?? []) + found[position].alternatives
            for schedule in offered {
                let cost = ScheduleOracle(rules[p]).cost(of: schedule.choice, reduced[position])
                guard cost - convexity < -1e-6 * max(1, abs(convexity)), fits(schedule.choice, p) else { continue }
                // A schedule joins when new or woken from rest.
                let before = master.activeCount
                try master.add(person: p, schedule.choice)
                if master.activeCount > before { added += 1 }
            }
        }
        // The bound holds only when everyone was priced and nothing is fixed.
        if people.count == index.case.staff.count && !diving { raiseBound(at: duals, found.map(\.result.bound)) }
        return (added, found.allSatisfy(\.result.isProven))
    }

    /// Raises the bound to the Lagrangian function at `duals`, given a lower bound on each person's
    /// cheapest schedule there, and makes the duals the stability centre when it is the highest yet.
    private func raiseBound(at duals: [Double], _ cheapest: [Double]) {
        let value = lagrangian.value(at: duals, cheapest: cheapest)
        bound = max(bound, master.objectiveIsWhole ? (value - 1e-6).rounded(.up) : value)
        if value > centre?.value ?? -.infinity { centre = (duals, value) }
    }

    /// The oracle's answers for `people` at their schedule costs `priced` (by position in `people`),
    /// priced concurrently, each person's cheapest schedule in the master their incumbent.
    private func cheapest(
        _ people: [Int], at priced: [ScheduleCosts], effort: ScheduleOracle.Effort, labelBudget: Int,
        alternatives: Int, deadline: ContinuousClock.Instant?
    ) -> [(result: ScheduleResult, alternatives: [PersonSchedule])] {
        let rules = master.rules
        // Each person's cheapest schedule in the master, each schedule costed once.
        let incumbents = people.enumerated().map { position, p in
            let oracle = ScheduleOracle(rules[p])
            return master.schedules(of: p).map { ($0, oracle.cost(of: $0, priced[position])) }
                .min { $0.1 < $1.1 }.map { PersonSchedule(choice: $0.0, cost: 0) }
        }
        return pricing.map(Array(people.indices)) { position in
            var oracle = ScheduleOracle(rules[people[position]], labelBudget: labelBudget)
            oracle.boundsOvertime = true
            return oracle.cheapest(
                priced[position], incumbent: incumbents[position], effort: effort, alternatives: alternatives,
                deadline: deadline)
        }
    }

    /// Subgradient steps on the master's Lagrangian function (``MasterLagrangian``) from the
    /// stability centre, each pricing everyone (quickly) at its duals without solving the master:
    /// the bound at the pace of pricing where the master's re-solves are slow (the generated
    /// 1,000-staff case: 7 s a re-solve at 12,000 schedules, 1.5 s to price everyone). Each step
    /// moves `λ × (target − L̃) / |g|²` along g (Polyak's step), where L̃ is the function at the
    /// schedules the oracle found (not always the cheapest: L̃ is at least L), g its subgradient
    /// there, and `target` is at least the master's optimum (the best roster's objective). λ starts
    /// at 1 and halves after ``ascentPatience`` steps without a higher L̃; the steps end when it is
    /// below ``leastAscentStep`` or at the deadline. Each step raises the bound, and moves the centre
    /// where L is the highest yet; no schedule joins the master. Outside a dive, after a round.
    /// - Parameter stepDone: called after each step with the bound; `false` ends the steps.
    func ascend(target: Double, deadline: ContinuousClock.Instant?, stepDone: (_ bound: Double) -> Bool = { _ in true })
    {
        guard !diving, var duals = centre?.duals else { return }
        let everyone = Array(index.case.staff.indices)
        let rules = master.rules
        var (step, best, idle) = (1.0, -Double.infinity, 0)
        var last: (duals: [Double], gradient: [Double], scale: Double)?
        while step >= Self.leastAscentStep, !SearchStop.reached(deadline) {
            let priced = everyone.map { master.pricing($0, duals: duals) }
            let found = cheapest(
                everyone, at: priced, effort: .quick, labelBudget: ScheduleOracle.defaultLabelBudget, alternatives: 0,
                deadline: deadline)
            // Past the deadline the oracle's answers prove nothing.
            if SearchStop.reached(deadline) { return }
            raiseBound(at: duals, found.map(\.result.bound))
            if !stepDone(bound) { return }
            var costs: [Double] = []
            var entries: [[(row: RowHandle, coefficient: Double)]] = []
            for p in everyone {
                guard let schedule = found[p].result.schedule else { return }
                costs.append(ScheduleOracle(rules[p]).cost(of: schedule.choice, priced[p]))
                entries.append(master.entries(person: p, schedule.choice))
            }
            let reached = lagrangian.value(at: duals, cheapest: costs)
            guard reached.isFinite || last != nil else { return }
            if reached > best {
                (best, idle) = (reached, 0)
            } else {
                idle += 1
                if idle >= Self.ascentPatience || !reached.isFinite { (step, idle) = (step / 2, 0) }
            }
            if reached.isFinite {
                let gradient = lagrangian.subgradient(at: duals, schedules: entries)
                let norm = gradient.reduce(0) { $0 + $1 * $1 }
                guard norm > 0, target > reached else { return }
                last = (duals, gradient, (target - reached) / norm)
            }
            // Where L is not finite (a column unbounded with several entries, which
            // ``MasterLagrangian/moved(_:along:step:)`` leaves out), a shorter step from the last duals where it was.
            guard let last else { return }
            duals = lagrangian.moved(last.duals, along: last.gradient, step: step * last.scale)
        }
    }

    /// Steps of ``ascend(target:deadline:stepDone:)`` without a higher value after which its step
    /// halves.
    static let ascentPatience = 3
    /// The step of ``ascend(target:deadline:stepDone:)`` below which it ends.
    static let leastAscentStep = 1.0 / 1024

    /// What follows a quick round.
    enum AfterQuickRound: Equatable {
        case quickRound
        /// An exact round on the smaller label budget that follows a stalled quick round
        /// (``stalledLabelBudget``).
        case budgetedExactRound
        case exactRound
        case stop
    }

    /// A quick round that adds fewer schedules than one in this many of the people priced has
    /// stalled. Quick pricing stalls before the master is solved: on instance 17 its rounds fell to
    /// 2–9 schedules for 50 people while the master's value barely moved, and an exact round after
    /// each such round added 74–83 and raised the bound; on 14 each added 54–99 where the quick
    /// rounds between added 1–10. At 60 s: 14 1380 → 1310, 18 4630 → 4534, 13 4775 → 4573, 17's
    /// bound 0 → 3424; 8 1308 → 1316 and 20 7248 → 7396 on other paths.
    static let stalling = 4

    /// The label budget of the exact round after a stalled quick one: a hundredth of the oracle's. With the
    /// whole budget, or a tenth, one such round on instance 14 ran 11.7 s, to the end of the master's
    /// share, where its quick rounds took 0.1 s, and its master lost the time its dives needed (roster
    /// 1345 → 1790 and 1983 at 60 s); with a hundredth, 0.6–0.8 s, adding 54–99 schedules (1310).
    /// Such a round may give up before it finds a person's cheapest schedule (its bound still holds):
    /// when it adds nothing without proving it (``converged``), an exact round on the whole budget follows.
    static let stalledLabelBudget = ScheduleOracle.defaultLabelBudget / 100

    /// What follows a quick round that added `added` schedules for `priced` people: with `exact`
    /// rounds, an exact round when it added none, an exact round on the smaller budget when it added
    /// few (``stalling``), else another quick round; without, another quick round unless it added none.
    static func afterQuickRound(added: Int, priced: Int, exact: Bool) -> AfterQuickRound {
        guard exact else { return added > 0 ? .quickRound : .stop }
        if added == 0 { return .exactRound }
        return added * stalling < priced ? .budgetedExactRound : .quickRound
    }

    /// Rounds until an exact round adds nothing, or a quick or budgeted one adds nothing and proves it
    /// (``converged`` says whether it was proved), `rounds` rounds pass, or the deadline comes.
    /// `people` limits pricing; `exact` allows exact rounds (``afterQuickRound(added:priced:exact:)``).
    /// An exact round on the smaller budget that adds nothing without proving it is followed by one on
    /// the whole budget.
    /// - Parameter roundDone: called after each round with the master's value and the bound; `false` stops.
    func settle(
        rounds: Int = .max, people: [Int]? = nil, exact: Bool = true, deadline: ContinuousClock.Instant?,
        roundDone: (_ value: Double, _ bound: Double) -> Bool = { _, _ in true }
    ) throws {
        let priced = people?.count ?? index.case.staff.count
        var count = 0
        while count < rounds, !SearchStop.reached(deadline) {
            count += 1
            let started = ContinuousClock.now
            let added = try round(exact: false, people: people, deadline: deadline)
            quickRoundSeconds = (ContinuousClock.now - started).inSeconds
            if !roundDone(value ?? .infinity, bound) { return }
            switch Self.afterQuickRound(added: added, priced: priced, exact: exact) {
            case .quickRound: continue
            case .stop: return
            case .budgetedExactRound:
                let budget = Self.stalledLabelBudget
                if try round(exact: true, labelBudget: budget, people: people, deadline: deadline) > 0 { continue }
                // Past the deadline, pricing finds nothing, which proves nothing.
                if converged || SearchStop.reached(deadline) { return }
                if try round(exact: true, people: people, deadline: deadline) == 0 { return }
            // A quick round whose every oracle proved its answer needs no exact round after it.
            case .exactRound: if try converged || round(exact: true, people: people, deadline: deadline) == 0 { return }
            }
        }
    }

    /// Rests the schedules that have gone unused with a positive reduced cost for `rounds` rounds in
    /// a row. Only such columns (non-basic at 0) rest, so the basis stays optimal. A dive neither
    /// rules out a resting schedule (``apply(_:)``) nor takes one (it may break the dive's fixings).
    private func restUnused(after rounds: Int, values: [Double], reducedCosts: [Double]) throws {
        idle += Array(repeating: 0, count: master.schedules.count - idle.count)
        var tired: [Int] = []
        for (position, schedule) in master.schedules.enumerated() where master.mayRest(position) {
            let column = schedule.column.index
            let unused = values[column] <= 1e-9 && reducedCosts[column] > 1e-6
            idle[position] = unused ? idle[position] + 1 : 0
            if idle[position] >= rounds { tired.append(position) }
        }
        try master.rest(tired)
    }

    /// Fixes assignments (or, `barring`, rules them out) and rules out the schedules that break them;
    /// returns the positions of the schedules it ruled out.
    @discardableResult
    private func apply(_ fixings: [Fixing], barring: Bool = false) throws -> [Int] {
        for (p, d, choice) in fixings {
            if barring { barred[p][d].insert(choice) } else { fixed[p][d] = choice }
        }
        let ruled = master.schedules.indices.filter { position in
            let schedule = master.schedules[position]
            return !ruledOut.contains(position) && !master.resting.contains(position)
                && !fits(schedule.choice, schedule.person)
        }
        for position in ruled { try ruleOut(position) }
        return ruled
    }

    /// Rules out the schedule at `position` (bounds it at 0) for the rest of the dive.
    private func ruleOut(_ position: Int) throws {
        ruledOut.insert(position)
        try master.session.setBounds(master.schedules[position].column, lower: 0, upper: 0)
    }

    /// Gives the schedules at `positions`, ruled out, back to the master.
    private func reopen(_ positions: [Int]) throws {
        for position in positions {
            ruledOut.remove(position)
            try master.session.setBounds(master.schedules[position].column, lower: 0, upper: .infinity)
        }
    }

    /// What each person works each day in the master's solution: `share[person][day][choice]`
    /// (choice ``dayOff`` or an option), from the schedules' shares.
    private func assignmentShares(_ primal: [Double]) -> [[[Int: Double]]] {
        var shares = master.rules.map { Array(repeating: [Int: Double](), count: $0.options.count) }
        for (position, schedule) in master.schedules.enumerated() where !ruledOut.contains(position) {
            let share = schedule.column.index < primal.count ? primal[schedule.column.index] : 0
            guard share > 1e-9 else { continue }
            for (d, option) in schedule.choice.enumerated() {
                shares[schedule.person][d][option ?? Self.dayOff, default: 0] += share
            }
        }
        return shares
    }

    /// A fixing of diving: a person's choice (``dayOff`` or an option) on a day.
    typealias Fixing = (person: Int, day: Int, choice: Int)
    /// A dive's step: its fixings by schedule (most certain first), the schedules whose fixings they
    /// are (schedules dives), and the schedules they ruled out.
    typealias DiveStep = (groups: [[Fixing]], schedules: [Int], ruled: [Int])

    /// Quick rounds that settle a dive's step without a cutoff (for the people with open days).
    static let stepRounds = 2

    /// Diving: settle the master, fix what its solution (nearly) agrees on (``Dive``), rule out the
    /// schedules that break a fixing, price new schedules around the fixings, and repeat until every
    /// person's schedule is whole in the master's solution. Any one schedule per person keeps every
    /// hard rule, so when time runs out, or the dive is given up as too slow to end by its deadline
    /// (``DiveProgress``, ``gaveUp``), each person takes their schedule of largest share that keeps their
    /// fixings. The fixings are undone afterwards.
    ///
    /// With a deadline, each step fixes at least what the dive's pace needs to end by it
    /// (``DiveProgress/fixingsNeeded``): several of a person's assignments at once, or several schedules.
    /// Instance 19's first dive, one assignment a person a step, had 679 of 3360 open when given up at
    /// 60 s, and its roster came from elsewhere (5975 and 6049); paced, it ends after 19.6 s of its
    /// 24.3 s with a roster of 3478.
    ///
    /// Without a `cutoff`, each step settles the master by two quick rounds for the people with open
    /// days. With one, by quick rounds until one adds nothing, so that the master's value is its
    /// value under the fixings, and a step that takes that value to where no roster under its fixings
    /// beats the cutoff is taken back, at most once per person in a dive: several fixings give way to
    /// the most certain of them alone; one assignment is then barred (its person's schedules priced
    /// away from it), one schedule ruled out. Two rounds leave a step's value half-settled: instance
    /// 8's rose by 100 in a step and fell by 60 over the next ones, and taking back on such values
    /// barred good assignments (1399 and 1400 at 60 s against 1307 twice).
    ///
    /// A take-back that ends a step (an assignment barred, a schedule ruled out; several fixings
    /// narrowed to one keep the step) after which the master's value is still where no roster beats
    /// the cutoff (a barring can raise it, or leave its person no schedule, their other fixings
    /// needing the barred choice) shows that none down this dive does: the dive drops its cutoff and
    /// ends as one without, a barring undone when the step it took back was cheaper (a schedule ruled
    /// out stays so). Instance 8's dives, every step after such a take-back taken back in turn, barred
    /// one good assignment after another (the master's value 1331 → 1424 → … → 1780, and their
    /// artificial columns) to the end of their take-backs, with rosters of 2209–3715.
    ///
    /// A dive with a cutoff whose take-backs stall it (its pace too slow to end by its deadline,
    /// ``DiveProgress``) drops the cutoff and ends as a dive without one, from its fixings: instance
    /// 8's second dive, aiming below 1325.5 after a first of 1420, swung between 6 and 7 people open
    /// through 15 take-backs in 8 s, its values under the fixings 1319–1386, and was given up.
    func dive(_ kind: Dive, deadline: ContinuousClock.Instant?, cutoff: Double? = nil) throws -> [[Int?]] {
        let people = index.case.staff.count
        defer {
            try? reopen(ruledOut.sorted())
            ruledOut = []
            fixed = fixed.map { $0.map { _ in Self.free } }
            barred = barred.map { $0.map { _ in [] } }
        }
        // The master's value from which no roster under the fixings beats the cutoff.
        var hopeless = cutoff.map { master.objectiveIsWhole ? $0 - 1 + 1e-6 : $0 - 1e-9 * max(1, abs($0)) }
        takenBack = 0
        // The last step, which a take-back undoes; the master's value that had the last step taken back
        // and that take-back's barring (its fixings barred, and the schedules it ruled out), if any.
        var step: DiveStep?
        var lastTakeBack: (value: Double, barring: DiveStep?)?
        var best: [Int: (position: Int, share: Double)] = [:]
        var started = ContinuousClock.now
        var progress = deadline.map { DiveProgress(window: ($0 - started).inSeconds) }
        gaveUp = false
        while true {
            progress?.record(
                seconds: (ContinuousClock.now - started).inSeconds,
                open: fixed.reduce(0) { $0 + $1.count(where: { $0 == Self.free }) })
            gaveUp = progress?.isHopeless ?? false
            if gaveUp, hopeless != nil {
                // Taking steps back has stalled the dive: it ends as a dive without a cutoff.
                (hopeless, step, gaveUp, started) = (nil, nil, false, .now)
                progress = deadline.map { DiveProgress(window: ($0 - started).inSeconds) }
            }
            let needed = progress?.fixingsNeeded ?? 0
            let expired = SearchStop.reached(deadline) || gaveUp
            let open = (0..<people).filter { fixed[$0].contains(Self.free) }
            if !expired && !open.isEmpty {
                // Without a cutoff, a step's rounds; with one, until a round adds nothing.
                try settle(
                    rounds: hopeless == nil ? Self.stepRounds : .max, people: open, exact: false, deadline: deadline)
            }
            // Solve once more before fixing: the shares then include the schedules just added, and
            // each solve meets one kind of change (new columns, or new bounds) from an optimal basis.
            let current = try master.session.solve(
                timeLimit: SearchStop.secondsLeft(until: deadline))
            guard current.status == .optimal, let primal = current.values, let objective = current.objective else {
                break
            }
            value = objective
            if !expired, let taken = lastTakeBack, let cut = hopeless, objective >= cut {
                // The step and its take-back both leave no roster that beats the cutoff: the dive ends
                // without one (from the step again when it was the cheaper and its take-back a barring).
                if let barring = taken.barring, objective > taken.value { try unbar(barring) }
                (hopeless, lastTakeBack) = (nil, nil)
                continue
            }
            lastTakeBack = nil
            if !expired, takenBack < people, let taken = step, let hopeless, objective >= hopeless {
                takenBack += 1
                let (next, barring) = try takeBack(taken, kind)
                step = next
                if next == nil { lastTakeBack = (objective, barring) }
                continue
            }
            best = [:]
            for (position, schedule) in master.schedules.enumerated()
            where !ruledOut.contains(position) && !master.resting.contains(position) {
                let share = primal[schedule.column.index]
                if share > (best[schedule.person]?.share ?? -1) { best[schedule.person] = (position, share) }
            }
            if expired || (0..<people).allSatisfy({ (best[$0]?.share ?? 0) >= 1 - 1e-6 }) { break }
            guard case .assignments(let fraction) = kind else {
                let open = best.filter { fixed[$0.key].contains(Self.free) }
                // Whole schedules: the nearly whole ones, else the one of largest share; at least the
                // schedules whose days make the fixings the pace needs, of largest share.
                let likeliest = open.sorted { ($0.value.share, -$0.key) > ($1.value.share, -$1.key) }
                let days = max(1, fixed.first?.count ?? 1)
                let whole = likeliest.count(where: { $0.value.share >= 0.9 })
                let picks = likeliest.prefix(max(whole, 1, (needed + days - 1) / days))
                if picks.isEmpty { break }
                let groups = picks.map { p, pick in
                    master.schedules[pick.position].choice.enumerated().map {
                        (p, $0.offset, $0.element ?? Self.dayOff)
                    }
                }
                step = (groups, picks.map(\.value.position), try apply(groups.flatMap { $0 }))
                continue
            }
            let fixings = Self.assignmentFixings(
                shares: assignmentShares(primal), fixed: fixed, fraction: fraction, atLeast: needed)
            if fixings.isEmpty { break }
            step = (fixings.map { [$0] }, [], try apply(fixings))
        }
        return (0..<people).map { p in
            best[p].map { master.schedules[$0.position].choice } ?? master.schedules(of: p)[0]
        }
    }

    /// Takes back a dive's step: several fixings give way to the first (most certain) alone, which
    /// becomes the step; one assignment is barred instead (returned as the barring), one schedule
    /// ruled out (no step then).
    private func takeBack(_ step: DiveStep, _ kind: Dive) throws -> (step: DiveStep?, barring: DiveStep?) {
        for (p, d, _) in step.groups.joined() { fixed[p][d] = Self.free }
        try reopen(step.ruled)
        if step.groups.count > 1 {
            return (([step.groups[0]], Array(step.schedules.prefix(1)), try apply(step.groups[0])), nil)
        }
        if case .assignments = kind {
            return (nil, (step.groups, [], try apply(step.groups[0], barring: true)))
        } else if let position = step.schedules.first, !ruledOut.contains(position) {
            try ruleOut(position)
        }
        return (nil, nil)
    }

    /// Undoes a take-back's barring: the barred assignment is fixed again, as the step it took back had it.
    private func unbar(_ barring: DiveStep) throws {
        let fixings = Array(barring.groups.joined())
        for (p, d, choice) in fixings { barred[p][d].remove(choice) }
        try reopen(barring.ruled)
        try apply(fixings)
    }

    /// An assignments dive's fixings from the shares of each person's choices each day in the master's
    /// solution (``assignmentShares(_:)``), the assignments `fixed` so far aside: every open assignment
    /// whose share is nearly whole; when none is, each person's likeliest open assignment, the
    /// likeliest people first, one for every `fraction` open assignments (at least one); and when
    /// that is fewer than `atLeast` (the dive's pace, ``DiveProgress/fixingsNeeded``), the `atLeast`
    /// likeliest open assignments, several of a person's if need be. Most certain first.
    static func assignmentFixings(
        shares: [[[Int: Double]]], fixed: [[Int]], fraction: Int, atLeast: Int
    ) -> [Fixing] {
        // Each open assignment's likeliest choice, most certain first.
        var likeliest: [(fixing: Fixing, share: Double)] = []
        var openAssignments = 0
        for p in shares.indices {
            for d in shares[p].indices where fixed[p][d] == Self.free {
                openAssignments += 1
                var top: (fixing: Fixing, share: Double)?
                for (choice, share) in shares[p][d].sorted(by: { $0.key < $1.key }) where share > top?.share ?? -1 {
                    top = ((p, d, choice), share)
                }
                if let top { likeliest.append(top) }
            }
        }
        likeliest.sort {
            ($0.share, -$0.fixing.person, -$0.fixing.day) > ($1.share, -$1.fixing.person, -$1.fixing.day)
        }
        var chosen = likeliest.filter { $0.share >= 0.95 }
        if chosen.isEmpty {
            var people = Set<Int>()
            chosen = Array(
                likeliest.filter { people.insert($0.fixing.person).inserted }
                    .prefix(max(1, openAssignments / fraction)))
        }
        if chosen.count < atLeast { chosen = Array(likeliest.prefix(atLeast)) }
        return chosen.map(\.fixing)
    }
}

extension ColumnGeneration {
    /// The master as a mixed-integer program over the generated schedules (one per person, whole
    /// agency shifts, no artificial column).
    private var integerModel: LinearModel {
        var model = master.session.model
        for (_, _, column) in master.schedules {
            model.setKind(column, .binary)
            model.setBounds(column, lower: 0, upper: 1)
        }
        for column in master.artificial { model.setBounds(column, lower: 0, upper: 0) }
        for column in master.agency.values { model.setKind(column, .integer) }
        return model
    }

    /// The objective of the roster made of these schedules (one per person; added to the master if
    /// new), with its care split, agency shifts and penalties at their best: the master with the
    /// schedules fixed, solved. Also returns the values of the master's columns.
    func evaluate(
        _ choices: [[Int?]], solver: any Solver, timeLimit: Double?
    ) throws -> (objective: Double, values: [Double])? {
        let fixed = try fixedModel(choices)
        // Within 0.01% of the best split and agency: proving the last fraction can take GLPK long.
        let result = try solver.solve(fixed, options: SolveOptions(timeLimit: timeLimit, relativeGap: 1e-4))
        if let values = result.values { return (fixed.objectiveValue(values), values) }
        return try roundedCompletion(fixed, solver: solver)
    }

    /// The integer master with these schedules (one per person; added to the master if new) fixed.
    func fixedModel(_ choices: [[Int?]]) throws -> LinearModel {
        for (p, choice) in choices.enumerated() { try master.add(person: p, choice) }
        var fixed = integerModel
        let chosen = Set(choices.enumerated().compactMap { master.position(person: $0.offset, $0.element) })
        for (position, schedule) in master.schedules.enumerated() {
            let value: Double = chosen.contains(position) ? 1 : 0
            fixed.setBounds(schedule.column, lower: value, upper: value)
        }
        return fixed
    }

    /// A completion of `fixed` for when GLPK finds no whole agency shifts in time (its branching on a
    /// large case): the linear program's agency shifts rounded down. Fewer agency shifts keep the cap,
    /// and the hours they leave are unmet, which is priced, so the roster is complete, if not at its
    /// best split.
    func roundedCompletion(_ fixed: LinearModel, solver: any Solver) throws -> (objective: Double, values: [Double])? {
        var relaxed = fixed
        for column in master.agency.values { relaxed.setKind(column, .continuous) }
        guard let shares = try solver.solve(relaxed, options: SolveOptions()).values else { return nil }
        for column in master.agency.values {
            let whole = (shares[column.index] + 1e-6).rounded(.down)
            relaxed.setBounds(column, lower: whole, upper: whole)
        }
        guard let values = try solver.solve(relaxed, options: SolveOptions()).values else { return nil }
        return (relaxed.objectiveValue(values), values)
    }

    /// The best roster made of the generated schedules: the master as a mixed-integer program over
    /// them, solved by GLPK from `start` (a schedule for each person). Returns each person's schedule
    /// and the roster's objective.
    func integerRoster(
        start: [[Int?]], solver: any Solver, timeLimit: Double?
    ) throws -> (choices: [[Int?]], objective: Double)? {
        let clock = ContinuousClock()
        let started = clock.now
        guard let (_, values) = try evaluate(start, solver: solver, timeLimit: timeLimit) else { return nil }
        let model = integerModel
        let left = timeLimit.map { max(0, $0 - (clock.now - started).inSeconds) }
        let result = try solver.solve(
            model, options: SolveOptions(timeLimit: left, relativeGap: 1e-9, startingSolution: values))
        let best = result.values ?? values
        var choices = start
        for schedule in master.schedules where best[schedule.column.index] > 0.5 {
            choices[schedule.person] = schedule.choice
        }
        return (choices, model.objectiveValue(best))
    }

    /// Each candidate shift's share in the master's last solution (positions in the candidates): what
    /// each person works each day (``assignmentShares(_:)``), by candidate.
    var candidateShares: [Double]? {
        guard let primal else { return nil }
        var shares = Array(repeating: 0.0, count: index.candidates.all.count)
        for (p, days) in assignmentShares(primal).enumerated() {
            for (d, choices) in days.enumerated() {
                for (choice, share) in choices where choice != Self.dayOff {
                    shares[master.rules[p].options[d][choice]] += share
                }
            }
        }
        return shares
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
