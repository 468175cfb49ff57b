import LinearModel
import Workforce

/// The master linear program of column generation: it chooses one schedule per person (a mix of
/// them, in the relaxation) and prices what links people.
///
/// Rows: `schedule[person]` (the person's schedule columns sum to 1); `cover[date,shift,locality,
/// competency]` (care hours + agency hours + unmet hours >= demand hours); `split[person,date,shift,
/// locality]` where a person holds several competencies with hours demanded there (their care
/// columns share the shift's paid hours); `staff[...]` (heads, with a short column below `min_staff`
/// and an over column above a priced `max_staff`, one row for both); `agency_hours` (the cap);
/// `load_max[person]`, `load_min[person]` (weekend fairness); `cover_rounded[...]` (``RoundedCover``:
/// a schedule's shift counts the row's remainder r where its care can go only to the row's keys;
/// other care columns count 1).
/// Columns: `s[person,n]`, one per schedule generated, costing the person's own costs (travel,
/// preferences, changes, overtime; contracted pay is a constant); `care`, `agency`, `unmet`, `short`,
/// `over`, `load_max`, `load_min` as in the compact model. The objective is the compact model's, so
/// the master's integer optimum over every schedule is the roster optimum.
///
/// Holds a ``LinearProgramSession``: use it on the thread that made it.
final class MasterProblem {
    let index: CaseIndex
    /// Each person's rules (weekends counted where fairness prices them).
    let rules: [ScheduleRules]
    /// Each person's own costs.
    let own: [ScheduleCosts]
    let session: any LinearProgramSession
    private(set) var convexity: [RowHandle] = []
    private(set) var cover: [DemandKey: RowHandle] = [:]
    private(set) var split: [Int: RowHandle] = [:]
    /// The rounded cover rows (``RoundedCover``) in which each candidate's shift counts whole, with
    /// the row's remainder r (the shift's coefficient there), by candidate.
    private(set) var roundedCover: [Int: [(row: RowHandle, remainder: Double)]] = [:]
    /// Heads on shift, by demand key: a row ranged from `min_staff` to `max_staff`. One row rather than
    /// one for each side halves the master's rows where a case sets both (each of Curtois's instances):
    /// GLPK's simplex time per round falls with it (instance 21 at 60 s: 0.60 s a round on average
    /// with two rows, 0.34 s with one, and 25 rounds in the master's share instead of 18).
    private(set) var staff: [DemandKey: RowHandle] = [:]
    private(set) var loadMax: [Int: RowHandle] = [:]
    private(set) var loadMin: [Int: RowHandle] = [:]
    /// Agency columns by demand key.
    private(set) var agency: [DemandKey: Variable] = [:]
    /// Care columns of shifts that split their time, by candidate and demand key.
    private(set) var care: [Int: [(key: DemandKey, column: Variable)]] = [:]
    /// A column per person standing for "no schedule", at a prohibitive cost, so the linear program
    /// stays feasible while diving rules schedules out; never part of a roster.
    private(set) var artificial: [Variable] = []
    /// Every schedule column: whose, which choices, and its column.
    private(set) var schedules: [(person: Int, choice: [Int?], column: Variable)] = []
    /// Schedules already in the master, by person (each is added once).
    private var known: [[[Int?]: Int]]
    /// Schedules set aside (positions in ``schedules``): bounded to 0, so GLPK's simplex, which leaves
    /// fixed columns out of its pricing, no longer spends time on them; they stay in the pool (the
    /// integer master and rounding read every schedule) and rejoin when added again (offered by
    /// pricing, or part of a roster evaluated).
    private(set) var resting = Set<Int>()
    /// Schedules woken from rest, which do not rest again: so rounds cannot rest and wake the same
    /// schedules for ever, and column generation still ends.
    private var woken = Set<Int>()
    /// Schedules in the master that are not resting (during a dive, those it rules out included).
    var activeCount: Int { schedules.count - resting.count }

    /// Builds the rows and the columns that are not schedules; `first` gives every person a schedule.
    init(_ index: CaseIndex, rules: [ScheduleRules], first: [[Int?]], solver: any Solver) throws {
        self.index = index
        self.rules = rules
        own = rules.map { ScheduleCosts(ownCostsOf: $0, in: index.candidates) }
        known = Array(repeating: [:], count: rules.count)
        let c = index.case
        let s = c.settings
        var model = LinearModel(name: "master")
        func place(_ key: DemandKey) -> String {
            "\(c.days[key.day].iso),\(c.shifts[key.shift].id),"
                + "\(c.localities[key.locality].id),\(c.competencies[key.competency].id)"
        }
        model.objectiveConstant = c.staff.reduce(0) { $0 + $1.hourlyCost * $1.contractHours * c.weeks }
        for person in c.staff { convexity.append(model.addConstraint("schedule[\(person.id)]", 0, .equal(1))) }

        // Care columns where a shift's time may go to several competencies with hours demanded.
        var careByKey: [DemandKey: [Variable]] = [:]
        for (i, candidate) in index.candidates.all.enumerated() {
            let keys = index.careKeys(i)
            guard keys.count > 1 else { continue }
            let person = c.staff[candidate.person].id
            let paid = c.shifts[candidate.shift].paidHours
            care[i] = keys.map { key in
                let column = model.addVariable("care[\(person),\(place(key))]", upper: paid)
                careByKey[key, default: []].append(column)
                return (key, column)
            }
        }
        var agencyHours = LinearExpression()
        var unmet: [DemandKey: Variable] = [:]
        for key in index.demandKeys {
            let demand = index.demand[key]!
            let paid = c.shifts[key.shift].paidHours
            var heads = LinearExpression()
            if s.agencyHourlyCost > 0, paid > 0, demand.hours > 0 || demand.minStaff > 0 {
                var most = max((demand.hours / paid).rounded(.up), Double(demand.minStaff))
                if let cap = s.agencyMaxHours { most = min(most, (cap / paid + 1e-9).rounded(.down)) }
                if most >= 1 {
                    let column = model.addVariable(
                        "agency[\(place(key))]", kind: .integer, upper: most,
                        objective: paid * s.agencyHourlyCost)
                    agency[key] = column
                    agencyHours.add(column, paid)
                    heads.add(column)
                }
            }
            if demand.hours > 0 {
                unmet[key] = model.addVariable(
                    "unmet[\(place(key))]", upper: demand.hours, objective: s.unmetHourPenalty)
                var row = LinearExpression(unmet[key]!)
                if let column = agency[key] { row.add(column, paid) }
                for column in careByKey[key] ?? [] { row.add(column) }
                cover[key] = model.addConstraint("cover[\(place(key))]", row, .greaterOrEqual(demand.hours))
            }
            let least = Double(demand.minStaff)
            let most = demand.overWeight > 0 ? demand.maxStaff.map(Double.init) : nil
            var row = heads
            if least > 0 {
                row.add(model.addVariable("short[\(place(key))]", upper: least, objective: demand.underWeight))
            }
            if most != nil {
                row.add(model.addVariable("over[\(place(key))]", objective: demand.overWeight), -1)
            }
            if least > 0 || most != nil {
                // A range whose bounds meet is an equality: the solver loads it as a fixed row.
                let bounds = most.map { least > 0 ? RowBounds.range(least, $0) : .lessOrEqual($0) }
                staff[key] = model.addConstraint("staff[\(place(key))]", row, bounds ?? .greaterOrEqual(least))
            }
        }
        for rounded in RoundedCover.all(index) {
            var row = LinearExpression()
            for key in rounded.keys {
                row.add(unmet[key]!)
                if let column = agency[key] { row.add(column, rounded.remainder) }
            }
            var whole: [Int] = []
            for i in rounded.candidates(index) {
                if rounded.countsWhole(i, index) {
                    whole.append(i)
                } else {
                    for (key, column) in care[i] ?? [] where rounded.keys.contains(key) { row.add(column) }
                }
            }
            let handle = model.addConstraint(
                rounded.name(c), row, .greaterOrEqual(rounded.remainder * rounded.shifts))
            for i in whole { roundedCover[i, default: []].append((handle, rounded.remainder)) }
        }
        if let cap = s.agencyMaxHours, !agencyHours.terms.isEmpty {
            model.addConstraint("agency_hours", agencyHours, .lessOrEqual(cap))
        }
        for (i, columns) in care.sorted(by: { $0.key < $1.key }) {
            let candidate = index.candidates.all[i]
            split[i] = model.addConstraint(
                "split[\(c.staff[candidate.person].id),\(c.days[candidate.day].iso),"
                    + "\(c.shifts[candidate.shift].id),\(c.localities[candidate.locality].id)]",
                LinearExpression(terms: columns.map { Term($0.column, 1) }), .lessOrEqual(0))
        }
        if s.fairnessWeight > 0 {
            let contracted = c.staff.indices.filter { c.staff[$0].contractHours > 0 }
            if contracted.count > 1 {
                let high = model.addVariable("load_max", objective: s.fairnessWeight)
                let low = model.addVariable("load_min", objective: -s.fairnessWeight)
                for p in contracted {
                    loadMax[p] = model.addConstraint(
                        "load_max[\(c.staff[p].id)]", LinearExpression(high), .greaterOrEqual(0))
                    loadMin[p] = model.addConstraint(
                        "load_min[\(c.staff[p].id)]", LinearExpression(low), .lessOrEqual(0))
                }
            }
        }
        for (p, person) in c.staff.enumerated() {
            artificial.append(
                model.addColumn("none[\(person.id)]", objective: Self.prohibitive, entries: [(convexity[p], 1)]))
        }
        session = try solver.session(for: model)
        for (p, choice) in first.enumerated() { try add(person: p, choice) }
    }

    /// The cost of the artificial columns and of breaking a diving fixing in pricing: far above any
    /// roster's objective difference, yet well within double precision.
    static let prohibitive = 1e9

    /// Whether every roster's objective is a whole number: every cost in the master is whole and
    /// every priced column takes whole values in a roster (no unmet hours, no fairness spread).
    /// Then the optimum is whole too, and a lower bound may be rounded up.
    var objectiveIsWhole: Bool {
        let model = session.model
        func whole(_ value: Double) -> Bool { value == value.rounded() }
        return cover.isEmpty && loadMax.isEmpty && whole(model.objectiveConstant)
            && model.objectiveCoefficients.allSatisfy { whole($0) || $0 == Self.prohibitive }
    }

    /// Whether the schedule at `position` may be set aside: it is not resting and was never woken.
    func mayRest(_ position: Int) -> Bool { !resting.contains(position) && !woken.contains(position) }

    /// Sets the schedules at `positions` aside (``resting``), those that may rest (``mayRest(_:)``).
    func rest(_ positions: some Sequence<Int>) throws {
        for position in positions where mayRest(position) {
            resting.insert(position)
            try session.setBounds(schedules[position].column, lower: 0, upper: 0)
        }
    }

    /// The schedules of person `p` in the master, in the order they were added.
    func schedules(of p: Int) -> [[Int?]] { known[p].sorted { $0.value < $1.value }.map(\.key) }

    /// The position in ``schedules`` of person `p`'s schedule `choice`, if it is in the master.
    func position(person p: Int, _ choice: [Int?]) -> Int? { known[p][choice] }

    /// Adds a schedule of person `p` as a column (once), or wakes it if it rests; returns its index
    /// in ``schedules``.
    @discardableResult
    func add(person p: Int, _ choice: [Int?]) throws -> Int {
        if let existing = known[p][choice] {
            if resting.remove(existing) != nil {
                woken.insert(existing)
                try session.setBounds(schedules[existing].column, lower: 0, upper: .infinity)
            }
            return existing
        }
        let c = index.case
        let cost = ScheduleOracle(rules[p]).cost(of: choice, own[p])
        // No upper bound: the person's row keeps it at most 1, and a bound would take part of the
        // duals that the Lagrangian bound needs in that row.
        let column = try session.addColumn(
            "s[\(c.staff[p].id),\(known[p].count)]", lower: 0, upper: .infinity,
            objective: cost, entries: [(convexity[p], 1)] + entries(person: p, choice))
        schedules.append((p, choice, column))
        known[p][choice] = schedules.count - 1
        return schedules.count - 1
    }

    /// The coefficients of person `p`'s schedule `choice` in the linking rows (every row but the
    /// people's schedule rows).
    func entries(person p: Int, _ choice: [Int?]) -> [(row: RowHandle, coefficient: Double)] {
        let c = index.case
        var entries: [(row: RowHandle, coefficient: Double)] = []
        var weekends = Set<Int>()
        for (d, option) in choice.enumerated() {
            guard let option else { continue }
            let i = rules[p].options[d][option]
            let paid = c.shifts[index.candidates.all[i].shift].paidHours
            for key in index.keysMet[i] {
                if let row = staff[key] { entries.append((row, 1)) }
                if split[i] == nil, let row = cover[key] { entries.append((row, paid)) }
            }
            if let row = split[i] { entries.append((row, -paid)) }
            for (row, remainder) in roundedCover[i] ?? [] { entries.append((row, remainder)) }
            if rules[p].weekendOf[d] >= 0 { weekends.insert(rules[p].weekendOf[d]) }
        }
        if let high = loadMax[p], let low = loadMin[p], !weekends.isEmpty {
            let load = Double(weekends.count) * 37.5 / c.staff[p].contractHours
            entries.append((high, -load))
            entries.append((low, -load))
        }
        return entries
    }

    /// Person `p`'s schedule costs at the master's duals: own costs minus what each shift and
    /// weekend is worth to the linking rows. A schedule's reduced cost is its cost under these
    /// minus the dual of the person's convexity row.
    func pricing(_ p: Int, duals: [Double]) -> ScheduleCosts {
        let c = index.case
        var costs = own[p]
        for (d, options) in rules[p].options.enumerated() {
            for (o, i) in options.enumerated() {
                let paid = c.shifts[index.candidates.all[i].shift].paidHours
                var value = 0.0
                for key in index.keysMet[i] {
                    if let row = staff[key] { value += duals[row.index] }
                    if split[i] == nil, let row = cover[key] { value += paid * duals[row.index] }
                }
                if let row = split[i] { value -= paid * duals[row.index] }
                for (row, remainder) in roundedCover[i] ?? [] { value += remainder * duals[row.index] }
                costs.shift[d][o] -= value
            }
        }
        if let high = loadMax[p], let low = loadMin[p] {
            costs.weekend = 37.5 / c.staff[p].contractHours * (duals[high.index] + duals[low.index])
        }
        return costs
    }
}

extension MasterProblem {
    /// The roster of people's schedules with the care split and agency shifts of the master's
    /// column values `values` (as ``ColumnGeneration/evaluate(_:solver:timeLimit:)`` gives them): a
    /// shift whose time can go to only one competency with hours demanded gives it all its paid
    /// hours. Care hours are rounded to 1e-4 h, as the outputs hold them.
    func roster(_ choices: [[Int?]], values: [Double]) -> Roster {
        let c = index.case
        var result = Roster()
        func hours(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
        for (p, choice) in choices.enumerated() {
            for (d, option) in choice.enumerated() {
                guard let option else { continue }
                let i = rules[p].options[d][option]
                let candidate = index.candidates.all[i]
                let assignment = index.candidates.assignment(candidate)
                result.assignments.append(assignment)
                if let columns = care[i] {
                    for (key, column) in columns where hours(values[column.index]) > 0 {
                        result.care.append(
                            CareTime(
                                assignment: assignment, competencyID: c.competencies[key.competency].id,
                                hours: hours(values[column.index])))
                    }
                } else if let key = index.keysMet[i].first(where: { cover[$0] != nil }) {
                    result.care.append(
                        CareTime(
                            assignment: assignment, competencyID: c.competencies[key.competency].id,
                            hours: c.shifts[candidate.shift].paidHours))
                }
            }
        }
        result.agency = index.agencyBookings(agency, values)
        return result
    }
}
