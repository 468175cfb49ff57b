import LinearModel
import Workforce

/// The roster MIP under construction: the candidates, the columns created so far, and the model.
///
/// Rules add rows and objective terms through it; columns shared by several rules (the shift
/// columns `x`, the weekend columns) are created here once.
public struct RosterModel: Sendable {
    /// The case by index: candidates and demand.
    public let index: CaseIndex
    public var model: LinearModel
    /// `x[candidate]`: 1 when the candidate shift is worked (same order as ``Candidates/all``).
    public private(set) var shiftColumns: [Variable] = []
    /// Care time given by a candidate shift to a competency: `(candidate, competency) -> column`.
    public internal(set) var careColumns: [CareKey: Variable] = [:]
    /// Care columns giving time to each demand key.
    public internal(set) var careByDemand: [DemandKey: [Variable]] = [:]
    /// Whole agency shifts booked for a demand key.
    public internal(set) var agencyColumns: [DemandKey: Variable] = [:]
    /// Weekend worked: `(person, week start) -> column`.
    private var weekendColumns: [WeekendKey: Variable] = [:]
    /// The priced columns of each demand row's cover: unmet hours, heads short, heads over.
    public internal(set) var coverPenalties: [DemandKey: [Variable]] = [:]
    public var candidates: Candidates { index.candidates }
    public var competencyIndex: [String: Int] { index.competencyIndex }
    /// Demand rows by key.
    public var demand: [DemandKey: Demand] { index.demand }
    /// Demand keys in file order.
    public var demandKeys: [DemandKey] { index.demandKeys }
    /// Candidates (indices into ``Candidates/all``) whose person holds the key's competency, by demand key.
    public var holders: [DemandKey: [Int]] { index.holders }

    public struct CareKey: Hashable, Sendable {
        public var candidate: Int
        public var competency: Int
    }

    struct WeekendKey: Hashable {
        var person: Int
        var week: Day
    }

    init(_ index: CaseIndex) {
        self.index = index
        let candidates = index.candidates
        model = LinearModel(name: "roster")
        shiftColumns.reserveCapacity(candidates.all.count)
        for candidate in candidates.all {
            shiftColumns.append(model.addVariable(name("x", candidate), kind: .binary))
        }
    }

    var roster: Case { candidates.case }

    // MARK: Names

    /// A readable column or row name, e.g. `x[ann,2025-03-04,N,kirkwall]` (``LinearModel/name(_:_:)``).
    func name(_ prefix: String, _ parts: [String]) -> String { LinearModel.name(prefix, parts) }

    func name(_ prefix: String, _ candidate: Candidate, _ extra: [String] = []) -> String {
        let c = roster
        return name(
            prefix,
            [
                c.staff[candidate.person].id, c.days[candidate.day].iso, c.shifts[candidate.shift].id,
                c.localities[candidate.locality].id,
            ] + extra)
    }

    func name(_ prefix: String, _ key: DemandKey) -> String {
        let c = roster
        return name(
            prefix,
            [
                c.days[key.day].iso, c.shifts[key.shift].id, c.localities[key.locality].id,
                c.competencies[key.competency].id,
            ])
    }

    func name(_ prefix: String, person: Int, day: Int) -> String {
        name(prefix, [roster.staff[person].id, roster.days[day].iso])
    }

    // MARK: Shared expressions

    /// Shifts worked by `person` on `day` (0 or 1 once one-shift-per-day holds).
    func worked(_ person: Int, _ day: Int) -> LinearExpression {
        LinearExpression(terms: candidates.byPersonDay[person][day].map { Term(shiftColumns[$0], 1) })
    }

    /// Whether `person` works `shift` on `day`, at any locality.
    func worked(_ person: Int, _ day: Int, shift: Int) -> LinearExpression {
        LinearExpression(
            terms: candidates.byPersonDay[person][day]
                .filter { candidates.all[$0].shift == shift }.map { Term(shiftColumns[$0], 1) })
    }

    /// Heads on the shift of a demand key who hold its competency (own staff only).
    func heads(_ key: DemandKey) -> LinearExpression {
        LinearExpression(terms: (holders[key] ?? []).map { Term(shiftColumns[$0], 1) })
    }

    /// Paid hours of `person` over the horizon (shift plus travel).
    func paidHours(_ person: Int) -> LinearExpression {
        var expression = LinearExpression()
        for day in roster.days.indices {
            for index in candidates.byPersonDay[person][day] {
                expression.add(shiftColumns[index], candidates.paidHours(candidates.all[index]))
            }
        }
        return expression
    }

    /// The weekend columns of `person`: one per ISO week with a Saturday or Sunday in the horizon,
    /// equal to 1 exactly when either day is worked (created on first use).
    mutating func weekends(_ person: Int) -> [Variable] {
        var weeks: [Day: [Int]] = [:]
        var order: [Day] = []
        for (d, day) in roster.days.enumerated() where day.isWeekend {
            if weeks[day.weekStart] == nil { order.append(day.weekStart) }
            weeks[day.weekStart, default: []].append(d)
        }
        return order.map { week in
            let key = WeekendKey(person: person, week: week)
            if let column = weekendColumns[key] { return column }
            let label = name("weekend", [roster.staff[person].id, week.iso])
            let column = model.addVariable(label, kind: .binary)
            var any = LinearExpression()
            for d in weeks[week]! {
                model.addConstraint(
                    name("weekend_if", person: person, day: d), LinearExpression(column) - worked(person, d),
                    .greaterOrEqual(0))
                any += worked(person, d)
            }
            model.addConstraint(
                name("weekend_only_if", [roster.staff[person].id, week.iso]),
                LinearExpression(column) - any, .lessOrEqual(0))
            weekendColumns[key] = column
            return column
        }
    }
}

/// A rule of the roster: documents the domain rule and adds the rows, columns and objective
/// terms that enforce (hard) or price (soft) it.
public protocol RosterRule: Sendable {
    /// The rule in the catalogue.
    var id: RuleID { get }
    func apply(to roster: inout RosterModel)
}
