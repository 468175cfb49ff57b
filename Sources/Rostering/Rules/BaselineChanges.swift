import LinearModel
import Workforce

/// Changes against baseline.csv: each (person, date) whose (shift, locality) differs from the
/// baseline's, a day off included, costs `change_weight`: 1 - x[baseline shift] on a baseline
/// working day, the day's shifts on a baseline day off. Objective terms only.
public struct BaselineChanges: RosterRule {
    public let id = RuleID.change
    public init() {}
    public func apply(to r: inout RosterModel) {
        guard let baseline = r.roster.baseline else { return }
        let weight = r.roster.settings.changeWeight
        var planned: [[Int]: Assignment] = [:]
        for row in baseline {
            if let p = r.candidates.staffIndex[row.staffID], let d = r.candidates.dayIndex[row.day] {
                planned[[p, d]] = row
            }
        }
        for p in r.roster.staff.indices {
            for d in r.roster.days.indices {
                if let row = planned[[p, d]] {
                    var change = LinearExpression(constant: 1)
                    if let s = r.candidates.shiftIndex[row.shiftID], let l = r.candidates.localityIndex[row.localityID],
                        let i = r.candidates.index[Candidate(person: p, day: d, shift: s, locality: l)]
                    {
                        change.add(r.shiftColumns[i], -1)
                    }
                    r.model.addToObjective(weight * change)
                } else {
                    r.model.addToObjective(weight * r.worked(p, d))
                }
            }
        }
    }
}
