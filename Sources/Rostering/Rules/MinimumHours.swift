import LinearModel
import Workforce

/// Paid hours (shift plus travel) over the horizon at least `min_hours x days / 7`. Row
/// `min_hours[person]`, for people with a minimum. The bound is the limit itself (see ``MaximumHours``
/// for why not the spec's 1e-6 allowance).
public struct MinimumHours: RosterRule {
    public let id = RuleID.minHours
    public init() {}

    /// The fewest paid hours `person` may work over a horizon of `days` days.
    static func limit(_ person: Staff, days: Int) -> Double { person.minHours * Double(days) / 7 }

    public func apply(to r: inout RosterModel) {
        for (p, person) in r.roster.staff.enumerated() {
            let lower = Self.limit(person, days: r.roster.days.count)
            guard lower > 0 else { continue }
            r.model.addConstraint(r.name("min_hours", [person.id]), r.paidHours(p), .greaterOrEqual(lower))
        }
    }
}
