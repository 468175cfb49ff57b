import LinearModel
import Workforce

/// Demand hours for (date, shift, locality, competency) are met by care time given to that
/// competency there, by agency shifts, or left unmet at `unmet_hour_penalty` per hour. Columns
/// `unmet[date,shift,locality,competency]`; rows `cover[...]`, and the rounded cover rows
/// `cover_rounded[...]` (``RoundedCover``). Needs ``CareSplit`` and ``AgencyShifts`` first.
public struct DemandCover: RosterRule {
    public let id = RuleID.unmetHours
    public init() {}

    public func apply(to r: inout RosterModel) {
        let c = r.roster
        let s = c.settings
        var unmet: [DemandKey: Variable] = [:]
        for key in r.demandKeys {
            let demand = r.demand[key]!
            guard demand.hours > 0 else { continue }
            let column = r.model.addVariable(r.name("unmet", key), upper: demand.hours, objective: s.unmetHourPenalty)
            unmet[key] = column
            var cover = LinearExpression(terms: (r.careByDemand[key] ?? []).map { Term($0, 1) })
            cover.add(column)
            if let agency = r.agencyColumns[key] { cover.add(agency, c.shifts[key.shift].paidHours) }
            r.model.addConstraint(r.name("cover", key), cover, .greaterOrEqual(demand.hours))
            r.coverPenalties[key, default: []].append(column)
        }
        for rounded in RoundedCover.all(r.index) {
            var row = LinearExpression()
            for key in rounded.keys {
                row.add(unmet[key]!)
                if let agency = r.agencyColumns[key] { row.add(agency, rounded.remainder) }
            }
            for i in rounded.candidates(r.index) {
                if rounded.countsWhole(i, r.index) {
                    row.add(r.shiftColumns[i], rounded.remainder)
                } else {
                    for key in r.index.careKeys(i) where rounded.keys.contains(key) {
                        row.add(r.careColumns[RosterModel.CareKey(candidate: i, competency: key.competency)]!)
                    }
                }
            }
            r.model.addConstraint(
                rounded.name(r.roster), row, .greaterOrEqual(rounded.remainder * rounded.shifts))
        }
    }
}

/// A rounded cover row: it keeps no roster out and strengthens the linear relaxation where demand
/// hours are not a whole number of the shift's paid hours.
///
/// Take demand keys K at one (date, shift, locality), D hours in all, and P the shift's paid hours.
/// Each shift worked there whose care time can go only to keys in K (its person's competencies with
/// hours demanded there all lie in K), and each agency shift for K, gives at most P hours to K, a whole
/// number n of such shifts; the other care columns for K and K's unmet hours give some w >= 0; so
/// w + P n >= D (the sum of K's cover rows, with each such shift's care to K raised to P). With
/// r = D - P floor(D / P) > 0, every whole n then has w + r n >= r ceil(D / P) (mixed-integer
/// rounding: for n >= ceil(D / P) from r n alone, below it from w >= D - P n >= r (ceil(D / P) - n),
/// as r < P). Without it the relaxation buys a fraction of an agency shift, or of a person, for the
/// last hours of demand, where every roster buys a whole one or leaves those hours unmet.
///
/// The rows: each demand key with hours alone, and every key with hours at one place together
/// where there are several (a generic worker's split care then counts whole). On the sample case
/// the compact model's relaxation is 133,418 without them, 142,926 with each key alone, 145,610 with
/// the places too; the rows over other sets of a place's keys raised it no further.
struct RoundedCover {
    /// The demand keys, at one (date, shift, locality), in file order.
    let keys: [DemandKey]
    /// r: the keys' hours less the whole shifts they hold.
    let remainder: Double
    /// ceil(D / P): the shifts the keys' hours need.
    let shifts: Double

    /// Every rounded cover row of the case whose hours are not whole shifts (to a millionth of a
    /// shift): each key with hours alone, in file order, then each place with several such keys, in
    /// the order of its first key.
    static func all(_ index: CaseIndex) -> [RoundedCover] {
        var places: [[DemandKey]] = []
        var placeOf: [DemandKey: Int] = [:]
        var result: [RoundedCover] = []
        for key in index.demandKeys where index.demand[key]!.hours > 0 {
            let place = DemandKey(day: key.day, shift: key.shift, locality: key.locality, competency: -1)
            if let p = placeOf[place] {
                places[p].append(key)
            } else {
                placeOf[place] = places.count
                places.append([key])
            }
            if let row = Self(keys: [key], index) { result.append(row) }
        }
        for keys in places where keys.count > 1 {
            if let row = Self(keys: keys, index) { result.append(row) }
        }
        return result
    }

    /// The row over `keys`, or `nil` when their hours are whole shifts.
    private init?(keys: [DemandKey], _ index: CaseIndex) {
        let paid = index.case.shifts[keys[0].shift].paidHours
        let hours = keys.reduce(0) { $0 + index.demand[$1]!.hours }
        guard paid > 0 else { return nil }
        let remainder = hours - paid * (hours / paid).rounded(.down)
        guard remainder > 1e-6 * paid else { return nil }
        self.keys = keys
        self.remainder = remainder
        shifts = (hours / paid).rounded(.up)
    }

    /// The candidates whose care may go to the keys, in candidate order.
    func candidates(_ index: CaseIndex) -> [Int] {
        Set(keys.flatMap { index.holders[$0] ?? [] }).sorted()
    }

    /// Whether candidate `i`'s care can go only to these keys: its shift then counts r.
    func countsWhole(_ i: Int, _ index: CaseIndex) -> Bool {
        index.careKeys(i).allSatisfy { keys.contains($0) }
    }

    /// The row's name: `cover_rounded[date,shift,locality,competency]` for one key,
    /// `cover_rounded[date,shift,locality]` for a place.
    func name(_ c: Case) -> String {
        let key = keys[0]
        var parts = [c.days[key.day].iso, c.shifts[key.shift].id, c.localities[key.locality].id]
        if keys.count == 1 { parts.append(c.competencies[key.competency].id) }
        return LinearModel.name("cover_rounded", parts)
    }
}
