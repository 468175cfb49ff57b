import LinearModel
import Workforce

/// Pay: `hourly_cost x contract_hours x weeks` (a constant), plus `hourly_cost x
/// overtime_multiplier` per paid hour above `contract_hours x weeks` (columns `overtime[person]`,
/// rows `overtime[person]`), plus travel cost of every shift away from home.
public struct Pay: RosterRule {
    public let id = RuleID.pay
    public init() {}
    public func apply(to r: inout RosterModel) {
        let weeks = r.roster.weeks
        for (p, person) in r.roster.staff.enumerated() {
            let contracted = person.contractHours * weeks
            r.model.addToObjective(LinearExpression(constant: person.hourlyCost * contracted))
            let rate = person.hourlyCost * person.overtimeMultiplier
            if rate > 0 {
                let overtime = r.model.addVariable(r.name("overtime", [person.id]), objective: rate)
                r.model.addConstraint(
                    r.name("overtime", [person.id]), r.paidHours(p) - overtime, .lessOrEqual(contracted))
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
