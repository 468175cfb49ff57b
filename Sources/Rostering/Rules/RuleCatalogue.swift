import Workforce

extension RuleID {
    /// The rule type that adds this rule's rows, columns and objective terms to the model; `nil`
    /// for rules the model keeps by never creating a candidate that breaks them
    /// (``Enforcement/candidates``).
    public var modelRule: (any RosterRule)? {
        switch self {
        case .rosterRow, .unavailable, .locality: return nil
        case .oneShiftPerDate: return OneShiftPerDay()
        case .pinned: return PinnedShifts()
        case .rest: return RestBetweenShifts()
        case .forbiddenSequence: return ForbiddenSequences()
        case .maxConsecutiveDays: return MaximumConsecutiveDays()
        case .minConsecutiveDays: return MinimumConsecutiveDays()
        case .minConsecutiveDaysOff: return MinimumConsecutiveDaysOff()
        case .maxWeekends: return WeekendLimit()
        case .shiftLimit: return ShiftLimits()
        case .maxHours: return MaximumHours()
        case .minHours: return MinimumHours()
        case .careSplit: return CareSplit()
        case .agencyCost: return AgencyShifts()
        case .agencyCap: return AgencyCap()
        case .unmetHours: return DemandCover()
        case .underStaff: return UnderStaffing()
        case .overStaff: return OverStaffing()
        case .preference: return Preferences()
        case .change: return BaselineChanges()
        case .fairness: return WeekendFairness()
        case .pay: return Pay()
        }
    }
}
