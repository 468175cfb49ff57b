import LinearModel
import Workforce

/// Care time and demand hours. A worked shift gives its `paid_hours` (travel excluded) as care
/// time, split across the competencies the person holds: columns `care[person,date,shift,locality,
/// competency]`, rows `split[...]` (care <= paid hours x shift column). Demand hours are met by care
/// time, by agency shifts (integer columns `agency[date,shift,locality,competency]`, each giving the
/// shift's paid hours and costing paid hours x `agency_hourly_cost`, capped in total by
/// `agency_max_hours`), or left unmet (columns `unmet[...]`, `unmet_hour_penalty` per hour).
/// Rows `cover[date,shift,locality,competency]`.
public struct DemandCover: RosterRule {
    public let name = "cover"
    public func apply(to r: inout RosterModel) {
        let c = r.roster, s = c.settings
        var careByKey: [DemandKey: LinearExpression] = [:]
        for (i, candidate) in r.candidates.all.enumerated() {
            let person = c.staff[candidate.person]
            var split = LinearExpression()
            for competency in person.competencies {
                guard let k = r.competencyIndex[competency] else { continue }
                let key = DemandKey(day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: k)
                guard let demand = r.demand[key], demand.hours > 0 else { continue }
                let column = r.model.addVariable(r.name("care", candidate, [competency]), upper: c.shifts[candidate.shift].paidHours)
                r.careColumns[RosterModel.CareKey(candidate: i, competency: k)] = column
                split.add(column)
                careByKey[key, default: LinearExpression()].add(column)
            }
            if !split.terms.isEmpty {
                split.add(r.shiftColumns[i], -c.shifts[candidate.shift].paidHours)
                r.model.addConstraint(r.name("split", candidate), split, .lessOrEqual(0))
            }
        }
        var agencyHours = LinearExpression()
        for key in r.demandKeys {
            let demand = r.demand[key]!
            let paid = c.shifts[key.shift].paidHours
            if s.agencyHourlyCost > 0, paid > 0, demand.hours > 0 || demand.minStaff > 0 {
                var most = max((demand.hours / paid).rounded(.up), Double(demand.minStaff))
                if let cap = s.agencyMaxHours { most = min(most, (cap / paid + 1e-9).rounded(.down)) }
                if most >= 1 {
                    let column = r.model.addVariable(r.name("agency", key), kind: .integer, upper: most,
                                                     objective: paid * s.agencyHourlyCost)
                    r.agencyColumns[key] = column
                    agencyHours.add(column, paid)
                }
            }
            guard demand.hours > 0 else { continue }
            let unmet = r.model.addVariable(r.name("unmet", key), upper: demand.hours, objective: s.unmetHourPenalty)
            var cover = careByKey[key] ?? LinearExpression()
            cover.add(unmet)
            if let agency = r.agencyColumns[key] { cover.add(agency, paid) }
            r.model.addConstraint(r.name("cover", key), cover, .greaterOrEqual(demand.hours))
        }
        if let cap = s.agencyMaxHours, !agencyHours.terms.isEmpty {
            r.model.addConstraint("agency_hours", agencyHours, .lessOrEqual(cap + 1e-9))
        }
    }
}

/// Heads: `min_staff` counts the people on the shift there holding the competency plus agency
/// shifts for it; each head short costs `under_weight` (columns `short[...]`, rows `min_staff[...]`),
/// each head above `max_staff` costs `over_weight` (columns `over[...]`, rows `max_staff[...]`).
/// Needs ``DemandCover`` first (for the agency columns).
public struct StaffingLevels: RosterRule {
    public let name = "staffing"
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        var heads: [DemandKey: LinearExpression] = [:]
        for (i, candidate) in r.candidates.all.enumerated() {
            for competency in c.staff[candidate.person].competencies {
                guard let k = r.competencyIndex[competency] else { continue }
                let key = DemandKey(day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: k)
                guard let demand = r.demand[key], demand.minStaff > 0 || (demand.maxStaff != nil && demand.overWeight > 0)
                else { continue }
                heads[key, default: LinearExpression()].add(r.shiftColumns[i])
            }
        }
        for key in r.demandKeys {
            let demand = r.demand[key]!
            var count = heads[key] ?? LinearExpression()
            if let agency = r.agencyColumns[key] { count.add(agency) }
            if demand.minStaff > 0 {
                let short = r.model.addVariable(r.name("short", key), upper: Double(demand.minStaff), objective: demand.underWeight)
                r.model.addConstraint(r.name("min_staff", key), count + short, .greaterOrEqual(Double(demand.minStaff)))
            }
            if let most = demand.maxStaff, demand.overWeight > 0, count.terms.count > most {
                let over = r.model.addVariable(r.name("over", key), objective: demand.overWeight)
                r.model.addConstraint(r.name("max_staff", key), count - over, .lessOrEqual(Double(most)))
            }
        }
    }
}

/// Preferences: `prefer_off` is broken when the shift (any shift, without one) is worked;
/// `prefer_on` unless it is. Each broken preference costs its weight; no columns or rows, only
/// objective terms (a `prefer_on` that cannot be met is a constant).
public struct Preferences: RosterRule {
    public let name = "preference"
    public func apply(to r: inout RosterModel) {
        for rule in r.roster.availability where rule.kind != .unavailable {
            r.model.addToObjective(rule.weight * Self.broken(rule, r))
        }
    }

    /// 1 when the preference is broken, as an expression in the shift columns.
    static func broken(_ rule: Availability, _ r: RosterModel) -> LinearExpression {
        guard let p = r.candidates.staffIndex[rule.staffID], let d = r.candidates.dayIndex[rule.day] else { return 0 }
        let worked = rule.shiftID.flatMap { r.candidates.shiftIndex[$0] }.map { r.worked(p, d, shift: $0) } ?? r.worked(p, d)
        return rule.kind == .preferOff ? worked : LinearExpression(constant: 1) - worked
    }
}

/// Changes against baseline.csv: each (person, date) whose (shift, locality) differs from the
/// baseline's, a day off included, costs `change_weight`: 1 - x[baseline shift] on a baseline
/// working day, the day's shifts on a baseline day off. Objective terms only.
public struct BaselineChanges: RosterRule {
    public let name = "change"
    public func apply(to r: inout RosterModel) {
        guard let baseline = r.roster.baseline else { return }
        let weight = r.roster.settings.changeWeight
        var planned: [[Int]: Assignment] = [:]
        for row in baseline {
            if let p = r.candidates.staffIndex[row.staffID], let d = r.candidates.dayIndex[row.day] { planned[[p, d]] = row }
        }
        for p in r.roster.staff.indices {
            for d in r.roster.days.indices {
                if let row = planned[[p, d]] {
                    var change = LinearExpression(constant: 1)
                    if let s = r.candidates.shiftIndex[row.shiftID], let l = r.candidates.localityIndex[row.localityID],
                       let i = r.candidates.index[Candidate(person: p, day: d, shift: s, locality: l)] {
                        change.add(r.shiftColumns[i], -1)
                    }
                    r.model.addToObjective(weight * change)
                } else {
                    r.model.addToObjective(weight * r.worked(p, d))
                }
            }
        }
    }
}

/// Fairness: for staff with `contract_hours` > 0, weekend load = weekends worked x 37.5 /
/// contract_hours; `fairness_weight` x (largest load - smallest load). Columns `load_max`,
/// `load_min`; rows `load_max[person]`, `load_min[person]`.
public struct WeekendFairness: RosterRule {
    public let name = "fairness"
    public func apply(to r: inout RosterModel) {
        let weight = r.roster.settings.fairnessWeight
        let contracted = r.roster.staff.indices.filter { r.roster.staff[$0].contractHours > 0 }
        guard weight > 0, contracted.count > 1 else { return }
        let high = r.model.addVariable("load_max", objective: weight)
        let low = r.model.addVariable("load_min", objective: -weight)
        for p in contracted {
            let load = (37.5 / r.roster.staff[p].contractHours) * LinearExpression.sum(r.weekends(p))
            r.model.addConstraint(r.name("load_max", [r.roster.staff[p].id]), LinearExpression(high) - load, .greaterOrEqual(0))
            r.model.addConstraint(r.name("load_min", [r.roster.staff[p].id]), LinearExpression(low) - load, .lessOrEqual(0))
        }
    }
}

/// Pay: `hourly_cost x contract_hours x weeks` (a constant), plus `hourly_cost x
/// overtime_multiplier` per paid hour above `contract_hours x weeks` (columns `overtime[person]`,
/// rows `overtime[person]`), plus travel cost of every shift away from home.
public struct Pay: RosterRule {
    public let name = "pay"
    public func apply(to r: inout RosterModel) {
        let weeks = r.roster.weeks
        for (p, person) in r.roster.staff.enumerated() {
            let contracted = person.contractHours * weeks
            r.model.addToObjective(LinearExpression(constant: person.hourlyCost * contracted))
            let rate = person.hourlyCost * person.overtimeMultiplier
            if rate > 0 {
                let overtime = r.model.addVariable(r.name("overtime", [person.id]), objective: rate)
                r.model.addConstraint(r.name("overtime", [person.id]), r.paidHours(p) - overtime, .lessOrEqual(contracted))
            }
            for d in r.roster.days.indices {
                for i in r.candidates.byPersonDay[p][d] {
                    let candidate = r.candidates.all[i]
                    if let cost = r.candidates.travel[p][candidate.locality]?.cost, cost != 0 {
                        r.model.addToObjective(cost * LinearExpression(r.shiftColumns[i]))
                    }
                }
            }
        }
    }
}
