import LinearModel
import Workforce

/// `min_staff` counts the people on the shift there who hold the competency, plus agency shifts
/// booked for it; each head short costs `under_weight`. Columns `short[date,shift,locality,
/// competency]`; rows `min_staff[...]`. Needs ``AgencyShifts`` first.
public struct UnderStaffing: RosterRule {
    public let id = RuleID.underStaff
    public init() {}
    public func apply(to r: inout RosterModel) {
        for key in r.demandKeys {
            let demand = r.demand[key]!
            guard demand.minStaff > 0 else { continue }
            var count = r.heads(key)
            if let agency = r.agencyColumns[key] { count.add(agency) }
            let short = r.model.addVariable(
                r.name("short", key), upper: Double(demand.minStaff),
                objective: demand.underWeight)
            r.model.addConstraint(r.name("min_staff", key), count + short, .greaterOrEqual(Double(demand.minStaff)))
            r.coverPenalties[key, default: []].append(short)
        }
    }
}
