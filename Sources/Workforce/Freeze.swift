/// Re-rostering that keeps the past: `--freeze-before DATE`.
extension Case {
    /// This case with every person's baseline.csv entry on each date of the horizon before `date` kept as
    /// it is: a shift at its locality, or a day off where the baseline has none. The frozen days become
    /// pins (with no pinned.csv line); a pinned.csv row on a frozen date must agree with the baseline.
    /// - Throws: ``CaseError`` without baseline.csv, or naming each pinned.csv line that disagrees.
    public func freezing(before date: Day) throws(CaseError) -> Case {
        guard let baseline else {
            throw CaseError(issues: [
                CaseIssue(file: "baseline.csv", "--freeze-before keeps baseline.csv's roster, and the case has none")
            ])
        }
        var planned: [Pair: Assignment] = [:]
        for row in baseline { planned[Pair(row.staffID, row.day.iso)] = row }
        var pinned: [Pair: Pin] = [:]
        for pin in pins { pinned[Pair(pin.staffID, pin.day.iso)] = pin }
        var c = self
        var issues: [CaseIssue] = []
        for person in staff {
            for day in days where day < date {
                let row = planned[Pair(person.id, day.iso)]
                if let pin = pinned[Pair(person.id, day.iso)] {
                    let agrees =
                        pin.shiftID == row?.shiftID && (pin.localityID == nil || pin.localityID == row?.localityID)
                    if !agrees {
                        issues.append(
                            CaseIssue(
                                file: "pinned.csv", line: pin.line,
                                "\(person.id) on \(day) is frozen by --freeze-before to baseline.csv's "
                                    + (row.map { "\($0.shiftID) at \($0.localityID)" } ?? "day off")
                                    + ", which this pin changes"
                            ))
                    }
                    continue
                }
                c.pins.append(
                    Pin(staffID: person.id, day: day, shiftID: row?.shiftID, localityID: row?.localityID, line: nil))
            }
        }
        if !issues.isEmpty { throw CaseError(issues: issues) }
        return c
    }
}
