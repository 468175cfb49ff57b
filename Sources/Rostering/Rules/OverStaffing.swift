import LinearModel
import Workforce

/// Above `max_staff` (people holding the competency on the shift there, plus agency shifts), each
/// extra head costs `over_weight`. Columns `over[date,shift,locality,competency]`; rows
/// `max_staff[...]`, only where more heads than the maximum could be there. Needs
/// ``AgencyShifts`` first.
public struct OverStaffing: RosterRule {
    public let id = RuleID.overStaff
    public init() {}
    public func apply(to r: inout RosterModel) {
        for key in r.demandKeys {
            let demand = r.demand[key]!
            guard let most = demand.maxStaff, demand.overWeight > 0 else { continue }
            var count = r.heads(key)
            var possible = Double(count.terms.count)
            if let agency = r.agencyColumns[key] {
                count.add(agency)
                possible += r.model.columns[agency.index].upper
            }
            guard possible > Double(most) else { continue }
            let over = r.model.addVariable(r.name("over", key), objective: demand.overWeight)
            r.model.addConstraint(r.name("max_staff", key), count - over, .lessOrEqual(Double(most)))
            r.coverPenalties[key, default: []].append(over)
        }
    }
}
