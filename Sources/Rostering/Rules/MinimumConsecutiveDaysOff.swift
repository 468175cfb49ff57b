import LinearModel
import Workforce

/// Runs of days off last at least `min_consecutive_days_off`, except runs cut by the horizon's
/// start or end. Rows `min_off[person,date,j]`: an off run starting on the date (off, the day before
/// worked) stays off j days later: w[d-1] - w[d] <= 1 - w[d+j].
public struct MinimumConsecutiveDaysOff: RosterRule {
    public let id = RuleID.minConsecutiveDaysOff
    public init() {}
    public func apply(to r: inout RosterModel) {
        let days = r.roster.days.count
        for (p, person) in r.roster.staff.enumerated() where person.minConsecutiveDaysOff > 1 {
            for d in 1..<max(days, 1) where !r.worked(p, d - 1).terms.isEmpty {
                for j in 1..<person.minConsecutiveDaysOff where d + j < days && !r.worked(p, d + j).terms.isEmpty {
                    r.model.addConstraint(
                        r.name("min_off", [r.roster.staff[p].id, r.roster.days[d].iso, String(j)]),
                        r.worked(p, d - 1) - r.worked(p, d) + r.worked(p, d + j), .lessOrEqual(1))
                }
            }
        }
    }
}
