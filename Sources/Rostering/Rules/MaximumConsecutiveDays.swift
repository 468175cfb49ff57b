import LinearModel
import Workforce

/// Runs of working days are at most `max_consecutive_days`; days outside the horizon count as off,
/// so only windows inside it are constrained. Rows `max_run[person,first date]`: any
/// max+1 consecutive days hold at most max worked days.
public struct MaximumConsecutiveDays: RosterRule {
    public let id = RuleID.maxConsecutiveDays
    public init() {}
    public func apply(to r: inout RosterModel) {
        let days = r.roster.days.count
        for (p, person) in r.roster.staff.enumerated() where person.maxConsecutiveDays < days {
            let m = person.maxConsecutiveDays
            for start in 0...(days - m - 1) {
                var window = LinearExpression()
                for d in start...(start + m) { window += r.worked(p, d) }
                if window.terms.count > m {
                    r.model.addConstraint(r.name("max_run", person: p, day: start), window, .lessOrEqual(Double(m)))
                }
            }
        }
    }
}
