import LinearModel
import Workforce

/// Builds the roster MIP of a case from its rules.
public enum Formulation {
    /// Every rule of the case format's Semantics section, hard rules first.
    public static let rules: [any RosterRule] = [
        OneShiftPerDay(), PinnedShifts(), RestBetweenShifts(), ForbiddenSequences(), MaximumConsecutiveDays(),
        MinimumConsecutiveDays(), MinimumConsecutiveDaysOff(), WeekendLimit(), ShiftLimits(), WorkingHours(),
        DemandCover(), StaffingLevels(), Preferences(), BaselineChanges(), WeekendFairness(), Pay(),
    ]

    /// The model of `c` with `rules` (all of them by default).
    public static func build(_ c: Case, rules: [any RosterRule] = rules) -> RosterModel {
        var roster = RosterModel(candidates: Candidates(c))
        for rule in rules { rule.apply(to: &roster) }
        return roster
    }
}
