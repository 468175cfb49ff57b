import Workforce

/// What one locality needs of one competency over the whole horizon: demand.csv's rows summed.
public struct LocalNeed: Sendable, Equatable {
    public var localityID: String
    public var competencyID: String
    /// Care time asked for: the rows' `hours`.
    public var careHours: Double
    /// Time on shift there by people holding the competency that `min_staff` asks for: each row's
    /// `min_staff` × its shift's paid hours. A person counts towards every competency they hold.
    public var staffedHours: Double
    /// The penalty per staffed hour short: the rows' `under_weight` per head spread over the paid hours
    /// of those heads (Σ min_staff × under_weight / Σ min_staff × paid hours); 0 when no row has `min_staff`.
    public var shortPenalty: Double

    /// The needs of a case, one per locality and competency that demand.csv names, in the order of
    /// localities.csv then competencies.csv.
    public static func all(_ c: Case) -> [LocalNeed] {
        let paid = Dictionary(c.shifts.map { ($0.id, $0.paidHours) }, uniquingKeysWith: { first, _ in first })
        struct Key: Hashable {
            var locality: String
            var competency: String
        }
        var needs: [Key: LocalNeed] = [:]
        var headPenalties: [Key: Double] = [:]
        for row in c.demand {
            let key = Key(locality: row.localityID, competency: row.competencyID)
            let headHours = Double(row.minStaff) * (paid[row.shiftID] ?? 0)
            needs[key, default: LocalNeed(row.localityID, row.competencyID)].careHours += row.hours
            needs[key]?.staffedHours += headHours
            if headHours > 0 { headPenalties[key, default: 0] += Double(row.minStaff) * row.underWeight }
        }
        for (key, penalty) in headPenalties {
            if let hours = needs[key]?.staffedHours { needs[key]?.shortPenalty = penalty / hours }
        }
        let localityOrder = Dictionary(
            c.localities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let competencyOrder = Dictionary(
            c.competencies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return needs.values.sorted {
            (localityOrder[$0.localityID] ?? 0, competencyOrder[$0.competencyID] ?? 0)
                < (localityOrder[$1.localityID] ?? 0, competencyOrder[$1.competencyID] ?? 0)
        }
    }

    init(_ localityID: String, _ competencyID: String) {
        self.localityID = localityID
        self.competencyID = competencyID
        careHours = 0
        staffedHours = 0
        shortPenalty = 0
    }
}
