import LinearModel
import Workforce

/// Demand hours for (date, shift, locality, competency) are met by care time given to that
/// competency there, by agency shifts, or left unmet at `unmet_hour_penalty` per hour. Columns
/// `unmet[date,shift,locality,competency]`; rows `cover[...]`. Needs ``CareSplit`` and
/// ``AgencyShifts`` first.
public struct DemandCover: RosterRule {
    public let id = RuleID.unmetHours
    public init() {}
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        let s = c.settings
        for key in r.demandKeys {
            let demand = r.demand[key]!
            guard demand.hours > 0 else { continue }
            let unmet = r.model.addVariable(r.name("unmet", key), upper: demand.hours, objective: s.unmetHourPenalty)
            var cover = LinearExpression(terms: (r.careByDemand[key] ?? []).map { Term($0, 1) })
            cover.add(unmet)
            if let agency = r.agencyColumns[key] { cover.add(agency, c.shifts[key.shift].paidHours) }
            r.model.addConstraint(r.name("cover", key), cover, .greaterOrEqual(demand.hours))
            r.coverPenalties[key, default: []].append(unmet)
        }
    }
}
