import LinearModel
import Workforce

/// Runs of working days last at least `min_consecutive_days`, except runs cut by the horizon's
/// start or end. Rows `min_run[person,date,j]`: a run starting on the date (worked, the day
/// before off) continues j days later: w[d] - w[d-1] <= w[d+j], for j < min while d+j is in the horizon.
public struct MinimumConsecutiveDays: RosterRule {
    public let id = RuleID.minConsecutiveDays
    public init() {}
    public func apply(to r: inout RosterModel) {
        let days = r.roster.days.count
        for (p, person) in r.roster.staff.enumerated() where person.minConsecutiveDays > 1 {
            for d in 1..<max(days, 1) where !r.worked(p, d).terms.isEmpty {
                for j in 1..<person.minConsecutiveDays where d + j < days {
                    r.model.addConstraint(
                        r.name("min_run", [r.roster.staff[p].id, r.roster.days[d].iso, String(j)]),
                        r.worked(p, d) - r.worked(p, d - 1) - r.worked(p, d + j), .lessOrEqual(0))
                }
            }
        }
    }
}
