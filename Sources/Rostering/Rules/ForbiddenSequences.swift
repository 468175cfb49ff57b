import LinearModel
import Workforce

/// Forbidden sequences: `to_shift` is never worked the day after `from_shift`.
/// Rows `sequence[person,date,from,to]`: from-shift on the date + to-shift on the next date <= 1.
public struct ForbiddenSequences: RosterRule {
    public let id = RuleID.forbiddenSequence
    public init() {}
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        for pair in c.forbiddenSequences.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
            guard let from = r.candidates.shiftIndex[pair.from], let to = r.candidates.shiftIndex[pair.to] else {
                continue
            }
            for p in c.staff.indices {
                for d in c.days.indices.dropLast() {
                    let first = r.worked(p, d, shift: from)
                    let next = r.worked(p, d + 1, shift: to)
                    guard !first.terms.isEmpty, !next.terms.isEmpty else { continue }
                    r.model.addConstraint(
                        r.name("sequence", [c.staff[p].id, c.days[d].iso, pair.from, pair.to]), first + next,
                        .lessOrEqual(1))
                }
            }
        }
    }
}
