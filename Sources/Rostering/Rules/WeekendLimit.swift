import LinearModel
import Workforce

/// Weekends (Saturday or Sunday of one ISO week, a week cut by the horizon included) worked at
/// most `max_weekends`. Row `max_weekends[person]` over the weekend columns.
public struct WeekendLimit: RosterRule {
    public let id = RuleID.maxWeekends
    public init() {}
    public func apply(to r: inout RosterModel) {
        for (p, person) in r.roster.staff.enumerated() {
            guard let limit = person.maxWeekends else { continue }
            let weekends = r.weekends(p)
            guard weekends.count > limit else { continue }
            r.model.addConstraint(r.name("max_weekends", [person.id]), .sum(weekends), .lessOrEqual(Double(limit)))
        }
    }
}
