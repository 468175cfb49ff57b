import LinearModel
import Workforce

/// A key of demand.csv: (day, shift, locality, competency) by index.
public struct DemandKey: Hashable, Sendable {
    public var day: Int
    public var shift: Int
    public var locality: Int
    public var competency: Int
}

/// A case by index: the candidate shifts, the demand rows by key, and who could meet each.
/// Everything the search needs without a model; the model (``RosterModel``) is built on it.
public struct CaseIndex: Sendable {
    public let candidates: Candidates
    public let competencyIndex: [String: Int]
    /// Demand rows by key.
    public let demand: [DemandKey: Demand]
    /// Demand keys in file order.
    public let demandKeys: [DemandKey]
    /// Candidates (indices into ``Candidates/all``) whose person holds the key's competency, by demand key.
    public let holders: [DemandKey: [Int]]
    /// The demand keys each candidate meets with a competency its person holds (same order as ``Candidates/all``).
    public let keysMet: [[DemandKey]]

    public init(_ candidates: Candidates) {
        self.candidates = candidates
        let c = candidates.case
        competencyIndex = Dictionary(uniqueKeysWithValues: c.competencies.enumerated().map { ($1.id, $0) })
        var demand: [DemandKey: Demand] = [:]
        var keys: [DemandKey] = []
        for row in c.demand {
            guard let d = candidates.dayIndex[row.day], let s = candidates.shiftIndex[row.shiftID],
                let l = candidates.localityIndex[row.localityID], let k = competencyIndex[row.competencyID]
            else { continue }
            let key = DemandKey(day: d, shift: s, locality: l, competency: k)
            demand[key] = row
            keys.append(key)
        }
        self.demand = demand
        demandKeys = keys
        var holders: [DemandKey: [Int]] = [:]
        var keysMet: [[DemandKey]] = []
        keysMet.reserveCapacity(candidates.all.count)
        let known = competencyIndex
        let held = c.staff.map { $0.competencies.compactMap { known[$0] } }
        for (i, candidate) in candidates.all.enumerated() {
            var met: [DemandKey] = []
            for k in held[candidate.person] {
                let key = DemandKey(
                    day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: k)
                if demand[key] != nil {
                    holders[key, default: []].append(i)
                    met.append(key)
                }
            }
            keysMet.append(met)
        }
        self.holders = holders
        self.keysMet = keysMet
    }

    /// The case.
    public var `case`: Case { candidates.case }
}

extension CaseIndex {
    /// The demand keys with hours that candidate `i`'s care time may go to (its person's
    /// competencies with hours demanded at its place).
    func careKeys(_ i: Int) -> [DemandKey] { keysMet[i].filter { demand[$0]!.hours > 0 } }
}

extension CaseIndex {
    /// The whole agency shifts that a solution's agency columns (one per demand key that allows
    /// agency) book, in the order of the demand keys.
    func agencyBookings(_ columns: [DemandKey: Variable], _ values: [Double]) -> [AgencyBooking] {
        let c = candidates.case
        return demandKeys.compactMap { key in
            guard let column = columns[key] else { return nil }
            let shifts = Int(values[column.index].rounded())
            guard shifts > 0 else { return nil }
            return AgencyBooking(
                day: c.days[key.day], shiftID: c.shifts[key.shift].id, localityID: c.localities[key.locality].id,
                competencyID: c.competencies[key.competency].id, shifts: shifts)
        }
    }
}
