import LinearModel
import Workforce

/// The workforce plan of a case as a linear program; docs/workforce-plan.md states it in full.
///
/// Columns: `care[role,base,locality,competency]`, the care hours that staff of a role based at a
/// locality give to a competency at a locality within reach of their base; `agency[locality,competency]`
/// (only when the case allows agency cover); `unmet[locality,competency]` and `short[locality,competency]`,
/// care hours and staffed hours left uncovered. Rows: `cover` and `staffed` for each ``LocalNeed``,
/// `agency_cap`, `budget[sector]` for each sector with a budget, and `generic_share` with a cap.
struct PlanModel {
    /// One `care` column.
    struct Care {
        var role: Role
        var base: String
        var locality: String
        var competency: String
        var variable: Variable
        /// Paid travel hours for each hour of care (a round trip per shift; 0 at the base).
        var travelPerHour: Double
        /// Fares for each hour of care (a round trip's costs per shift; 0 at the base).
        var faresPerHour: Double
        /// Pay for each hour of care: the role's rate × (1 + travel) / (1 − headroom).
        var payPerHour: Double
    }

    let plannedCase: Case
    let settings: PlanSettings
    let needs: [LocalNeed]
    private let needIndex: [String: [String: Int]]
    /// The hourly pay of each role: its own `hourly_cost`, else the mean of its staff's, else 0.
    let rates: [String: Double]
    private(set) var model = LinearModel(name: "workforce_plan")
    private(set) var care: [Care] = []
    /// By index into ``needs``.
    private(set) var agency: [Int: Variable] = [:]
    private(set) var unmet: [Int: Variable] = [:]
    private(set) var short: [Int: Variable] = [:]

    init(_ c: Case, settings: PlanSettings) {
        plannedCase = c
        self.settings = settings
        needs = LocalNeed.all(c).filter { $0.careHours > 0 || $0.staffedHours > 0 }
        var needIndex: [String: [String: Int]] = [:]
        for (i, need) in needs.enumerated() { needIndex[need.localityID, default: [:]][need.competencyID] = i }
        self.needIndex = needIndex
        var rates: [String: Double] = [:]
        for role in c.roles {
            let staff = c.staff.filter { $0.roleID == role.id }
            rates[role.id] =
                role.hourlyCost ?? (staff.isEmpty ? 0 : staff.map(\.hourlyCost).reduce(0, +) / Double(staff.count))
        }
        self.rates = rates
        addCareColumns()
        addNeedColumnsAndRows()
        addAgencyCap()
        addBudgets()
        addGenericShare()
    }

    /// The localities where staff of `role` may be based.
    func bases(_ role: Role) -> [String] {
        let homes = Set(plannedCase.staff.filter { $0.roleID == role.id }.map(\.homeLocality))
        let all = plannedCase.localities.map(\.id)
        return settings.anyBase || homes.isEmpty ? all : all.filter(homes.contains)
    }

    /// The localities staff based at `base` may work in, with the journey's minutes and cost there and back:
    /// the base itself, and each locality whose travel time there and back are each within `max_travel_minutes`.
    func reach(_ base: String) -> [(locality: String, minutes: Double, cost: Double)] {
        let limit = plannedCase.settings.maxTravelMinutes
        return plannedCase.localities.compactMap { locality in
            guard let out = plannedCase.travel(from: base, to: locality.id),
                let back = plannedCase.travel(from: locality.id, to: base),
                out.minutes <= limit, back.minutes <= limit
            else { return nil }
            return (locality.id, out.minutes + back.minutes, out.cost + back.cost)
        }
    }

    /// The mean paid hours of the case's shifts (of those with any): the care time one journey serves.
    var hoursPerShift: Double {
        let paid = plannedCase.shifts.map(\.paidHours).filter { $0 > 0 }
        return paid.isEmpty ? 0 : paid.reduce(0, +) / Double(paid.count)
    }

    /// The position in ``needs`` of the need of `competency` at `locality`, `nil` when demand.csv has none.
    func need(_ locality: String, _ competency: String) -> Int? { needIndex[locality]?[competency] }

    private mutating func addCareColumns() {
        let shiftHours = hoursPerShift
        let leave = 1 - settings.headroom
        for role in plannedCase.roles {
            let rate = rates[role.id] ?? 0
            for base in bases(role) {
                for trip in reach(base) {
                    let away = trip.locality != base && shiftHours > 0
                    let travel = away ? trip.minutes / 60 / shiftHours : 0
                    let fares = away ? trip.cost / shiftHours : 0
                    let pay = rate * (1 + travel) / leave
                    for competency in role.competencies where need(trip.locality, competency) != nil {
                        let variable = model.addVariable(
                            Self.name("care", [role.id, base, trip.locality, competency]), objective: pay + fares)
                        care.append(
                            Care(
                                role: role, base: base, locality: trip.locality, competency: competency,
                                variable: variable, travelPerHour: travel, faresPerHour: fares, payPerHour: pay))
                    }
                }
            }
        }
    }

    private mutating func addNeedColumnsAndRows() {
        let settings = plannedCase.settings
        var cover = Array(repeating: LinearExpression(), count: needs.count)
        var staffed = Array(repeating: LinearExpression(), count: needs.count)
        for column in care {
            if let i = need(column.locality, column.competency) { cover[i].add(column.variable) }
            for held in column.role.competencies {
                if let i = need(column.locality, held) { staffed[i].add(column.variable) }
            }
        }
        for (i, need) in needs.enumerated() {
            let key = [need.localityID, need.competencyID]
            if settings.agencyHourlyCost > 0 {
                let hired = model.addVariable(Self.name("agency", key), objective: settings.agencyHourlyCost)
                agency[i] = hired
                cover[i].add(hired)
                staffed[i].add(hired)
            }
            if need.careHours > 0 {
                let left = model.addVariable(Self.name("unmet", key), objective: settings.unmetHourPenalty)
                unmet[i] = left
                cover[i].add(left)
                model.addConstraint(Self.name("cover", key), cover[i], .greaterOrEqual(need.careHours))
            }
            if need.staffedHours > 0 {
                let missing = model.addVariable(Self.name("short", key), objective: need.shortPenalty)
                short[i] = missing
                staffed[i].add(missing)
                model.addConstraint(Self.name("staffed", key), staffed[i], .greaterOrEqual(need.staffedHours))
            }
        }
    }

    private mutating func addAgencyCap() {
        guard let cap = plannedCase.settings.agencyMaxHours, !agency.isEmpty else { return }
        model.addConstraint("agency_cap", .sum(agency.values), .lessOrEqual(cap))
    }

    private mutating func addBudgets() {
        let agencyCost = plannedCase.settings.agencyHourlyCost
        for sector in plannedCase.sectors {
            guard let budget = sector.budget else { continue }
            var spent = LinearExpression()
            for column in care where plannedCase.sector(ofCompetency: column.competency) == sector.id {
                spent.add(column.variable, column.payPerHour + column.faresPerHour)
            }
            for (i, hired) in agency where plannedCase.sector(ofCompetency: needs[i].competencyID) == sector.id {
                spent.add(hired, agencyCost)
            }
            model.addConstraint(Self.name("budget", [sector.id]), spent, .lessOrEqual(budget))
        }
    }

    private mutating func addGenericShare() {
        guard let share = settings.maxGenericShare, care.contains(where: \.role.generic) else { return }
        var excess = LinearExpression()
        for column in care {
            let paid = 1 + column.travelPerHour
            excess.add(column.variable, column.role.generic ? (1 - share) * paid : -share * paid)
        }
        model.addConstraint("generic_share", excess, .lessOrEqual(0))
    }

    /// A readable column or row name, e.g. `care[rn,kirkwall,stromness,nursing]` (``LinearModel/name(_:_:)``).
    static func name(_ prefix: String, _ parts: [String]) -> String { LinearModel.name(prefix, parts) }
}
