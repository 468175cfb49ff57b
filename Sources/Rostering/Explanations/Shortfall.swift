import Foundation
import Workforce

/// Why one person, or agency, did not cover a short demand row.
public struct Obstacle: Sendable, Equatable {
    /// The person; `nil` for agency.
    public var staffID: String?
    public var reason: ShortfallReason
    /// The specifics: the other shift, the rule's figures, the cost.
    public var detail: String
}

/// A red or amber demand row: how short it is, and what kept agency and each person holding its
/// competency off it.
public struct Shortfall: Sendable {
    /// The row's coverage.
    public var coverage: CoverageRow
    /// The row's position in the evaluation's coverage (and among coverage.csv's rows).
    public var index: Int
    /// People short of `min_staff`, agency shifts counted.
    public var headsShort: Int
    /// Why agency did not cover the rest.
    public var agency: Obstacle
    /// One for each person holding the competency, in staff.csv order.
    public var people: [Obstacle]

    /// Demand hours left uncovered.
    public var hoursShort: Double { coverage.unmetHours }

    /// The row and how short it is, e.g. `2025-03-04 Tue N westray nursing: red, 3.5 h and 1 person short`.
    public var headline: String {
        let d = coverage.demand
        var short: [String] = []
        if hoursShort > 1e-9 { short.append("\(format(hoursShort)) h") }
        if headsShort > 0 { short.append("\(headsShort) \(headsShort == 1 ? "person" : "people")") }
        return "\(d.day.iso) \(d.day.weekdayName) \(d.shiftID) \(d.localityID) \(d.competencyID): \(coverage.status), "
            + short.joined(separator: " and ") + " short"
    }

    /// The header of explanations.csv.
    public static let columns = [
        "date", "shift_id", "locality_id", "competency_id", "status", "hours_short", "heads_short", "staff_id",
        "reason", "detail",
    ]

    /// explanations.csv: for each shortfall a row for agency (empty `staff_id`), then one per person.
    public static func table(_ shortfalls: [Shortfall]) -> [[String]] {
        var rows = [columns]
        for shortfall in shortfalls {
            let d = shortfall.coverage.demand
            let row = [
                d.day.iso, d.shiftID, d.localityID, d.competencyID, shortfall.coverage.status,
                String(format: "%.4f", shortfall.hoursShort + 0.0), String(shortfall.headsShort),
            ]
            for obstacle in [shortfall.agency] + shortfall.people {
                rows.append(
                    row + [obstacle.staffID ?? "", obstacle.reason.rawValue, Outputs.neutralised(obstacle.detail)])
            }
        }
        return rows
    }
}

/// Explains every red and amber row of a roster from the case alone, without the solver.
///
/// Each person holding the row's competency who is off that day is tried on the row's shift at its
/// locality: the ``Evaluator``'s own per-person check of their roster with that shift added tells
/// which hard rules it would break (those their roster does not break already), and the pin rule
/// which pins. Someone it breaks nothing for was free: the solver left them idle, and the detail
/// gives what the shift would have added to their pay. Agency is explained by its cost and cap.
public struct ShortfallExplainer: Sendable {
    let evaluator: Evaluator
    let roster: Roster
    let evaluation: Evaluation

    public init(_ c: Case, roster: Roster, evaluation: Evaluation) {
        evaluator = Evaluator(c)
        self.roster = roster
        self.evaluation = evaluation
    }

    /// One shortfall per red or amber row of the evaluation's coverage, in its order. Each person's
    /// slots are tried on their own, people concurrently (a large case has hundreds of thousands of
    /// tries, each a check of the person's whole roster); the result does not depend on the threads.
    /// With a `deadline`, rows are explained in order until it passes, and with `mostPeople` until
    /// that many people have been tried (one row of explanations.csv each); the rest are left out.
    /// Both are checked between batches of rows, so they are overrun by at most one batch.
    public func shortfalls(
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, until deadline: ContinuousClock.Instant? = nil,
        mostPeople: Int? = nil
    ) -> [Shortfall] {
        let c = evaluator.c
        let rows = evaluation.coverage.enumerated().filter { $0.element.status != "green" }
        let byPerson = Dictionary(grouping: roster.assignments, by: \.staffID)
        let pins = Dictionary(grouping: c.pins, by: \.staffID)
        var holders: [String: [Int]] = [:]
        for row in rows where holders[row.element.demand.competencyID] == nil {
            let competency = row.element.demand.competencyID
            holders[competency] = c.staff.indices.filter { c.staff[$0].holds(competency) }
        }
        func people(_ row: CoverageRow) -> [Int] { holders[row.demand.competencyID] ?? [] }
        // Rows in batches of about `batchTries` people tried, so that the limits are checked between them.
        var found: [Shortfall] = []
        var triedSoFar = 0
        var next = 0
        while next < rows.count {
            if let deadline, ContinuousClock.now >= deadline { break }
            if let mostPeople, triedSoFar >= mostPeople { break }
            var batch: [(index: Int, row: CoverageRow, people: [Int])] = []
            var tries = 0
            while next < rows.count && (batch.isEmpty || tries < batchTries) {
                let (index, row) = rows[next]
                batch.append((index, row, people(row)))
                tries += batch.last!.people.count
                next += 1
            }
            found += explained(batch, byPerson: byPerson, pins: pins, threads: threads)
            triedSoFar += tries
        }
        return found
    }

    /// People tried on short rows between two looks at the deadline (about a tenth of a second's work).
    var batchTries = 4000

    /// The shortfalls of `batch`: each person's slots tried concurrently, then each row's obstacles.
    private func explained(
        _ batch: [(index: Int, row: CoverageRow, people: [Int])], byPerson: [String: [Assignment]],
        pins: [String: [Pin]], threads: Int
    ) -> [Shortfall] {
        let c = evaluator.c
        func slot(_ person: Staff, _ row: CoverageRow) -> Assignment {
            let d = row.demand
            return Assignment(staffID: person.id, day: d.day, shiftID: d.shiftID, localityID: d.localityID)
        }
        // Each person's slots, first by row order; then what kept them off each.
        var slots = Array(repeating: [Assignment](), count: c.staff.count)
        var seen = Array(repeating: Set<Assignment>(), count: c.staff.count)
        for entry in batch {
            for p in entry.people where seen[p].insert(slot(c.staff[p], entry.row)).inserted {
                slots[p].append(slot(c.staff[p], entry.row))
            }
        }
        let explainer = self
        let toTry = slots
        let tried = ParallelWork(threads: threads).map(Array(c.staff.indices)) { p -> [Assignment: Obstacle] in
            guard !toTry[p].isEmpty else { return [:] }
            let person = c.staff[p]
            let mine = byPerson[person.id] ?? []
            let now = Checked(explainer.evaluator.check(person, mine))
            var found: [Assignment: Obstacle] = [:]
            for slot in toTry[p] { found[slot] = explainer.obstacle(person, slot, mine, pins[person.id] ?? [], now) }
            return found
        }
        return batch.map { index, row, people in
            let heads = max(0, row.demand.minStaff - row.staffCount - row.agencyShifts)
            return Shortfall(
                coverage: row, index: index, headsShort: heads, agency: agency(row, headsShort: heads),
                people: people.map { tried[$0][slot(c.staff[$0], row)]! })
        }
    }

    /// What a person's roster gives now: its violations, paid hours and travel cost.
    struct Checked {
        var violations: [Violation]
        var paidHours: Double
        var travelCost: Double

        init(_ checked: (violations: [Violation], weekends: Int, paidHours: Double, travelCost: Double)) {
            violations = checked.violations
            paidHours = checked.paidHours
            travelCost = checked.travelCost
        }
    }

    /// What kept `person` off `slot`, given their shifts and pins and what their roster gives now.
    func obstacle(
        _ person: Staff, _ slot: Assignment, _ mine: [Assignment], _ pins: [Pin], _ now: Checked
    )
        -> Obstacle
    {
        func obstacle(_ reason: ShortfallReason, _ detail: String) -> Obstacle {
            Obstacle(staffID: person.id, reason: reason, detail: detail)
        }
        let today = mine.filter { $0.day == slot.day }
        if today.contains(slot) {
            let care = roster.care.filter { $0.assignment == slot && $0.hours > 0 }
                .sorted { $0.competencyID < $1.competencyID }.map { "\(format($0.hours)) h \($0.competencyID)" }
            return obstacle(
                .onThisShift, "on this shift here; care time: " + (care.isEmpty ? "none" : care.joined(separator: ", "))
            )
        }
        if let other = today.first {
            let place = other.localityID == slot.localityID ? "here" : "at \(other.localityID)"
            return obstacle(.otherShift, "on \(other.shiftID) \(place)")
        }
        var found: [ShortfallReason: [String]] = [:]
        for pin in pins where pin.day == slot.day && !pin.isKept(by: [slot]) {
            let what = pin.shiftID.map { "to \($0)" + (pin.localityID.map { " at \($0)" } ?? "") } ?? "off"
            found[.pinned, default: []].append("pinned \(what) that day (\(pin.source))")
        }
        let tried = Checked(evaluator.check(person, mine + [slot]))
        for violation in tried.violations where !now.violations.contains(violation) {
            if violation.rule == .locality {
                let (reason, detail) = place(person, slot.localityID)
                found[reason, default: []].append(detail)
            } else if let reason = ShortfallReason(breaking: violation.rule) {
                found[reason, default: []].append(describe(violation, slot, paidNow: now.paidHours))
            }
        }
        if let first = ShortfallReason.precedence.first(where: { found[$0] != nil }) {
            let details = ShortfallReason.precedence.flatMap { found[$0] ?? [] }
            return obstacle(first, details.joined(separator: "; "))
        }
        let pay = { (checked: Checked) in
            evaluator.cost(person, paid: checked.paidHours, travelCost: checked.travelCost, care: []).pay
        }
        return obstacle(
            .freeNotChosen,
            "free that day and allowed by every rule; it would add \(format(tried.paidHours - now.paidHours)) paid h "
                + "(now \(format(now.paidHours)) of \(format(person.contractHours * evaluator.c.weeks)) contracted) "
                + "and \(money(pay(tried) - pay(now))) to their pay")
    }

    /// A broken rule in words, for a shift tried on `slot`.
    func describe(_ violation: Violation, _ slot: Assignment, paidNow: Double) -> String {
        switch violation.rule {
        case .unavailable: return "availability.csv: unavailable for \(slot.shiftID) on \(slot.day)"
        case .rest, .forbiddenSequence:
            let rule =
                violation.rule == .rest
                ? "min_rest_hours \(format(evaluator.c.settings.minRestHours)), travel included"
                : "forbidden_sequences.csv"
            let around = violation.day == slot.day ? "" : ", before their shift on \(violation.day.map(\.iso) ?? "")"
            return "\(violation.message)\(around) (\(rule))"
        case .maxHours: return "already \(format(paidNow)) paid h; with this shift \(violation.message)"
        default: return "with this shift: \(violation.message)"
        }
    }

    /// Why a locality is not one of a person's: travel (unreachable or too long), or their list.
    func place(_ person: Staff, _ locality: String) -> (ShortfallReason, String) {
        let c = evaluator.c
        let home = person.homeLocality
        guard let out = c.travel(from: home, to: locality), let back = c.travel(from: locality, to: home) else {
            return (.travelTooLong, "no travel between \(home) and \(locality) in travel.csv")
        }
        let most = c.settings.maxTravelMinutes
        if max(out.minutes, back.minutes) > most {
            let minutes =
                out.minutes == back.minutes
                ? "\(format(out.minutes)) min each way"
                : "\(format(out.minutes)) min out and \(format(back.minutes)) min back"
            return (.travelTooLong, "\(home) to \(locality) is \(minutes) (max_travel_minutes \(format(most)))")
        }
        return (
            .localityNotAllowed,
            "\(locality) is not one of their localities (\(person.localities.joined(separator: "; ")))"
        )
    }

    /// Why agency did not cover the rest of a short row: none allowed, the cap, or its cost.
    func agency(_ row: CoverageRow, headsShort: Int) -> Obstacle {
        let s = evaluator.c.settings
        let d = row.demand
        let hours = evaluator.shifts[d.shiftID]?.paidHours ?? 0
        func obstacle(_ reason: ShortfallReason, _ detail: String) -> Obstacle {
            Obstacle(staffID: nil, reason: reason, detail: detail)
        }
        if s.agencyHourlyCost <= 0 { return obstacle(.noAgency, "agency_hourly_cost is 0: no agency cover") }
        let booked = row.agencyShifts > 0 ? "\(row.agencyShifts) agency shift(s) booked here; " : ""
        if let cap = s.agencyMaxHours, evaluation.agencyHours + hours > cap + 1e-6 {
            return obstacle(
                .agencyCapReached,
                booked + "\(format(evaluation.agencyHours)) of agency_max_hours \(format(cap)) booked in the horizon; "
                    + "one \(d.shiftID) shift needs \(format(hours)) h")
        }
        let saving = min(row.unmetHours, hours) * s.unmetHourPenalty + (headsShort > 0 ? d.underWeight : 0)
        return obstacle(
            .agencyNotChosen,
            booked + "another \(d.shiftID) shift would cost \(money(hours * s.agencyHourlyCost)) and save at most "
                + "\(money(saving)) of penalties")
    }

    func money(_ value: Double) -> String { String(format: "%.2f", value + 0.0) }
}

extension Day {
    /// `Mon` ... `Sun`.
    public var weekdayName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1] }
}
