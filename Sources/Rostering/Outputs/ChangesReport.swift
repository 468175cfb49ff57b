import Workforce

/// changes.csv: every person and date whose roster differs from baseline.csv, with why.
enum ChangesReport {
    static let header = ["staff_id", "date", "before", "after", "why"]

    /// Why a person's day changed, as far as the case tells: the baseline's shift now breaks a rule
    /// of the person's (unavailable, not allowed at the locality, ...), a pin asks for it, or else the
    /// roster is better so (cost or cover elsewhere).
    enum Reason: String {
        case unavailable
        case pinned
        case notAllowedThere = "not allowed at the locality"
        case breaksARule = "the baseline breaks a rule"
        case better = "better roster"
    }

    /// The rows (header first) for `roster` against the case's baseline; `nil` without a baseline.
    static func rows(_ c: Case, _ roster: Roster) -> [[String]]? {
        guard let baseline = c.baseline else { return nil }
        func cells(_ rows: [Assignment]) -> [Pair: String] {
            var cells: [Pair: String] = [:]
            for row in rows {
                let key = Pair(row.staffID, row.day.iso)
                cells[key] = (cells[key].map { $0 + "+" } ?? "") + "\(row.shiftID)@\(row.localityID)"
            }
            return cells
        }
        let before = cells(baseline)
        let after = cells(roster.assignments)
        let evaluator = Evaluator(c)
        let baselineByPerson = Dictionary(grouping: baseline, by: \.staffID)
        var rows = [header]
        for person in c.staff {
            // The hard rules the person's baseline breaks in this case, by date.
            let broken = evaluator.check(person, baselineByPerson[person.id] ?? []).violations
            for day in c.days {
                let key = Pair(person.id, day.iso)
                guard before[key] != after[key] else { continue }
                let was = baselineByPerson[person.id]?.first { $0.day == day }
                let reason: Reason
                let rules = broken.filter { $0.day == day }.map(\.rule)
                if rules.contains(.unavailable) {
                    reason = .unavailable
                } else if c.pins.contains(where: { $0.staffID == person.id && $0.day == day && $0.line != nil }) {
                    reason = .pinned
                } else if let was, !person.localities.contains(was.localityID) {
                    reason = .notAllowedThere
                } else if !rules.isEmpty {
                    reason = .breaksARule
                } else {
                    reason = .better
                }
                let detail = reason == .breaksARule ? ": " + rules.map(\.rawValue).joined(separator: ", ") : ""
                rows.append([person.id, day.iso, before[key] ?? "", after[key] ?? "", reason.rawValue + detail])
            }
        }
        return rows
    }
}
