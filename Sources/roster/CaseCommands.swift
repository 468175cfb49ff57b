import ArgumentParser
import Foundation
import GLPKSolver
import LinearModel
import Rostering
import Workforce

/// Reads a case folder, printing warnings; prints every error and exits 1 on a bad case.
func loadCase(_ folder: String) throws -> Case {
    do {
        let loaded = try CaseReader.read(folder: URL(fileURLWithPath: folder))
        for warning in loaded.warnings { log.warning("\(warning)") }
        return loaded.case
    } catch {
        report(error)
        throw Exit.badInput
    }
}

/// Prints every issue of a case error, warnings included.
func report(_ error: CaseError) {
    for issue in error.issues where issue.severity == .warning { log.warning("\(issue)") }
    log.error("\(error)")
}

/// `roster solve CASE --out DIR`: the main job.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Roster a case: read its CSV files, solve, and write the roster, coverage and funding files.",
        discussion: """
            Writes roster.csv, work_split.csv, roster_grid.csv, coverage.csv, contract_allocation.csv, \
            sector_summary.csv, summary.csv, explanations.csv (why each red and amber row is short), \
            report.html (the whole run on one page) and roster.xlsx (the same tables as the sheets of one \
            workbook) into the output folder, all together (nothing changes there if the run fails); --bom \
            begins each CSV file with a UTF-8 byte-order mark. With a time limit the best roster found so far \
            is written and marked 'feasible'; the limit covers the whole run, reading and writing included. \
            Ctrl-C (or SIGTERM) stops the search and writes the best roster found so far (exit 3); a second \
            Ctrl-C quits at once, leaving the earlier outputs (an interrupted write is completed by the next \
            command on the folder).

            Every roster keeps every hard rule: it is built person by person, each person's schedule from \
            their own rules, then improved by column generation, diving, person by person, by re-solving \
            parts of it and on the whole model. When no roster exists, summary.csv alone explains which people, dates and rules conflict.
            """
    )

    @Argument(help: "The case folder (staff.csv, shifts.csv, demand.csv, ...).")
    var caseFolder: String

    @Option(name: .long, help: "The output folder (created if missing).")
    var out: String

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var logOptions: LogOptions

    @Option(name: .long, help: "Also write the model to this file (.mps or .lp) for another solver.")
    var exportModel: String?

    @Option(
        help: ArgumentHelp(
            "Keep every assignment of baseline.csv before this date (YYYY-MM-DD) as it is.",
            discussion: "Re-rostering after sickness: the past stays as published; changes.csv lists what moved."))
    var freezeBefore: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: "Threads for pricing people's schedules concurrently (1 to 1024; default: every core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Begin every CSV file written with a UTF-8 byte-order mark (for Excel on Windows).")
    var bom = false

    /// Seconds to write one row of explanations.csv (and its part of report.html and roster.xlsx).
    static let secondsPerExplanationRow = 150e-6

    /// Seconds of a time limit kept for evaluating the roster and writing the outputs: writing grows with
    /// the roster (4.9 s for 100 staff over 52 weeks, 36,400 person-days, and 8.8 s for 150 staff,
    /// 54,600 person-days, on the 2-core machine the README's figures come from, each file flushed to
    /// disk), and never takes more than a fifth of the limit from the search.
    static func reserve(_ limit: Double, personDays: Int) -> Double {
        min(0.3 + 0.01 * limit + 1.8e-4 * Double(personDays), 0.2 * limit)
    }

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name the output folder; it is empty") }
        if let freezeBefore, Day(iso: freezeBefore) == nil {
            throw ValidationError("--freeze-before must be a date YYYY-MM-DD, not '\(freezeBefore)'")
        }
        if exportModel?.isEmpty == true {
            throw ValidationError("--export-model must name a file (.mps or .lp); it is empty")
        }
        if !(1...1024).contains(threads) {
            throw ValidationError("--threads must be a whole number from 1 to 1024, not '\(threads)'")
        }
        if let exportModel, ModelFileFormat(path: exportModel) == nil {
            throw ValidationError("--export-model: the extension must be .mps or .lp")
        }
    }

    func run() throws {
        let started = ContinuousClock.now
        logOptions.apply()
        Interruption.install()
        let outFolder = try repairOutputFolder(out)
        var c = try loadCase(caseFolder)
        if let day = freezeBefore.flatMap(Day.init(iso:)) {
            do {
                c = try c.freezing(before: day)
            } catch {
                report(error)
                throw Exit.badInput
            }
        }
        let printer = ProgressPrinter(limit: solverOptions.options.timeLimit)
        var options = solverOptions.options
        if let limit = options.timeLimit {
            // The limit covers the whole run: reading the case before, evaluating and writing after.
            let read = (ContinuousClock.now - started).inSeconds
            options.timeLimit = max(0, limit - read - Self.reserve(limit, personDays: c.staff.count * c.days.count))
        }
        let run = try solving(printer) {
            let export = exportModel.map { path in
                { (model: LinearModel) throws in
                    do {
                        try ModelFile.write(model, to: path, format: ModelFileFormat(path: path)!)
                    } catch {
                        log.error("cannot write the model: \(error)")
                        throw Exit.badInput
                    }
                }
            }
            return try CaseSolver(solver: GLPKSolver(), threads: threads).solve(
                c, options: options, progress: printer.report,
                exportModel: export)
        }
        let stopped = SearchStop.isRequested
        if stopped && run.roster == nil {
            log.warning("stopped before a roster was found; nothing was written, '\(out)' is as it was")
            throw Exit.noSolutionFound
        }
        do {
            // Explaining short rows may take a quarter of what is left of the limit, and give as many
            // rows of explanations.csv as half of it writes: each is written to explanations.csv,
            // report.html and roster.xlsx, and each file is flushed to disk: on the 2-core machine the
            // README's figures come from, the generated 1,000-staff case wrote 70,699 rows in 9.3 s (130
            // microseconds a row), so 150 are allowed.
            let now = ContinuousClock.now
            let left = solverOptions.options.timeLimit.map { (started + .seconds($0) - now).inSeconds }
            let outputs = run.outputs(
                for: c, explainUntil: left.map { now + .seconds(max(0, $0) / 4) },
                explainAtMost: left.map { Int(max(0, $0) / 2 / Self.secondsPerExplanationRow) })
            try outputs.write(to: outFolder, byteOrderMark: bom, threads: threads)
        } catch {
            log.error("cannot write the outputs into '\(out)' (it holds the earlier run, untouched): \(error)")
            throw Exit.badInput
        }
        print(Summary.text(run, c, folder: out))
        if let e = run.evaluation, let bound = run.bestBound {
            let gap = (e.objective - min(bound, e.objective)) / max(abs(e.objective), 1)
            if gap > 0.05 {
                let advice =
                    "the roster's objective is \(String(format: "%.1f%%", gap * 100)) above its best_bound: a "
                    + "better roster may exist, and a longer --time-limit may find it"
                log.warning("\(advice)")
            }
        }
        if stopped {
            log.warning("stopped on request: the best roster found so far is written (status \(run.status.rawValue))")
            throw Exit.noSolutionFound
        }
        switch run.status {
        case .optimal, .feasible: return
        case .infeasible: throw Exit.noSolutionExists
        case .timeLimitNoSolution: throw Exit.noSolutionFound
        }
    }
}

/// `roster validate CASE`: reads and checks a case without solving.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a case folder and list every error (file, line, column) without solving."
    )

    @Argument(help: "The case folder.")
    var caseFolder: String

    func run() throws {
        let c = try loadCase(caseFolder)
        let pins = PinCheck.issues(c)
        if !pins.isEmpty {
            report(CaseError(issues: pins))
            throw Exit.badInput
        }
        let model = Formulation.build(c).model
        print(
            "case OK: \(c.staff.count) staff, \(c.days.count) days (\(c.days.first?.iso ?? "") to \(c.days.last?.iso ?? "")), "
                + "\(c.shifts.count) shifts, \(c.localities.count) localities, \(c.demand.count) demand rows; "
                + "model \(model.columns.count) columns, \(model.rows.count) rows")
    }
}

/// `roster check CASE DIR`: the independent evaluator.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a roster (the tool's or a hand-made one) against a case without the solver.",
        discussion: """
            Reads DIR/roster.csv, and DIR/work_split.csv and the agency_shifts of DIR/coverage.csv when present; \
            lists every hard-rule violation and recomputes every cost and penalty. Exit 0 when no hard rule is broken.
            """
    )

    @Argument(help: "The case folder.")
    var caseFolder: String

    @Argument(help: "The folder holding roster.csv.")
    var rosterFolder: String

    @Option(
        help: ArgumentHelp(
            "Also write coverage, work split, allocation, sector summary and summary for the roster here.",
            discussion: "Only for a roster that keeps every hard rule."))
    var out: String?

    func validate() throws {
        if out?.isEmpty == true { throw ValidationError("--out must name a folder") }
    }

    func run() throws {
        let c = try loadCase(caseFolder)
        let roster = try readRoster(c, try openOutputFolder(rosterFolder))
        let e = Evaluator(c).evaluate(roster)
        for violation in e.violations { print("HARD \(violation)") }
        let p = e.penalties
        print(
            """
            shifts              \(roster.assignments.count)
            pay                 \(String(format: "%.2f", e.pay))
            agency_cost         \(String(format: "%.2f", e.agencyCost))
            total_cost          \(String(format: "%.2f", e.totalCost))
            penalty_unmet_hours \(String(format: "%.2f", p.unmetHours))
            penalty_under_staff \(String(format: "%.2f", p.underStaff))
            penalty_over_staff  \(String(format: "%.2f", p.overStaff))
            penalty_preference  \(String(format: "%.2f", p.preference))
            penalty_change      \(String(format: "%.2f", p.change))
            penalty_fairness    \(String(format: "%.2f", p.fairness))
            objective           \(String(format: "%.2f", e.objective))
            hard_violations     \(e.violations.count)
            """)
        if !e.violations.isEmpty {
            if out != nil { log.error("nothing written to --out: the roster breaks \(e.violations.count) hard rules") }
            throw ExitCode(5)
        }
        if let out {
            let outputs = Outputs(case: c, roster: roster, evaluation: e, status: .feasible, bestBound: nil, seconds: 0)
            do {
                try outputs.write(to: URL(fileURLWithPath: out))
            } catch {
                log.error("cannot write the outputs into '\(out)': \(error)")
                throw Exit.badInput
            }
            print("written: \(out)/ (coverage.csv, contract_allocation.csv, summary.csv, ...)")
        }
    }
}

/// The one-screen summary printed after a solve.
enum Summary {
    static func text(_ run: CaseRun, _ c: Case, folder: String) -> String {
        guard let e = run.evaluation else {
            return "status: \(run.status.rawValue) (\(String(format: "%.1f", run.seconds)) s)\n"
                + run.explanations.map { "  - \($0)" }.joined(separator: "\n") + "\nwritten: \(folder)/summary.csv"
        }
        let bound = run.bestBound.map { min($0, e.objective) }
        let gap = bound.map { (e.objective - $0) / max(abs(e.objective), 1) }
        var lines = [
            "status: \(run.status.rawValue)\(run.status == .optimal ? "" : " (not proven optimal)")  "
                + "objective \(String(format: "%.2f", e.objective))  bound \(bound.map { String(format: "%.2f", $0) } ?? "-")  "
                + "gap \(gap.map { String(format: "%.2f%%", $0 * 100) } ?? "-")  time \(String(format: "%.1f", run.seconds)) s",
            "shifts \(run.roster?.assignments.count ?? 0)  unmet hours \(String(format: "%.1f", e.unmetHours))  "
                + "agency hours \(String(format: "%.1f", e.agencyHours))  "
                + "red \(e.coverage.filter { $0.status == "red" }.count)  amber \(e.coverage.filter { $0.status == "amber" }.count)  "
                + "green \(e.coverage.filter { $0.status == "green" }.count)",
            "model \(run.columns) columns, \(run.rows) rows; first roster after "
                + (run.firstRosterSeconds.map { String(format: "%.1f s", $0) } ?? "-")
                + (bound == nil ? "" : "; bound from " + (run.boundSource?.rawValue ?? "-")),
            "sector            cost         budget       variance",
        ]
        for row in e.sectors {
            lines.append(
                row.sectorID.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: "%12.2f", row.totalCost)
                    + (row.budget.map { String(format: " %12.2f", $0) } ?? "            -")
                    + (row.variance.map { String(format: " %12.2f", $0) } ?? "            -"))
        }
        lines.append("written: \(folder)/ (report.html, roster.xlsx, roster.csv, coverage.csv, explanations.csv, ...)")
        return lines.joined(separator: "\n")
    }
}
