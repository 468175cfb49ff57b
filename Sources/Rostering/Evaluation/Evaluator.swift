import Foundation
import Workforce

/// A broken hard rule found by the ``Evaluator``.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken.
    public var rule: RuleID
    public var staffID: String?
    public var day: Day?
    public var message: String

    public var description: String {
        "[\(rule)]" + (staffID.map { " \($0)" } ?? "") + (day.map { " \($0)" } ?? "") + ": " + message
    }
}

/// Coverage of one demand row.
public struct CoverageRow: Sendable, Equatable {
    public var demand: Demand
    public var staffHours: Double
    public var agencyShifts: Int
    public var agencyHours: Double
    public var unmetHours: Double
    public var staffCount: Int
    /// `green`, `amber` or `red`.
    public var status: String
}

/// One person's pay and how it is charged to sectors.
public struct PersonCost: Sendable, Equatable {
    public var staffID: String
    public var paidHours: Double
    public var pay: Double
    /// The larger of paid and contracted hours.
    public var chargeableHours: Double
    /// Hours charged to each sector (sums to ``chargeableHours``), in a stable order.
    public var sectorHours: [(sector: String, hours: Double)]

    public static func == (lhs: PersonCost, rhs: PersonCost) -> Bool {
        lhs.staffID == rhs.staffID && lhs.pay == rhs.pay
            && lhs.sectorHours.elementsEqual(rhs.sectorHours, by: { $0 == $1 })
    }
}

/// Figures of one funding sector.
public struct SectorRow: Sendable, Equatable {
    public var sectorID: String
    public var demandHours = 0.0, staffHours = 0.0, agencyHours = 0.0, unmetHours = 0.0
    public var staffCost = 0.0, agencyCost = 0.0
    public var budget: Double?
    public var totalCost: Double { staffCost + agencyCost }
    public var variance: Double? { budget.map { $0 - totalCost } }
}

/// Every penalty of the objective.
public struct Penalties: Sendable, Equatable {
    public var unmetHours = 0.0, underStaff = 0.0, overStaff = 0.0, preference = 0.0, change = 0.0, fairness = 0.0
    public var total: Double { unmetHours + underStaff + overStaff + preference + change + fairness }
}

/// What the evaluator found: violations, and every cost and penalty recomputed from the roster.
public struct Evaluation: Sendable {
    public var violations: [Violation] = []
    public var coverage: [CoverageRow] = []
    public var people: [PersonCost] = []
    public var sectors: [SectorRow] = []
    public var penalties = Penalties()
    public var pay = 0.0
    public var agencyCost = 0.0
    public var agencyHours = 0.0
    public var unmetHours = 0.0
    /// Pay plus agency cost (no penalties).
    public var totalCost: Double { pay + agencyCost }
    /// The objective: total cost plus every penalty.
    public var objective: Double { totalCost + penalties.total }
}

/// Recomputes a roster's hard-rule violations, costs and penalties from the case alone, without
/// the solver: the independent check behind `roster check` and the tests of the formulation.
public struct Evaluator: Sendable {
    public let c: Case
    let dayIndex: [Day: Int]
    let shifts: [String: Shift]
    let unavailable: [String: [Availability]]
    let staffByID: [String: Staff]

    public init(_ c: Case) {
        self.c = c
        dayIndex = Dictionary(uniqueKeysWithValues: c.days.enumerated().map { ($1, $0) })
        shifts = Dictionary(c.shifts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        unavailable = Dictionary(grouping: c.availability.filter { $0.kind == .unavailable }, by: \.staffID)
        staffByID = Dictionary(c.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func evaluate(_ roster: Roster) -> Evaluation {
        var e = Evaluation()
        var byPerson: [String: [Assignment]] = [:]
        for row in roster.assignments { byPerson[row.staffID, default: []].append(row) }
        func violation(_ rule: RuleID, _ person: String?, _ day: Day?, _ message: String) {
            e.violations.append(Violation(rule: rule, staffID: person, day: day, message: message))
        }
        for row in roster.assignments
        where dayIndex[row.day] == nil || shifts[row.shiftID] == nil || staffByID[row.staffID] == nil {
            violation(
                .rosterRow, row.staffID, row.day,
                "the row names a date outside the horizon or an unknown person or shift")
        }

        let careByPerson = Dictionary(grouping: roster.care, by: \.assignment.staffID)
        // Hard rules, person by person.
        var weekendsWorked: [String: Int] = [:]
        for person in c.staff {
            let checked = check(person, byPerson[person.id] ?? [])
            e.violations += checked.violations
            weekendsWorked[person.id] = checked.weekends
            e.people.append(
                cost(
                    person, paid: checked.paidHours, travelCost: checked.travelCost,
                    care: careByPerson[person.id] ?? []))
        }
        for pin in c.pins where !pin.isKept(by: (byPerson[pin.staffID] ?? []).filter { $0.day == pin.day }) {
            violation(.pinned, pin.staffID, pin.day, "\(pin.source) is not kept")
        }
        let worked = Set(roster.assignments)
        var careSum: [Assignment: Double] = [:]
        for care in roster.care {
            if !worked.contains(care.assignment) {
                violation(.careSplit, care.assignment.staffID, care.assignment.day, "care time on a shift not rostered")
            } else if staffByID[care.assignment.staffID]?.holds(care.competencyID) != true {
                violation(
                    .careSplit, care.assignment.staffID, care.assignment.day,
                    "care time for \(care.competencyID), not held")
            }
            if care.hours < 0 {
                violation(.careSplit, care.assignment.staffID, care.assignment.day, "negative care time")
            }
            careSum[care.assignment, default: 0] += care.hours
        }
        for (assignment, hours) in careSum.sorted(by: { ($0.key.staffID, $0.key.day) < ($1.key.staffID, $1.key.day) })
        where hours > (shifts[assignment.shiftID]?.paidHours ?? 0) + 1e-4 {
            violation(
                .careSplit, assignment.staffID, assignment.day,
                "\(format(hours)) care hours exceed the shift's paid hours")
        }

        // Agency, coverage and staffing penalties, keyed by demand row.
        func place(_ day: Day, _ shift: String, _ locality: String, _ competency: String) -> String {
            "\(day.iso)|\(shift)|\(locality)|\(competency)"
        }
        let s = c.settings
        var agency: [String: Int] = [:]
        for booking in roster.agency {
            agency[place(booking.day, booking.shiftID, booking.localityID, booking.competencyID), default: 0] +=
                booking.shifts
            let hours = Double(booking.shifts) * (shifts[booking.shiftID]?.paidHours ?? 0)
            e.agencyHours += hours
            e.agencyCost += hours * s.agencyHourlyCost
        }
        if !roster.agency.isEmpty, s.agencyHourlyCost <= 0 {
            violation(.agencyCap, nil, nil, "agency shifts booked, but agency_hourly_cost is 0")
        }
        if let cap = s.agencyMaxHours, e.agencyHours > cap + 1e-6 {
            violation(.agencyCap, nil, nil, "\(format(e.agencyHours)) agency hours (at most \(format(cap)))")
        }
        var careAt: [String: Double] = [:]
        for care in roster.care {
            let assignment = care.assignment
            careAt[place(assignment.day, assignment.shiftID, assignment.localityID, care.competencyID), default: 0] +=
                care.hours
        }
        var headsAt: [String: Int] = [:]
        for row in roster.assignments {
            for competency in staffByID[row.staffID]?.competencies ?? [] {
                headsAt[place(row.day, row.shiftID, row.localityID, competency), default: 0] += 1
            }
        }
        for demand in c.demand {
            let key = place(demand.day, demand.shiftID, demand.localityID, demand.competencyID)
            let staffHours = careAt[key] ?? 0
            let count = headsAt[key] ?? 0
            let booked = agency[key] ?? 0
            let agencyHours = Double(booked) * (shifts[demand.shiftID]?.paidHours ?? 0)
            let unmet = max(0, demand.hours - staffHours - agencyHours)
            e.unmetHours += unmet
            e.penalties.unmetHours += unmet * s.unmetHourPenalty
            e.penalties.underStaff += Double(max(0, demand.minStaff - count - booked)) * demand.underWeight
            if let most = demand.maxStaff {
                e.penalties.overStaff += Double(max(0, count + booked - most)) * demand.overWeight
            }
            let hoursRatio = demand.hours > 0 ? (staffHours + agencyHours) / demand.hours : 1
            let headRatio = demand.minStaff > 0 ? Double(count + booked) / Double(demand.minStaff) : 1
            let worst = min(hoursRatio, headRatio)
            let status = worst >= 1 - 1e-9 ? "green" : (worst >= s.amberThreshold ? "amber" : "red")
            e.coverage.append(
                CoverageRow(
                    demand: demand, staffHours: staffHours, agencyShifts: booked, agencyHours: agencyHours,
                    unmetHours: unmet, staffCount: count, status: status))
        }

        // Preferences, changes, fairness.
        for rule in c.availability where rule.kind != .unavailable {
            let today = (byPerson[rule.staffID] ?? []).filter { $0.day == rule.day }
            let on = rule.shiftID.map { shift in today.contains { $0.shiftID == shift } } ?? !today.isEmpty
            if (rule.kind == .preferOff) == on { e.penalties.preference += rule.weight }
        }
        if let baseline = c.baseline {
            var planned: [String: Assignment] = [:]
            var actual: [String: Assignment] = [:]
            for row in baseline { planned["\(row.staffID)|\(row.day.iso)"] = row }
            for row in roster.assignments { actual["\(row.staffID)|\(row.day.iso)"] = row }
            for key in Set(planned.keys).union(actual.keys) {
                let a = planned[key]
                let b = actual[key]
                if a?.shiftID != b?.shiftID || a?.localityID != b?.localityID { e.penalties.change += s.changeWeight }
            }
        }
        let loads = c.staff.filter { $0.contractHours > 0 }.map {
            Double(weekendsWorked[$0.id] ?? 0) * 37.5 / $0.contractHours
        }
        if let high = loads.max(), let low = loads.min() { e.penalties.fairness = s.fairnessWeight * (high - low) }

        e.pay = e.people.reduce(0) { $0 + $1.pay }
        e.sectors = sectorRows(e, roster)
        return e
    }

    /// One person's hard-rule violations, weekends worked, paid hours and travel cost.
    public func check(
        _ person: Staff, _ assignments: [Assignment]
    ) -> (
        violations: [Violation], weekends: Int,
        paidHours: Double, travelCost: Double
    ) {
        var violations: [Violation] = []
        func violation(_ rule: RuleID, _ person: String?, _ day: Day?, _ message: String) {
            violations.append(Violation(rule: rule, staffID: person, day: day, message: message))
        }
        // Sort keys looked up once per row, not twice per comparison (explanations check rosters by the thousand).
        let rows = assignments.compactMap { row in
            dayIndex[row.day].flatMap { d in shifts[row.shiftID].map { (row: row, day: d, start: $0.start) } }
        }
        .sorted { ($0.day, $0.start) < ($1.day, $1.start) }.map(\.row)
        var worked = Array(repeating: false, count: c.days.count)
        for row in rows {
            let d = dayIndex[row.day]!
            if worked[d] { violation(.oneShiftPerDate, person.id, row.day, "more than one shift on the date") }
            worked[d] = true
            for rule in unavailable[person.id] ?? []
            where rule.day == row.day && (rule.shiftID == nil || rule.shiftID == row.shiftID) {
                violation(.unavailable, person.id, row.day, "works \(row.shiftID) while unavailable")
            }
            if !person.localities.contains(row.localityID) || trip(person, row.localityID) == nil {
                violation(.locality, person.id, row.day, "\(row.localityID) is not one of the person's localities")
            }
        }
        let minimumRest = c.settings.minRestHours * 60
        for (first, next) in zip(rows, rows.dropFirst()) {
            let end =
                Double(dayIndex[first.day]! * 1440 + shifts[first.shiftID]!.end) + oneWay(person, first.localityID).back
            let start =
                Double(dayIndex[next.day]! * 1440 + shifts[next.shiftID]!.start) - oneWay(person, next.localityID).out
            if start - end < minimumRest - 1e-9 {
                violation(
                    .rest, person.id, next.day,
                    "only \(format((start - end) / 60)) h rest after \(first.shiftID) on \(first.day)")
            }
            if next.day.ordinal == first.day.ordinal + 1,
                c.forbiddenSequences.contains(Pair(first.shiftID, next.shiftID))
            {
                violation(.forbiddenSequence, person.id, next.day, "\(next.shiftID) the day after \(first.shiftID)")
            }
        }
        for run in runs(worked) {
            if run.value, run.length > person.maxConsecutiveDays {
                violation(
                    .maxConsecutiveDays, person.id, c.days[run.start],
                    "\(run.length) days in a row (at most \(person.maxConsecutiveDays))")
            }
            let cut = run.start == 0 || run.start + run.length == c.days.count
            if run.value, !cut, run.length < person.minConsecutiveDays {
                violation(
                    .minConsecutiveDays, person.id, c.days[run.start],
                    "a run of \(run.length) days (at least \(person.minConsecutiveDays))")
            }
            if !run.value, !cut, run.length < person.minConsecutiveDaysOff {
                violation(
                    .minConsecutiveDaysOff, person.id, c.days[run.start],
                    "\(run.length) days off in a row (at least \(person.minConsecutiveDaysOff))")
            }
        }
        let weekends = Set(c.days.indices.filter { worked[$0] && c.days[$0].isWeekend }.map { c.days[$0].weekStart })
            .count
        if let limit = person.maxWeekends, weekends > limit {
            violation(.maxWeekends, person.id, nil, "\(weekends) weekends worked (at most \(limit))")
        }
        for shift in c.shifts {
            if let limit = c.shiftLimits[Pair(person.id, shift.id)] {
                let count = rows.filter { $0.shiftID == shift.id }.count
                if count > limit {
                    violation(.shiftLimit, person.id, nil, "\(shift.id) worked \(count) times (at most \(limit))")
                }
            }
        }
        let paid = rows.reduce(0) {
            $0 + shifts[$1.shiftID]!.paidHours + (trip(person, $1.localityID)?.minutes ?? 0) / 60
        }
        let most = MaximumHours.limit(person, days: c.days.count)
        if paid > most + 1e-6 {
            violation(.maxHours, person.id, nil, "\(format(paid)) paid hours (at most \(format(most)))")
        }
        let least = MinimumHours.limit(person, days: c.days.count)
        if paid < least - 1e-6 {
            violation(.minHours, person.id, nil, "\(format(paid)) paid hours (at least \(format(least)))")
        }
        return (violations, weekends, paid, rows.reduce(0) { $0 + (trip(person, $1.localityID)?.cost ?? 0) })
    }

    /// Pay of one person and its split across sectors (the spec's Funding rule).
    func cost(_ person: Staff, paid: Double, travelCost: Double, care: [CareTime]) -> PersonCost {
        let contracted = person.contractHours * c.weeks
        let pay =
            person.hourlyCost * contracted + person.hourlyCost * person.overtimeMultiplier * max(0, paid - contracted)
            + travelCost
        let chargeable = max(paid, contracted)
        var hours: [(sector: String, hours: Double)] = []
        func charge(_ sector: String, _ amount: Double) {
            if let i = hours.firstIndex(where: { $0.sector == sector }) {
                hours[i].hours += amount
            } else {
                hours.append((sector, amount))
            }
        }
        if chargeable > 0 {
            for item in care { charge(c.sector(ofCompetency: item.competencyID), item.hours) }
            let careTotal = care.reduce(0) { $0 + $1.hours }
            let rest = chargeable - careTotal
            if person.employer != Sector.joint {
                charge(person.employer, rest)
            } else if careTotal > 0 {
                for (sector, amount) in hours { charge(sector, rest * amount / careTotal) }
            } else {
                let sectors = c.sectors.isEmpty ? fundingSectors : c.sectors.map(\.id)
                for sector in sectors { charge(sector, rest / Double(sectors.count)) }
            }
        }
        return PersonCost(
            staffID: person.id, paidHours: paid, pay: pay, chargeableHours: chargeable, sectorHours: hours)
    }

    /// Sectors funding competencies (`unassigned` if none): a joint employer's idle time without sectors.csv.
    var fundingSectors: [String] {
        var sectors: [String] = []
        for competency in c.competencies where !sectors.contains(competency.sectorID) {
            sectors.append(competency.sectorID)
        }
        return sectors.isEmpty ? [Sector.unassigned] : sectors
    }

    func sectorRows(_ e: Evaluation, _ roster: Roster) -> [SectorRow] {
        var rows: [String: SectorRow] = [:]
        var order = c.sectors.map(\.id)
        for sector in c.sectors { rows[sector.id] = SectorRow(sectorID: sector.id, budget: sector.budget) }
        func update(_ sector: String, _ change: (inout SectorRow) -> Void) {
            if rows[sector] == nil {
                rows[sector] = SectorRow(sectorID: sector)
                order.append(sector)
            }
            change(&rows[sector]!)
        }
        for row in e.coverage {
            update(c.sector(ofCompetency: row.demand.competencyID)) {
                $0.demandHours += row.demand.hours
                $0.agencyHours += row.agencyHours
                $0.unmetHours += row.unmetHours
                $0.agencyCost += row.agencyHours * c.settings.agencyHourlyCost
            }
        }
        for care in roster.care { update(c.sector(ofCompetency: care.competencyID)) { $0.staffHours += care.hours } }
        for person in e.people where person.chargeableHours > 0 {
            for (sector, hours) in person.sectorHours {
                update(sector) { $0.staffCost += person.pay * hours / person.chargeableHours }
            }
        }
        let listed = Set(c.sectors.map(\.id))
        return order.compactMap { id in
            guard let row = rows[id] else { return nil }
            let figures = [
                row.demandHours, row.staffHours, row.agencyHours, row.unmetHours, row.staffCost, row.agencyCost,
            ]
            return listed.contains(id) || figures.contains { abs($0) > 1e-9 } ? row : nil
        }
    }

    func trip(_ person: Staff, _ locality: String) -> Travel? {
        guard let out = c.travel(from: person.homeLocality, to: locality),
            let back = c.travel(from: locality, to: person.homeLocality)
        else { return nil }
        return Travel(minutes: out.minutes + back.minutes, cost: out.cost + back.cost)
    }

    func oneWay(_ person: Staff, _ locality: String) -> (out: Double, back: Double) {
        (
            c.travel(from: person.homeLocality, to: locality)?.minutes ?? 0,
            c.travel(from: locality, to: person.homeLocality)?.minutes ?? 0
        )
    }
}

extension Pin {
    /// Whether the shifts a person works on the pin's date keep it: none for a pinned day off, else
    /// the pinned shift (at the pinned locality, when one is named).
    public func isKept(by worked: [Assignment]) -> Bool {
        guard let shiftID else { return worked.isEmpty }
        return worked.contains { $0.shiftID == shiftID && (localityID == nil || $0.localityID == localityID) }
    }

    /// Where the pin comes from: its pinned.csv line, or the baseline frozen by `--freeze-before`.
    public var source: String { line.map { "pinned.csv line \($0)" } ?? "the frozen baseline (--freeze-before)" }
}

/// Maximal runs of equal values: (value, first index, length).
func runs(_ values: [Bool]) -> [(value: Bool, start: Int, length: Int)] {
    var result: [(value: Bool, start: Int, length: Int)] = []
    for (i, value) in values.enumerated() {
        if let last = result.last, last.value == value {
            result[result.count - 1].length += 1
        } else {
            result.append((value, i, 1))
        }
    }
    return result
}

func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
}
