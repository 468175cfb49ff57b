import LinearModel
import Workforce

/// The care split the tool would give a roster whose file has none (a hand-made roster.csv without
/// work_split.csv): a linear program that shares each worked shift's paid hours among the competencies
/// its person holds, so that as little demand as possible is left unmet.
public enum BestCareSplit {
    /// Care time for `roster`'s shifts (its agency bookings count as given); every shift gives at most
    /// its paid hours, and unmet hours cost `unmet_hour_penalty` each, as in the roster model.
    /// - Throws: the solver's error when the call fails.
    public static func care(_ c: Case, _ roster: Roster, solver: any Solver) throws -> [CareTime] {
        let staff = Dictionary(c.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shifts = Dictionary(c.shifts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        struct Cell: Hashable {
            var day: Day
            var shift: String
            var locality: String
            var competency: String
        }
        var agency: [Cell: Double] = [:]
        for booking in roster.agency {
            let cell = Cell(
                day: booking.day, shift: booking.shiftID, locality: booking.localityID, competency: booking.competencyID
            )
            agency[cell, default: 0] += Double(booking.shifts) * (shifts[booking.shiftID]?.paidHours ?? 0)
        }
        var model = LinearModel(name: "care_split")
        var givenTo: [Cell: LinearExpression] = [:]
        var columns: [(variable: Variable, care: CareTime)] = []
        let demanded = Set(
            c.demand.map { Cell(day: $0.day, shift: $0.shiftID, locality: $0.localityID, competency: $0.competencyID) })
        for a in Set(roster.assignments).sorted(by: {
            ($0.staffID, $0.day, $0.shiftID) < ($1.staffID, $1.day, $1.shiftID)
        }) {
            guard let person = staff[a.staffID], let shift = shifts[a.shiftID] else { continue }
            var shiftCare = LinearExpression()
            for competency in person.competencies {
                let cell = Cell(day: a.day, shift: a.shiftID, locality: a.localityID, competency: competency)
                guard demanded.contains(cell) else { continue }
                // Names by position: ids may be longer than a solver's names allow.
                let variable = model.addVariable("care_\(columns.count)")
                columns.append((variable, CareTime(assignment: a, competencyID: competency, hours: 0)))
                shiftCare.add(variable, 1)
                givenTo[cell, default: LinearExpression()].add(variable, 1)
            }
            if !shiftCare.terms.isEmpty {
                model.addConstraint("paid_\(model.rows.count)", shiftCare, .lessOrEqual(shift.paidHours))
            }
        }
        for demand in c.demand {
            let cell = Cell(
                day: demand.day, shift: demand.shiftID, locality: demand.localityID, competency: demand.competencyID)
            guard let care = givenTo[cell] else { continue }
            let unmet = model.addVariable("unmet_\(model.columns.count)", objective: c.settings.unmetHourPenalty)
            model.addConstraint(
                "cover_\(model.rows.count)", care + LinearExpression(unmet),
                .greaterOrEqual(demand.hours - (agency[cell] ?? 0)))
        }
        guard !columns.isEmpty else { return [] }
        let result = try solver.solve(model, options: SolveOptions(), progress: nil, log: nil)
        guard let values = result.values else { return [] }
        return columns.compactMap { column in
            let hours = values[column.variable.index]
            guard hours > 1e-9 else { return nil }
            var care = column.care
            care.hours = hours
            return care
        }
    }
}
