import Foundation
import Workforce

/// How a solve ended, as written to summary.csv.
public enum RunStatus: String, Sendable {
    case optimal, feasible, infeasible
    case timeLimitNoSolution = "time_limit_no_solution"
}

/// The output files of a run, rendered as CSV tables (file name -> rows, header first).
public struct Outputs: Sendable {
    public var tables: [(file: String, rows: [[String]])]
    /// Output files that are not CSV tables (report.html), written with the tables.
    public var documents: [(file: String, bytes: Data)] = []

    /// Every output file name a run may write (removed from the folder when a run writes fewer).
    public static let fileNames = [
        "roster.csv", "work_split.csv", "roster_grid.csv", "coverage.csv",
        "contract_allocation.csv", "sector_summary.csv", "summary.csv", "changes.csv", "explanations.csv",
        "report.html", "roster.xlsx",
    ]

    /// The outputs of a roster: the seven files of the format, changes.csv with a baseline, explanations.csv
    /// and report.html. `boundSource` is written as summary.csv's `bound_source` (where the best bound
    /// came from; empty without a bound). With `explainUntil`, red and amber rows are explained until that
    /// instant, and with `explainAtMost` until that many people have been tried (a run's time limit covers
    /// writing them); summary.csv's `unexplained_rows` counts the rows left out.
    public init(
        case c: Case, roster: Roster, evaluation e: Evaluation, status: RunStatus, bestBound: Double?,
        boundSource: String? = nil, seconds: Double, explainUntil deadline: ContinuousClock.Instant? = nil,
        explainAtMost mostPeople: Int? = nil
    ) {
        let staffOrder = Dictionary(uniqueKeysWithValues: c.staff.enumerated().map { ($1.id, $0) })
        let shiftOrder = Dictionary(uniqueKeysWithValues: c.shifts.enumerated().map { ($1.id, $0) })
        func ordered(_ a: Assignment, _ b: Assignment) -> Bool {
            (staffOrder[a.staffID] ?? 0, a.day, shiftOrder[a.shiftID] ?? 0, a.localityID)
                < (staffOrder[b.staffID] ?? 0, b.day, shiftOrder[b.shiftID] ?? 0, b.localityID)
        }
        let evaluator = Evaluator(c)
        let shiftsByID = Dictionary(c.shifts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sectorOf = Dictionary(c.competencies.map { ($0.id, $0.sectorID) }, uniquingKeysWith: { a, _ in a })
        let assignments = roster.assignments.sorted(by: ordered)
        var rosterRows = [
            ["staff_id", "date", "shift_id", "locality_id", "start", "end", "paid_hours", "travel_minutes"]
        ]
        for a in assignments {
            guard let person = evaluator.staffByID[a.staffID], let shift = shiftsByID[a.shiftID] else { continue }
            let trip = evaluator.trip(person, a.localityID)
            rosterRows.append([
                a.staffID, a.day.iso, a.shiftID, a.localityID, Self.clock(shift.start), Self.clock(shift.end),
                Self.hours(shift.paidHours + (trip?.minutes ?? 0) / 60), Self.plain(trip?.minutes ?? 0),
            ])
        }
        var splitRows = [["staff_id", "date", "shift_id", "locality_id", "competency_id", "sector_id", "hours"]]
        for care in roster.care.sorted(by: {
            ordered($0.assignment, $1.assignment)
                || ($0.assignment == $1.assignment && $0.competencyID < $1.competencyID)
        }) {
            let a = care.assignment
            splitRows.append([
                a.staffID, a.day.iso, a.shiftID, a.localityID, care.competencyID,
                sectorOf[care.competencyID] ?? Sector.unassigned, Self.hours(care.hours),
            ])
        }
        var grid = [["staff_id", "name", "role_id"] + c.days.map(\.iso)]
        var cells: [String: [Int: String]] = [:]
        let dayIndex = Dictionary(uniqueKeysWithValues: c.days.enumerated().map { ($1, $0) })
        for a in assignments {
            if let d = dayIndex[a.day] { cells[a.staffID, default: [:]][d] = "\(a.shiftID)@\(a.localityID)" }
        }
        for person in c.staff {
            grid.append(
                [person.id, Self.neutralised(person.name), person.roleID]
                    + c.days.indices.map { cells[person.id]?[$0] ?? "" })
        }
        var coverage = [
            [
                "date", "shift_id", "locality_id", "competency_id", "demand_hours", "staff_hours", "agency_shifts",
                "agency_hours", "unmet_hours", "min_staff", "staff_count", "status",
            ]
        ]
        for row in e.coverage {
            let d = row.demand
            coverage.append([
                d.day.iso, d.shiftID, d.localityID, d.competencyID, Self.hours(d.hours), Self.hours(row.staffHours),
                String(row.agencyShifts), Self.hours(row.agencyHours), Self.hours(row.unmetHours), String(d.minStaff),
                String(row.staffCount), row.status,
            ])
        }
        var allocation = [["staff_id", "employer", "sector_id", "hours", "share", "cost"]]
        for person in e.people where person.chargeableHours > 0 {
            let employer = evaluator.staffByID[person.staffID]?.employer ?? Sector.unassigned
            for (sector, hours) in person.sectorHours {
                let share = hours / person.chargeableHours
                allocation.append([
                    person.staffID, employer, sector, Self.hours(hours), Self.hours(share),
                    Self.money(person.pay * share),
                ])
            }
        }
        var sectors = [
            [
                "sector_id", "demand_hours", "staff_hours", "agency_hours", "unmet_hours", "staff_cost", "agency_cost",
                "total_cost", "budget", "variance",
            ]
        ]
        for row in e.sectors {
            sectors.append([
                row.sectorID, Self.hours(row.demandHours), Self.hours(row.staffHours), Self.hours(row.agencyHours),
                Self.hours(row.unmetHours), Self.money(row.staffCost), Self.money(row.agencyCost),
                Self.money(row.totalCost), row.budget.map(Self.money) ?? "", row.variance.map(Self.money) ?? "",
            ])
        }
        let objective = e.objective
        let bound = bestBound.map { min($0, objective) }
        let gap = bound.map { (objective - $0) / max(abs(objective), 1) }
        let proven = status == .optimal && (gap ?? 1) <= 1e-6
        let p = e.penalties
        let changes = ChangesReport.rows(c, roster)
        var summary: [[String]] = [
            ["key", "value"], ["status", (status == .optimal && !proven ? RunStatus.feasible : status).rawValue],
            ["objective", Self.money(objective)], ["best_bound", bound.map(Self.money) ?? ""],
            ["bound_source", bound == nil ? "" : boundSource ?? ""],
            ["gap", gap.map { String(format: "%.6f", $0) } ?? ""], ["solve_seconds", String(format: "%.3f", seconds)],
            ["total_cost", Self.money(e.totalCost)], ["pay_cost", Self.money(e.pay)],
            ["agency_cost", Self.money(e.agencyCost)],
            ["unmet_hours", Self.hours(e.unmetHours)], ["agency_hours", Self.hours(e.agencyHours)],
            ["penalty_unmet_hours", Self.money(p.unmetHours)], ["penalty_under_staff", Self.money(p.underStaff)],
            ["penalty_over_staff", Self.money(p.overStaff)], ["penalty_preference", Self.money(p.preference)],
            ["penalty_change", Self.money(p.change)], ["penalty_fairness", Self.money(p.fairness)],
            ["shifts_worked", String(assignments.count)],
            ["red_rows", String(e.coverage.filter { $0.status == "red" }.count)],
            ["amber_rows", String(e.coverage.filter { $0.status == "amber" }.count)],
        ]
        if let changes {
            summary.append(["changes", String(changes.count - 1)])
            summary.append(["people_changed", String(Set(changes.dropFirst().map { $0[0] }).count)])
        }
        let shortfalls = ShortfallExplainer(c, roster: roster, evaluation: e).shortfalls(
            until: deadline, mostPeople: mostPeople)
        let unexplained = e.coverage.filter { $0.status != "green" }.count - shortfalls.count
        if unexplained > 0 { summary.append(["unexplained_rows", String(unexplained)]) }
        tables = [
            ("roster.csv", rosterRows), ("work_split.csv", splitRows), ("roster_grid.csv", grid),
            ("coverage.csv", coverage), ("contract_allocation.csv", allocation), ("sector_summary.csv", sectors),
            ("summary.csv", summary),
        ]
        if let changes { tables.append(("changes.csv", changes)) }
        tables.append(("explanations.csv", Shortfall.table(shortfalls)))
        let report = RosterReport(case: c, roster: roster, evaluation: e, shortfalls: shortfalls, outputs: tables)
        documents.append(("report.html", Data(report.html.utf8)))
    }

    /// The outputs of a run without a roster: summary.csv alone, with explanations.
    public init(noRoster status: RunStatus, explanations: [String], seconds: Double) {
        tables = [
            (
                "summary.csv",
                [
                    ["key", "value"], ["status", status.rawValue], ["objective", ""], ["best_bound", ""],
                    ["gap", ""], ["solve_seconds", String(format: "%.3f", seconds)],
                ]
                    + explanations.map { ["explanation", Self.neutralised($0)] }
            )
        ]
    }

    /// Writes the files into `folder` all together (see ``OutputCommit``): the CSV files, the documents and,
    /// with a roster, roster.xlsx (``RosterWorkbook``); output files of an earlier run that this run does not
    /// write are removed, so a folder never mixes two runs. summary.csv gets the run's identity
    /// (``RunIdentity``): its id and the checksum of every other file as written; the workbook's Summary sheet
    /// shows the same id. A roster too large for a workbook's sheets gets a `workbook` row saying so.
    /// - Parameter byteOrderMark: begin every CSV file with a UTF-8 byte-order mark (for Excel on Windows).
    /// - Parameter threads: tables rendered at once (the files written are the same whatever the number).
    public func write(to folder: URL, byteOrderMark: Bool = false, threads: Int = 1) throws {
        var summary = tables.first { $0.file == "summary.csv" }?.rows ?? []
        // The tables are rendered concurrently: on a year's roster, rendering them one after another took
        // as long as three seconds of a run's time limit.
        let others = tables.filter { $0.file != "summary.csv" }
        let rendered = ParallelWork(threads: threads).map(Array(others.indices)) { i in
            Result { try CSVFolder.render(others[i].rows, byteOrderMark: byteOrderMark) }
        }
        var files: [(name: String, bytes: Data)] = try zip(others, rendered).map { ($0.file, try $1.get()) }
        files += documents.map { ($0.file, $0.bytes) }
        let workbook = tables.contains { $0.file == "roster.csv" }
        let tooLarge = workbook ? RosterWorkbook.tooLarge(tables) : nil
        if let tooLarge { summary.append(["workbook", "\(RunIdentity.workbook) not written: \(tooLarge)"]) }
        var identity = RunIdentity.rows(for: files)
        if workbook && tooLarge == nil {
            let sheets = tables.map { $0.file == "summary.csv" ? ($0.file, summary + identity) : $0 }
            files.append((RunIdentity.workbook, try RosterWorkbook.render(sheets)))
            identity = RunIdentity.rows(for: files)  // the same id, and the workbook's checksum
        }
        files.append(("summary.csv", try CSVFolder.render(summary + identity, byteOrderMark: byteOrderMark)))
        try OutputCommit.commit(files, to: folder, removing: Self.fileNames)
    }

    /// Free text starting with = + - @ TAB or CR gets a leading `'` (spreadsheet formula injection).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        return "'" + text
    }

    static func money(_ value: Double) -> String { String(format: "%.2f", value + 0.0) }
    static func hours(_ value: Double) -> String { String(format: "%.4f", value + 0.0) }
    static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", (minutes % 1440) / 60, minutes % 60) }
}
