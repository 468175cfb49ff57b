import ArgumentParser
import Foundation
import GLPKSolver
import Rostering
import Workforce

/// Completes an interrupted write in the output folder at `path` (``OutputCommit/repair(_:)``), before
/// anything else reads or writes it; exit 1 when it cannot.
func repairOutputFolder(_ path: String) throws -> URL {
    let folder = URL(fileURLWithPath: path)
    do {
        if try OutputCommit.repair(folder) { log.info("completed an interrupted write in '\(path)'") }
    } catch {
        log.error("'\(path)': \(error)")
        throw Exit.badInput
    }
    return folder
}

/// Opens an output folder for reading: completes an interrupted write, and refuses (exit 1) a folder
/// whose files are not the ones its summary.csv was written with.
func openOutputFolder(_ path: String) throws -> URL {
    let folder = try repairOutputFolder(path)
    let mixed = RunIdentity.verify(folder)
    if !mixed.isEmpty {
        for issue in mixed { log.error("\(issue)") }
        throw Exit.badInput
    }
    return folder
}

/// The roster of an output folder (exit 1 when its files are malformed). Without work_split.csv, each
/// shift's care time is shared among its person's competencies as the tool would (``BestCareSplit``).
func readRoster(_ c: Case, _ folder: URL) throws -> Roster {
    var roster: Roster
    do {
        roster = try RosterFile.read(folder: folder, case: c)
    } catch {
        report(error)
        throw Exit.badInput
    }
    if roster.care.isEmpty, !roster.assignments.isEmpty,
        !CaseSource.folder(folder).has("work_split.csv")
    {
        let note =
            "work_split.csv is missing: each shift's care time is shared among its person's competencies as the "
            + "tool would (a linear program leaving least demand unmet)"
        log.info("\(note)")
        do {
            roster.care = try BestCareSplit.care(c, roster, solver: GLPKSolver())
        } catch {
            log.error("the care split could not be computed: \(error)")
            throw Exit.solverFailed
        }
    }
    return roster
}

/// `roster report CASE DIR`: report.html for any output folder, a hand-made roster included.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write DIR/report.html: the roster, coverage, funding and why each red and amber row is short.",
        discussion: """
            Reads DIR/roster.csv (the tool's or a hand-made one; work_split.csv, else the care split the tool \
            would make, and coverage.csv's agency shifts when present), evaluates it against the case, and writes one \
            self-contained page (no script, nothing fetched; printable on A4 landscape): the run (from \
            summary.csv when present), a red/amber/green map of coverage linked to the explanations, the \
            roster grid with hours and pay against contracts, cost by sector against budget and each joint \
            worker's split, the changes of changes.csv when present, and every red and amber row explained. \
            `roster solve` writes the same page with its outputs.
            """
    )

    @Argument(help: "The case folder.")
    var caseFolder: String

    @Argument(help: "The output folder holding roster.csv; report.html is written there.")
    var rosterFolder: String

    func run() throws {
        let c = try loadCase(caseFolder)
        let folder = try openOutputFolder(rosterFolder)
        let read = EvaluatedRoster(case: c, roster: try readRoster(c, folder))
        let html: String
        do {
            html = try ReportFolder.report(case: c, read, folder: folder).html
        } catch {
            report(error)
            throw Exit.badInput
        }
        do {
            try ReportFolder.write(html, to: folder)
        } catch {
            log.error("cannot write report.html into '\(rosterFolder)': \(error)")
            throw Exit.badInput
        }
        print(
            "written: \(TerminalLogHandler.visible(rosterFolder))/report.html "
                + "(\(read.shortfalls.count) red and amber rows explained)")
    }
}

/// `roster explain CASE DIR`: why red and amber rows are short, for a date, a locality or a person.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say why red and amber rows of a roster are short: for a date, a locality or a person.",
        discussion: """
            For each red or amber row of DIR's roster: the hours and people short, why agency did not cover \
            it, and what kept each person holding the competency off it (on another shift, unavailable, \
            rest, a forbidden sequence, the hours limit, a run of days, not allowed at the locality, travel \
            too long, a shift or weekend limit, a pin, or free but not chosen: the solver left them idle for \
            their cost). The options narrow the rows; with --staff only that person's line is given. \
            explanations.csv, written by `roster solve`, has the same rows.
            """
    )

    @Argument(help: "The case folder.")
    var caseFolder: String

    @Argument(help: "The output folder holding roster.csv.")
    var rosterFolder: String

    @Option(help: "Only rows of this date (YYYY-MM-DD).")
    var date: String?

    @Option(help: "Only rows at this locality (its locality_id).")
    var locality: String?

    @Option(help: "Only this person (their staff_id): the rows whose competency they hold, and their line.")
    var staff: String?

    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date must be a date YYYY-MM-DD, not '\(TerminalLogHandler.visible(date))'")
        }
    }

    func run() throws {
        let c = try loadCase(caseFolder)
        if let locality, !c.localities.contains(where: { $0.id == locality }) {
            throw ValidationError("--locality: '\(TerminalLogHandler.visible(locality))' is not in localities.csv")
        }
        if let staff, !c.staff.contains(where: { $0.id == staff }) {
            throw ValidationError("--staff: '\(TerminalLogHandler.visible(staff))' is not in staff.csv")
        }
        let read = EvaluatedRoster(case: c, roster: try readRoster(c, try openOutputFolder(rosterFolder)))
        let names = Dictionary(c.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(c.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        let day = date.flatMap(Day.init(iso:))
        var shown = 0
        for shortfall in read.shortfalls {
            let d = shortfall.coverage.demand
            if let day, d.day != day { continue }
            if let locality, d.localityID != locality { continue }
            let people = shortfall.people.filter { staff == nil || $0.staffID == staff }.sorted {
                ($0.reason, order[$0.staffID ?? ""] ?? 0) < ($1.reason, order[$1.staffID ?? ""] ?? 0)
            }
            if staff != nil, people.isEmpty { continue }
            shown += 1
            var lines = [shortfall.headline]
            if staff == nil { lines.append("  agency: \(shortfall.agency.reason.label): \(shortfall.agency.detail)") }
            if shortfall.people.isEmpty { lines.append("  no one holds \(d.competencyID)") }
            for obstacle in people {
                let id = obstacle.staffID ?? ""
                let name = names[id].flatMap { $0.isEmpty ? nil : " \($0)" } ?? ""
                lines.append("  \(id)\(name): \(obstacle.reason.label): \(obstacle.detail)")
            }
            print(TerminalLogHandler.visible(lines.joined(separator: "\n")))
        }
        print(
            shown == 0
                ? "no red or amber row matches"
                : "\(shown) red and amber row\(shown == 1 ? "" : "s") of \(read.shortfalls.count) in the roster")
    }
}
