/// What kept one person off a short demand row's shift, or what kept agency from covering it: the
/// `reason` column of explanations.csv. Cases are in the order the report lists people by.
public enum ShortfallReason: String, CaseIterable, Sendable, Comparable {
    /// Free that day and allowed by every hard rule: the solver left them idle (their cost).
    case freeNotChosen = "free_not_chosen"
    /// On this very shift here, so counted; their care time may go to another competency.
    case onThisShift = "on_this_shift"
    /// On another shift that day, here or at another locality.
    case otherShift = "other_shift"
    /// pinned.csv keeps them off, or on something else, that day.
    case pinned
    /// availability.csv: unavailable that day or for that shift.
    case unavailable
    /// The locality is not one of theirs, though within travel reach.
    case localityNotAllowed = "locality_not_allowed"
    /// The locality is beyond `max_travel_minutes` each way, or not reachable by travel.csv.
    case travelTooLong = "travel_too_long"
    /// Too little rest (travel included) after the shift before or before the shift after.
    case rest
    /// forbidden_sequences.csv forbids the shift after, or before, a neighbouring day's shift.
    case forbiddenSequence = "forbidden_sequence"
    /// staff_shift_limits.csv: the shift's count is reached.
    case shiftLimit = "shift_limit"
    /// `max_weekends` is reached.
    case weekendLimit = "weekend_limit"
    /// A run of days worked or off would break `max_consecutive_days`, `min_consecutive_days` or
    /// `min_consecutive_days_off`.
    case runOfDays = "run_of_days"
    /// `max_hours` over the horizon is reached by the shifts already rostered.
    case hoursLimit = "hours_limit"
    /// Agency: `agency_hourly_cost` is 0, so there is no agency cover.
    case noAgency = "no_agency"
    /// Agency: `agency_max_hours` leaves less than a shift.
    case agencyCapReached = "agency_cap_reached"
    /// Agency: allowed, but not booked (its cost).
    case agencyNotChosen = "agency_not_chosen"

    /// Words for planners, e.g. "on another shift".
    public var label: String {
        switch self {
        case .freeNotChosen: "free but not chosen"
        case .onThisShift: "on this shift"
        case .otherShift: "on another shift"
        case .pinned: "pinned"
        case .unavailable: "unavailable"
        case .localityNotAllowed: "not allowed here"
        case .travelTooLong: "travel too long"
        case .rest: "rest"
        case .forbiddenSequence: "forbidden sequence"
        case .shiftLimit: "shift limit"
        case .weekendLimit: "weekend limit"
        case .runOfDays: "run of days"
        case .hoursLimit: "hours limit"
        case .noAgency: "no agency"
        case .agencyCapReached: "agency cap reached"
        case .agencyNotChosen: "agency not chosen"
        }
    }

    /// The reason a hard rule broken by one more shift stands for (`nil` for rules one more shift
    /// cannot break, and for the locality rule, which is told apart by travel).
    init?(breaking rule: RuleID) {
        switch rule {
        case .unavailable: self = .unavailable
        case .pinned: self = .pinned
        case .rest: self = .rest
        case .forbiddenSequence: self = .forbiddenSequence
        case .shiftLimit: self = .shiftLimit
        case .maxWeekends: self = .weekendLimit
        case .maxConsecutiveDays, .minConsecutiveDays, .minConsecutiveDaysOff: self = .runOfDays
        case .maxHours: self = .hoursLimit
        default: return nil
        }
    }

    /// When one more shift breaks several rules, the one named first: a pin or leave before
    /// place, place before the rules of the days around it, the horizon's totals last.
    static let precedence: [ShortfallReason] = [
        .pinned, .unavailable, .localityNotAllowed, .travelTooLong, .rest, .forbiddenSequence, .shiftLimit,
        .weekendLimit, .runOfDays, .hoursLimit,
    ]

    public static func < (lhs: ShortfallReason, rhs: ShortfallReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
