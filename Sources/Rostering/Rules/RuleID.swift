/// Every rule of the case format's Semantics section, named once.
///
/// The model (``Formulation``), the per-person schedule oracle (``ScheduleOracle``), the
/// ``Evaluator``, the pin check and the infeasibility explanation all take their lists from here,
/// so a rule cannot be forgotten in one of them. The raw value is the rule's name in messages and
/// in `roster check`'s output. Cases are in the order the model adds them (care and agency columns
/// before the rows that use them).
public enum RuleID: String, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    // Hard rules of one person.
    /// A roster row names a person, a date of the horizon and a shift of the case.
    case rosterRow = "roster_row"
    case oneShiftPerDate = "one_shift_per_date"
    case unavailable
    case locality
    case pinned
    case rest
    case forbiddenSequence = "forbidden_sequence"
    case maxConsecutiveDays = "max_consecutive_days"
    case minConsecutiveDays = "min_consecutive_days"
    case minConsecutiveDaysOff = "min_consecutive_days_off"
    case maxWeekends = "max_weekends"
    case shiftLimit = "shift_limit"
    case maxHours = "max_hours"
    case minHours = "min_hours"
    /// Care time only on shifts worked, for competencies held, at most the shift's paid hours.
    case careSplit = "split"
    /// Agency shifts and their cost.
    case agencyCost = "agency_cost"
    /// All agency hours at most the cap: links people's rosters, and is met by booking no agency.
    case agencyCap = "agency_max_hours"
    // Soft rules: priced in the objective.
    case unmetHours = "unmet_hours"
    case underStaff = "under_staff"
    case overStaff = "over_staff"
    case preference
    case change
    case fairness
    // Costs.
    case pay

    /// Whether a roster must keep the rule, or breaking it is priced, or it is a cost.
    public enum Kind: String, Sendable {
        case hard, soft, cost
    }

    /// Whether the rule concerns one person alone or links several people.
    public enum Scope: String, Sendable {
        case person, linking
    }

    public var kind: Kind {
        switch self {
        case .rosterRow, .oneShiftPerDate, .unavailable, .locality, .pinned, .rest, .forbiddenSequence,
            .maxConsecutiveDays, .minConsecutiveDays, .minConsecutiveDaysOff, .maxWeekends, .shiftLimit, .maxHours,
            .minHours, .careSplit,
            .agencyCap:
            return .hard
        case .unmetHours, .underStaff, .overStaff, .preference, .change, .fairness: return .soft
        case .pay, .agencyCost: return .cost
        }
    }

    public var scope: Scope {
        switch self {
        case .agencyCap, .unmetHours, .underStaff, .overStaff, .fairness, .agencyCost: return .linking
        default: return .person
        }
    }

    /// Hard rules of one person that more shifts can only break, never repair: a set of shifts that
    /// breaks one of them cannot be part of any valid schedule (used to check pins on their own).
    public var brokenByMoreShifts: Bool {
        switch self {
        case .rosterRow, .oneShiftPerDate, .unavailable, .locality, .rest, .forbiddenSequence, .maxConsecutiveDays,
            .maxWeekends, .shiftLimit, .maxHours:
            return true
        default: return false
        }
    }

    /// Where the rule is enforced in the model: by the candidate shifts created (``Candidates``) or
    /// by rows and objective terms of a ``RosterRule``.
    public enum Enforcement: Sendable {
        case candidates, rows
    }

    /// How the model enforces the rule: availability, allowed localities and shift limits of 0
    /// leave candidates out; every other rule adds rows or objective terms.
    public var enforcement: Enforcement {
        switch self {
        case .rosterRow, .unavailable, .locality: return .candidates
        default: return .rows
        }
    }

    /// The hard rules of one person, in catalogue order: what the schedule oracle keeps.
    public static let personHardRules = allCases.filter { $0.kind == .hard && $0.scope == .person }

    public var description: String { rawValue }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension RuleID {
    /// The hard rules that decide which shifts one person may work: what ``ScheduleRules`` keeps and
    /// the ``ScheduleOracle`` searches under (care split and roster rows are about other things).
    public static let scheduleRules = personHardRules.filter { $0 != .careSplit && $0 != .rosterRow }
}
