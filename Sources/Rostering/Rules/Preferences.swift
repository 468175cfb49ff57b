import LinearModel
import Workforce

/// Preferences: `prefer_off` is broken when the shift (any shift, without one) is worked;
/// `prefer_on` unless it is. Each broken preference costs its weight; no columns or rows, only
/// objective terms (a `prefer_on` that cannot be met is a constant).
public struct Preferences: RosterRule {
    public let id = RuleID.preference
    public init() {}
    public func apply(to r: inout RosterModel) {
        for rule in r.roster.availability where rule.kind != .unavailable {
            r.model.addToObjective(rule.weight * Self.broken(rule, r))
        }
    }

    /// 1 when the preference is broken, as an expression in the shift columns.
    static func broken(_ rule: Availability, _ r: RosterModel) -> LinearExpression {
        guard let p = r.candidates.staffIndex[rule.staffID], let d = r.candidates.dayIndex[rule.day] else { return 0 }
        let worked =
            rule.shiftID.flatMap { r.candidates.shiftIndex[$0] }.map { r.worked(p, d, shift: $0) } ?? r.worked(p, d)
        return rule.kind == .preferOff ? worked : LinearExpression(constant: 1) - worked
    }
}
