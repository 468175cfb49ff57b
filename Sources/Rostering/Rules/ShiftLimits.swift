import LinearModel
import Workforce

/// Shift counts at most `staff_shift_limits.csv` (a limit of 0 removes the candidates instead).
/// Rows `shift_limit[person,shift]`.
public struct ShiftLimits: RosterRule {
    public let id = RuleID.shiftLimit
    public init() {}
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        for (p, person) in c.staff.enumerated() {
            for (s, shift) in c.shifts.enumerated() {
                guard let limit = c.shiftLimits[Pair(person.id, shift.id)], limit > 0 else { continue }
                var count = LinearExpression()
                for d in c.days.indices { count += r.worked(p, d, shift: s) }
                if count.terms.count > limit {
                    r.model.addConstraint(
                        r.name("shift_limit", [person.id, shift.id]), count, .lessOrEqual(Double(limit)))
                }
            }
        }
    }
}
