import LinearModel
import Workforce

/// Fairness: for staff with `contract_hours` > 0, weekend load = weekends worked x 37.5 /
/// contract_hours; `fairness_weight` x (largest load - smallest load). Columns `load_max`,
/// `load_min`; rows `load_max[person]`, `load_min[person]`.
public struct WeekendFairness: RosterRule {
    public let id = RuleID.fairness
    public init() {}
    public func apply(to r: inout RosterModel) {
        let weight = r.roster.settings.fairnessWeight
        let contracted = r.roster.staff.indices.filter { r.roster.staff[$0].contractHours > 0 }
        guard weight > 0, contracted.count > 1 else { return }
        let high = r.model.addVariable("load_max", objective: weight)
        let low = r.model.addVariable("load_min", objective: -weight)
        for p in contracted {
            let load = (37.5 / r.roster.staff[p].contractHours) * LinearExpression.sum(r.weekends(p))
            r.model.addConstraint(
                r.name("load_max", [r.roster.staff[p].id]), LinearExpression(high) - load, .greaterOrEqual(0))
            r.model.addConstraint(
                r.name("load_min", [r.roster.staff[p].id]), LinearExpression(low) - load, .lessOrEqual(0))
        }
    }
}
