import Workforce

/// Pins that break a hard rule by themselves are input errors naming the pinned.csv line and the rule
/// (or baseline.csv, for the shifts frozen by `--freeze-before`).
public enum PinCheck {
    public static func issues(_ c: Case) -> [CaseIssue] {
        var issues: [CaseIssue] = []
        let candidates = Candidates(c)
        var pinned: [Assignment] = []
        for pin in c.pins {
            guard let shift = pin.shiftID, let p = candidates.staffIndex[pin.staffID],
                let d = candidates.dayIndex[pin.day]
            else { continue }
            let person = c.staff[p]
            if candidates.byPersonDay[p][d].isEmpty {
                let reason =
                    c.shiftLimits[Pair(person.id, shift)] == 0
                    ? "shift_limit (\(shift) has a limit of 0)"
                    : c.availability.contains {
                        $0.staffID == person.id && $0.day == pin.day && $0.kind == .unavailable
                            && ($0.shiftID == nil || $0.shiftID == shift)
                    }
                        ? "unavailable (availability.csv)"
                        : "locality (\(pin.localityID ?? "no allowed locality") is not one of "
                            + "\(person.id)'s localities)"
                issues.append(
                    CaseIssue(
                        file: pin.line == nil ? "baseline.csv" : "pinned.csv", line: pin.line,
                        "the \(pin.line == nil ? "frozen shift" : "pin") of \(person.id) on \(pin.day) to \(shift) "
                            + "breaks the rule \(reason)"))
                continue
            }
            let first = candidates.all[candidates.byPersonDay[p][d][0]]
            pinned.append(
                Assignment(
                    staffID: person.id, day: pin.day, shiftID: shift, localityID: c.localities[first.locality].id))
        }
        guard issues.isEmpty else { return issues }
        let lines = Dictionary(
            c.pins.compactMap { pin in pin.line.map { ("\(pin.staffID)|\(pin.day.iso)", $0) } },
            uniquingKeysWith: { a, _ in a })
        for violation in Evaluator(c).evaluate(Roster(assignments: pinned)).violations
        where violation.rule.brokenByMoreShifts {
            let line =
                violation.day.flatMap { lines["\(violation.staffID ?? "")|\($0.iso)"] }
                ?? c.pins.first { $0.staffID == violation.staffID && $0.line != nil }?.line
            issues.append(
                CaseIssue(
                    file: "pinned.csv", line: line,
                    "pins of \(violation.staffID ?? "") break the rule \(violation.rule): \(violation.message)"))
        }
        return issues
    }
}
