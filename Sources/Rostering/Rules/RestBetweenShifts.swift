import LinearModel
import Workforce

/// Rest: from the end of the journey home after one shift to the start of the journey out to the
/// next, at least `min_rest_hours`. Rows `rest[person,date,shift,locality]`: the shift column plus
/// every later shift column (within reach) that would start too soon <= 1.
public struct RestBetweenShifts: RosterRule {
    public let id = RuleID.rest
    public init() {}
    public func apply(to r: inout RosterModel) {
        let minimum = r.roster.settings.minRestHours * 60
        let c = r.candidates
        let spans = c.all.map(c.span)
        let longest = zip(c.all, spans).map { $1.end - Double($0.day * 1440) }.max() ?? 0
        let reach = Int(((longest + minimum) / 1440).rounded(.up)) + 1
        for (i, first) in c.all.enumerated() {
            let end = spans[i].end
            var row = LinearExpression(r.shiftColumns[i])
            for later in (first.day + 1)..<min(first.day + reach + 1, r.roster.days.count) {
                for j in c.byPersonDay[first.person][later] where spans[j].start - end < minimum - 1e-9 {
                    row.add(r.shiftColumns[j])
                }
            }
            if row.terms.count > 1 { r.model.addConstraint(r.name("rest", first), row, .lessOrEqual(1)) }
        }
    }
}
