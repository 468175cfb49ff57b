import LinearModel
import Workforce

/// Demand hours for (date, shift, locality, competency) are met by care time given to that
/// competency there, by agency shifts, or left unmet at `unmet_hour_penalty` per hour. Columns
/// `unmet[date,shift,locality,competency]`; rows `cover[...]`, and `cover_rounded[...]` where the
/// hours are not a whole number of the shift's paid hours. Needs ``CareSplit`` and ``AgencyShifts``
/// first.
///
/// The rounded cover row keeps no roster out and strengthens the linear relaxation: a shift worked
/// there whose care time can go nowhere else, and an agency shift, each give the shift's paid hours P,
/// a whole number n of them; the other care columns and the unmet hours give some w >= 0; so
/// w + P n >= D, the demand hours. With r = D - P floor(D / P) > 0, every whole n then has
/// w + r n >= r ceil(D / P) (mixed-integer rounding: for n >= ceil(D / P) from r n alone, below it
/// from w >= D - P n >= r (ceil(D / P) - n), as r < P). Without it the relaxation buys a fraction of
/// an agency shift, or of a person, for the last hours of demand, where every roster buys a whole
/// one or leaves those hours unmet: the sample case's relaxation rises from 133,418 to 142,926 with it.
public struct DemandCover: RosterRule {
    public let id = RuleID.unmetHours
    public init() {}

    /// The remainder r of `hours` over whole shifts of `paid` hours, where a rounded cover row has
    /// one: `nil` when the hours are a whole number of shifts (to a millionth of a shift).
    static func remainder(hours: Double, paid: Double) -> Double? {
        guard paid > 0 else { return nil }
        let remainder = hours - paid * (hours / paid).rounded(.down)
        return remainder > 1e-6 * paid ? remainder : nil
    }

    public func apply(to r: inout RosterModel) {
        let c = r.roster
        let s = c.settings
        // Each demand key's care columns, with the candidate's shift column where the candidate's
        // care time can go to that key alone (in candidate order, so the rows are the same every run).
        var careCount: [Int: Int] = [:]
        for key in r.careColumns.keys { careCount[key.candidate, default: 0] += 1 }
        var care: [DemandKey: [(column: Variable, whole: Variable?)]] = [:]
        let ordered = r.careColumns.sorted {
            ($0.key.candidate, $0.key.competency) < ($1.key.candidate, $1.key.competency)
        }
        for (key, column) in ordered {
            let candidate = r.candidates.all[key.candidate]
            let demandKey = DemandKey(
                day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: key.competency)
            let whole = careCount[key.candidate] == 1 ? r.shiftColumns[key.candidate] : nil
            care[demandKey, default: []].append((column, whole))
        }
        for key in r.demandKeys {
            let demand = r.demand[key]!
            guard demand.hours > 0 else { continue }
            let paid = c.shifts[key.shift].paidHours
            let unmet = r.model.addVariable(r.name("unmet", key), upper: demand.hours, objective: s.unmetHourPenalty)
            var cover = LinearExpression(terms: (r.careByDemand[key] ?? []).map { Term($0, 1) })
            cover.add(unmet)
            if let agency = r.agencyColumns[key] { cover.add(agency, paid) }
            r.model.addConstraint(r.name("cover", key), cover, .greaterOrEqual(demand.hours))
            r.coverPenalties[key, default: []].append(unmet)

            guard let remainder = Self.remainder(hours: demand.hours, paid: paid) else { continue }
            var rounded = LinearExpression(unmet)
            for (column, whole) in care[key] ?? [] {
                if let whole { rounded.add(whole, remainder) } else { rounded.add(column) }
            }
            if let agency = r.agencyColumns[key] { rounded.add(agency, remainder) }
            r.model.addConstraint(
                r.name("cover_rounded", key), rounded, .greaterOrEqual(remainder * (demand.hours / paid).rounded(.up)))
        }
    }
}
