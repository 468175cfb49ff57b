import LinearModel
import Workforce

/// All agency hours together at most `agency_max_hours`. Row `agency_hours` over the agency
/// columns (each weighted by its shift's paid hours).
public struct AgencyCap: RosterRule {
    public let id = RuleID.agencyCap
    public init() {}
    public func apply(to r: inout RosterModel) {
        guard let cap = r.roster.settings.agencyMaxHours, !r.agencyColumns.isEmpty else { return }
        var hours = LinearExpression()
        for key in r.demandKeys {
            if let column = r.agencyColumns[key] { hours.add(column, r.roster.shifts[key.shift].paidHours) }
        }
        r.model.addConstraint("agency_hours", hours, .lessOrEqual(cap))
    }
}
