/// The largest values a case may hold. Every number is checked against one of these where it is read,
/// so that every sum and product the model forms stays finite and exact, and a mistyped cell (`1e300`,
/// a pasted account number) is a located error instead of a crash or a nonsense roster.
public enum Limits {
    /// Days in a horizon: two years (a leap day included).
    public static let horizonDays = 731
    /// Hours in a week (contracts and weekly limits are averages per week).
    public static let weeklyHours = 168.0
    /// Hours of one shift (`paid_hours`) and of care on one shift.
    public static let shiftHours = 24.0
    /// Hours of care asked for by one demand row, and the agency cap.
    public static let demandHours = 1_000_000.0
    /// Minutes of one journey (a week: ferries that sail weekly are still a journey).
    public static let travelMinutes = 10_080.0
    /// Rest between shifts, in hours.
    public static let restHours = 48.0
    /// Money per hour (pay, agency) and per journey.
    public static let hourlyMoney = 1_000_000.0
    /// Money over the horizon (a sector's budget), either sign.
    public static let budget = 1e12
    /// A penalty or weight in the objective.
    public static let weight = 1e9
    /// An overtime multiplier.
    public static let multiplier = 100.0
    /// A count of heads, days, weekends or shifts.
    public static let count = 100_000
    /// The smallest magnitude of a non-zero number (smaller ones are typing mistakes, and lose all
    /// precision in a solver).
    public static let smallestNonZero = 1e-6
}
