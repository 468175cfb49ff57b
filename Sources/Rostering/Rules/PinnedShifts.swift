import LinearModel
import Workforce

/// Pins: a pinned shift is worked (at the pinned locality if given). Candidates already hold only
/// the pinned shift (and locality); rows `pin[person,date]`: its columns sum to 1.
public struct PinnedShifts: RosterRule {
    public let id = RuleID.pinned
    public init() {}
    public func apply(to r: inout RosterModel) {
        for pin in r.roster.pins where pin.shiftID != nil {
            guard let p = r.candidates.staffIndex[pin.staffID], let d = r.candidates.dayIndex[pin.day] else { continue }
            r.model.addConstraint(r.name("pin", person: p, day: d), r.worked(p, d), .equal(1))
        }
    }
}
