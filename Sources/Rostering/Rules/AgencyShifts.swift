import LinearModel
import Workforce

/// Agency shifts: whole shifts bought for one (date, shift, locality, competency), each giving the
/// shift's paid hours of care and one head, and costing paid hours x `agency_hourly_cost`.
/// Integer columns `agency[date,shift,locality,competency]`, only where demand asks for hours or
/// heads and `agency_hourly_cost` is above 0; at most what the demand row could use and what the
/// cap allows.
public struct AgencyShifts: RosterRule {
    public let id = RuleID.agencyCost
    public init() {}
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        let s = c.settings
        guard s.agencyHourlyCost > 0 else { return }
        for key in r.demandKeys {
            let demand = r.demand[key]!
            let paid = c.shifts[key.shift].paidHours
            guard paid > 0, demand.hours > 0 || demand.minStaff > 0 else { continue }
            var most = max((demand.hours / paid).rounded(.up), Double(demand.minStaff))
            if let cap = s.agencyMaxHours { most = min(most, (cap / paid + 1e-9).rounded(.down)) }
            guard most >= 1 else { continue }
            r.agencyColumns[key] = r.model.addVariable(
                r.name("agency", key), kind: .integer, upper: most,
                objective: paid * s.agencyHourlyCost)
        }
    }
}
