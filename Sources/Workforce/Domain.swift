/// A place where care is given, e.g. an island or a town's hub.
public struct Locality: Sendable, Equatable {
    public var id: String
    public var name: String
    /// A cluster for reports, e.g. `north_isles`.
    public var group: String
}

/// One-way door-to-door travel between two localities, ferry included.
public struct Travel: Sendable, Equatable {
    public var minutes: Double
    public var cost: Double

    public init(minutes: Double, cost: Double) {
        self.minutes = minutes
        self.cost = cost
    }
}

/// An organisation that funds work (an NHS board, a council's social care, the voluntary sector).
public struct Sector: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Money available over the horizon, `nil` when none is stated.
    public var budget: Double?

    /// The implicit sector of competencies without one and of staff without an employer.
    public static let unassigned = "unassigned"
    /// The employer of a cross-sector (generic worker) contract.
    public static let joint = "joint"
}

/// A skill that demand asks for, funded by one sector.
public struct Competency: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The funding sector (``Sector/unassigned`` when the file leaves it empty).
    public var sectorID: String
}

/// A job role: default competencies and pay for the staff who hold it.
public struct Role: Sendable, Equatable {
    public var id: String
    public var name: String
    public var competencies: [String]
    public var hourlyCost: Double?
    /// A cross-sector generic worker role.
    public var generic: Bool
}

/// A shift pattern. Times are minutes from the start of the date it starts on; `end > start`
/// (a shift crossing midnight ends after 1440).
public struct Shift: Sendable, Equatable {
    public var id: String
    public var name: String
    public var start: Int
    public var end: Int
    /// Paid (care) hours of the shift, travel excluded.
    public var paidHours: Double
}

/// A member of staff and the contract terms that bind the roster.
public struct Staff: Sendable, Equatable {
    public var id: String
    public var name: String
    public var roleID: String
    /// Every competency held (the role's plus the person's own), in a stable order.
    public var competencies: [String]
    /// The sector holding the contract, ``Sector/joint``, or ``Sector/unassigned``.
    public var employer: String
    public var homeLocality: String
    /// Exactly the localities the person may work in.
    public var localities: [String]
    /// Contracted hours per week (0 = bank / zero-hours).
    public var contractHours: Double
    public var minHours: Double
    public var maxHours: Double
    public var hourlyCost: Double
    public var overtimeMultiplier: Double
    public var maxConsecutiveDays: Int
    public var minConsecutiveDays: Int
    public var minConsecutiveDaysOff: Int
    /// Weekends that may be worked in the horizon, `nil` = no limit.
    public var maxWeekends: Int?

    public func holds(_ competency: String) -> Bool { competencies.contains(competency) }
}

/// What an availability row says about a date (or one shift on it).
public enum AvailabilityKind: String, Sendable, CaseIterable {
    /// Hard: no work then.
    case unavailable
    /// Soft: broken if the shift (any shift, without one) is worked.
    case preferOff = "prefer_off"
    /// Soft: broken unless the shift (any shift, without one) is worked.
    case preferOn = "prefer_on"
}

/// One availability.csv row.
public struct Availability: Sendable, Equatable {
    public var staffID: String
    public var day: Day
    /// `nil` = the whole day.
    public var shiftID: String?
    public var kind: AvailabilityKind
    public var weight: Double
}

/// What one (date, shift, locality, competency) needs.
public struct Demand: Sendable, Equatable {
    public var day: Day
    public var shiftID: String
    public var localityID: String
    public var competencyID: String
    public var hours: Double
    public var minStaff: Int
    /// `nil` = no limit.
    public var maxStaff: Int?
    public var underWeight: Double
    public var overWeight: Double
}

/// A planner's fixed assignment: a shift (at a locality or anywhere allowed), or a day off.
public struct Pin: Sendable, Equatable {
    public var staffID: String
    public var day: Day
    /// `nil` pins a day off.
    public var shiftID: String?
    /// `nil` leaves the locality to the solver.
    public var localityID: String?
    /// The pinned.csv line, for error messages; `nil` for a pin made by freezing the baseline.
    public var line: Int?
}

/// One shift worked by one person: a row of roster.csv (or baseline.csv).
public struct Assignment: Sendable, Equatable, Hashable {
    public var staffID: String
    public var day: Day
    public var shiftID: String
    public var localityID: String

    public init(staffID: String, day: Day, shiftID: String, localityID: String) {
        self.staffID = staffID
        self.day = day
        self.shiftID = shiftID
        self.localityID = localityID
    }
}

/// settings.csv: case-wide rules and weights, with the spec's defaults.
public struct Settings: Sendable, Equatable {
    public var horizonStart: Day?
    public var horizonEnd: Day?
    public var minRestHours: Double = 11
    public var maxConsecutiveDays: Int = 6
    public var maxWeeklyHours: Double = 48
    public var maxTravelMinutes: Double = 90
    public var overtimeMultiplier: Double = 1.5
    /// 0 = no agency cover.
    public var agencyHourlyCost: Double = 0
    /// `nil` = unlimited.
    public var agencyMaxHours: Double?
    public var unmetHourPenalty: Double = 1000
    public var underWeight: Double = 1000
    public var overWeight: Double = 0
    public var preferenceWeight: Double = 10
    public var changeWeight: Double = 50
    public var fairnessWeight: Double = 0
    public var amberThreshold: Double = 0.9

    public init() {}
}

/// An ordered pair of ids (travel from → to, forbidden shift sequences).
public struct Pair: Hashable, Sendable {
    public var from: String
    public var to: String
    public init(_ from: String, _ to: String) {
        self.from = from
        self.to = to
    }
}

/// A whole case: everything needed to roster one workforce over one horizon.
public struct Case: Sendable, Equatable {
    public var localities: [Locality] = []
    /// Travel in each direction (a pair given one way holds both ways).
    public var travel: [Pair: Travel] = [:]
    public var sectors: [Sector] = []
    public var competencies: [Competency] = []
    public var roles: [Role] = []
    public var shifts: [Shift] = []
    public var staff: [Staff] = []
    /// Most times a person may work a shift: keyed by (staff, shift).
    public var shiftLimits: [Pair: Int] = [:]
    public var availability: [Availability] = []
    public var demand: [Demand] = []
    /// (from shift, to shift) not to be worked on consecutive days.
    public var forbiddenSequences: Set<Pair> = []
    public var pins: [Pin] = []
    /// The previously published roster, `nil` without baseline.csv.
    public var baseline: [Assignment]?
    public var settings = Settings()
    /// Every date of the horizon, in order.
    public var days: [Day] = []

    public init() {}

    /// Travel from `from` to `to`: zero to itself, `nil` when not reachable.
    public func travel(from: String, to: String) -> Travel? {
        from == to ? Travel(minutes: 0, cost: 0) : travel[Pair(from, to)]
    }

    public func competency(_ id: String) -> Competency? { competencies.first { $0.id == id } }

    /// The horizon's length in weeks (days / 7).
    public var weeks: Double { Double(days.count) / 7 }

    /// The sector funding a competency (``Sector/unassigned`` when unknown).
    public func sector(ofCompetency id: String) -> String { competency(id)?.sectorID ?? Sector.unassigned }
}
