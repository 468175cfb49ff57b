import LinearModel
import Workforce

/// A person works at most one shift per date, at one locality.
/// Rows `one_shift[person,date]`: sum of the day's shift columns <= 1.
public struct OneShiftPerDay: RosterRule {
    public let id = RuleID.oneShiftPerDate
    public init() {}
    public func apply(to r: inout RosterModel) {
        for p in r.roster.staff.indices {
            for d in r.roster.days.indices where r.candidates.byPersonDay[p][d].count > 1 {
                r.model.addConstraint(r.name("one_shift", person: p, day: d), r.worked(p, d), .lessOrEqual(1))
            }
        }
    }
}
