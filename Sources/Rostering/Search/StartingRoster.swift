import LinearModel
import Workforce

/// A first roster built without the MIP, handed to the solver as a starting solution so that a
/// time limit always has a roster to return.
///
/// Greedy: pins first, then day by day, each demand row (most heads and hours first) takes people
/// who hold the competency and have worked least so far, as long as their rows still keep every
/// rule that more shifts cannot repair (``PinCheck/rules`` and minimum days off); people below
/// their minimum hours then take more shifts. Agency shifts are booked where the hours still
/// uncovered cost more in penalties than the agency shift, within the cap. The shift and agency
/// columns are then fixed and the rest of the model (care split, penalties: a linear program) is
/// completed by the solver; if the greedy roster breaks a minimum rule, the completion is
/// infeasible and no start is given.
public enum StartingRoster {
    static let rules = PinCheck.rules.union(["min_consecutive_days_off"])

    /// The greedy roster: candidate indices worked, and agency shifts by demand key.
    public struct Choice: Sendable {
        public var shifts: Set<Int>
        public var agency: [DemandKey: Int]
    }

    /// The greedy roster of the model's case.
    public static func greedy(_ r: RosterModel) -> Choice {
        let c = r.roster, candidates = r.candidates, evaluator = Evaluator(c)
        var chosen = Set<Int>()
        var rows = Array(repeating: [Assignment](), count: c.staff.count)
        var hours = Array(repeating: 0.0, count: c.staff.count)
        var busy = Set<[Int]>()
        func tryAdd(_ i: Int) -> Bool {
            let candidate = candidates.all[i]
            guard !busy.contains([candidate.person, candidate.day]) else { return false }
            let assignment = r.assignment(candidate)
            let violations = evaluator.check(c.staff[candidate.person], rows[candidate.person] + [assignment]).violations
            guard !violations.contains(where: { rules.contains($0.rule) }) else { return false }
            rows[candidate.person].append(assignment)
            hours[candidate.person] += candidates.paidHours(candidate)
            busy.insert([candidate.person, candidate.day])
            chosen.insert(i)
            return true
        }
        for pin in c.pins where pin.shiftID != nil {
            guard let p = candidates.staffIndex[pin.staffID], let d = candidates.dayIndex[pin.day],
                  let first = candidates.byPersonDay[p][d].first else { continue }
            _ = tryAdd(first)
        }
        var byDay: [Int: [DemandKey]] = [:]
        for key in r.demandKeys { byDay[key.day, default: []].append(key) }
        var atPlace: [[Int]: [Int]] = [:]
        for (i, candidate) in candidates.all.enumerated() {
            atPlace[[candidate.day, candidate.shift, candidate.locality], default: []].append(i)
        }
        for d in c.days.indices {
            let keys = (byDay[d] ?? []).sorted { a, b in
                let x = r.demand[a]!, y = r.demand[b]!
                return (x.minStaff, x.hours) > (y.minStaff, y.hours)
            }
            for key in keys {
                let demand = r.demand[key]!
                let competency = c.competencies[key.competency].id
                var heads = 0, covered = 0.0
                let pool = (atPlace[[key.day, key.shift, key.locality]] ?? []).filter {
                    c.staff[candidates.all[$0].person].holds(competency)
                }
                for i in pool where chosen.contains(i) {
                    heads += 1
                    covered += c.shifts[key.shift].paidHours
                }
                for i in pool.sorted(by: { hours[candidates.all[$0].person] < hours[candidates.all[$1].person] }) {
                    if heads >= demand.minStaff && covered >= demand.hours - 1e-9 { break }
                    if chosen.contains(i) { continue }
                    if tryAdd(i) {
                        heads += 1
                        covered += c.shifts[key.shift].paidHours
                    }
                }
            }
        }
        // Then people below their minimum hours take more shifts, demanded places first.
        let days = Double(c.days.count)
        for (p, person) in c.staff.enumerated() where hours[p] < person.minHours * days / 7 {
            for d in c.days.indices where hours[p] < person.minHours * days / 7 {
                let options = candidates.byPersonDay[p][d].sorted { a, b in
                    let x = candidates.all[a], y = candidates.all[b]
                    return (atPlaceDemand(r, x) ? 0 : 1, a) < (atPlaceDemand(r, y) ? 0 : 1, b)
                }
                for i in options where tryAdd(i) { break }
            }
        }
        return Choice(shifts: chosen, agency: agency(r, chosen))
    }

    /// Agency shifts where they cost less than the penalties they save, most valuable first, within the cap.
    static func agency(_ r: RosterModel, _ chosen: Set<Int>) -> [DemandKey: Int] {
        let c = r.roster, s = c.settings
        guard s.agencyHourlyCost > 0 else { return [:] }
        var given: [DemandKey: (hours: Double, heads: Int)] = [:]
        for i in chosen {
            let candidate = r.candidates.all[i]
            for competency in c.staff[candidate.person].competencies {
                guard let k = r.competencyIndex[competency] else { continue }
                let key = DemandKey(day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: k)
                given[key, default: (0, 0)].hours += c.shifts[candidate.shift].paidHours
                given[key, default: (0, 0)].heads += 1
            }
        }
        var left = s.agencyMaxHours ?? .infinity
        var booked: [DemandKey: Int] = [:]
        var gains: [(key: DemandKey, gain: Double)] = []
        for key in r.demandKeys where r.agencyColumns[key] != nil {
            let demand = r.demand[key]!, paid = c.shifts[key.shift].paidHours
            let missingHours = max(0, demand.hours - (given[key]?.hours ?? 0))
            let missingHeads = max(0, demand.minStaff - (given[key]?.heads ?? 0))
            let gain = min(paid, missingHours) * s.unmetHourPenalty + (missingHeads > 0 ? demand.underWeight : 0)
                - paid * s.agencyHourlyCost
            if gain > 0 { gains.append((key, gain / paid)) }
        }
        for (key, _) in gains.sorted(by: { $0.gain > $1.gain }) {
            let paid = c.shifts[key.shift].paidHours
            if paid <= left + 1e-9 {
                booked[key] = 1
                left -= paid
            }
        }
        return booked
    }

    static func atPlaceDemand(_ r: RosterModel, _ candidate: Candidate) -> Bool {
        r.roster.staff[candidate.person].competencies.contains { competency in
            guard let k = r.competencyIndex[competency] else { return false }
            return r.demand[DemandKey(day: candidate.day, shift: candidate.shift, locality: candidate.locality, competency: k)] != nil
        }
    }

    /// Column values of the whole model with the shift and agency columns fixed to `choice`, or
    /// `nil` when that roster breaks a hard rule (the completion is then infeasible).
    public static func values(_ r: RosterModel, choice: Choice, solver: any Solver, timeLimit: Double?) throws -> [Double]? {
        var fixed = r.model
        for (i, column) in r.shiftColumns.enumerated() {
            let value: Double = choice.shifts.contains(i) ? 1 : 0
            fixed.setBounds(column, lower: value, upper: value)
        }
        for (key, column) in r.agencyColumns {
            let value = Double(choice.agency[key] ?? 0)
            fixed.setBounds(column, lower: value, upper: value)
        }
        let result = try solver.solve(fixed, options: SolveOptions(timeLimit: timeLimit, relativeGap: 0.005), progress: nil, log: nil)
        return result.values
    }
}
