import LinearModel
import Workforce

/// Care time: a worked shift gives its `paid_hours` (travel excluded) as care time, split across
/// the competencies the person holds where there is demand for hours. Columns
/// `care[person,date,shift,locality,competency]`; rows `split[person,date,shift,locality]`: the
/// shift's care columns sum to at most its paid hours times its shift column.
public struct CareSplit: RosterRule {
    public let id = RuleID.careSplit
    public init() {}
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        for (i, candidate) in r.candidates.all.enumerated() {
            let person = c.staff[candidate.person]
            let paid = c.shifts[candidate.shift].paidHours
            var split = LinearExpression()
            for competency in person.competencies {
                guard let k = r.competencyIndex[competency] else { continue }
                let key = DemandKey(
                    day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: k)
                guard let demand = r.demand[key], demand.hours > 0 else { continue }
                let column = r.model.addVariable(r.name("care", candidate, [competency]), upper: paid)
                r.careColumns[RosterModel.CareKey(candidate: i, competency: k)] = column
                r.careByDemand[key, default: []].append(column)
                split.add(column)
            }
            guard !split.terms.isEmpty else { continue }
            split.add(r.shiftColumns[i], -paid)
            r.model.addConstraint(r.name("split", candidate), split, .lessOrEqual(0))
        }
    }
}
