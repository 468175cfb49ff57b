import LinearModel
import Workforce

/// Paid hours (shift plus travel) over the horizon at most `max_hours x max(days, 7) / 7`. Row
/// `max_hours[person]`, left out when every shift the person could work fits. The row's bound is the
/// limit itself, not the limit plus the spec's 1e-6 allowance: with bounds offset by 1e-6, GLPK 5.0's
/// simplex declared feasible models infeasible (a residual infeasibility of 5e-7 left after its
/// perturbation); its own tolerances cover rounding.
public struct MaximumHours: RosterRule {
    public let id = RuleID.maxHours
    public init() {}

    /// The most paid hours `person` may work over a horizon of `days` days.
    static func limit(_ person: Staff, days: Int) -> Double { person.maxHours * Double(max(days, 7)) / 7 }

    public func apply(to r: inout RosterModel) {
        for (p, person) in r.roster.staff.enumerated() {
            let upper = Self.limit(person, days: r.roster.days.count)
            let hours = r.paidHours(p)
            guard hours.terms.reduce(0, { $0 + $1.coefficient }) > upper else { continue }
            r.model.addConstraint(r.name("max_hours", [person.id]), hours, .lessOrEqual(upper))
        }
    }
}
