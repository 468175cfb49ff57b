import ArgumentParser
import Foundation
import GLPKSolver
import LinearModel
import Rostering
import Workforce

/// `roster plan CASE --out DIR`: the strategic workforce plan for commissioners.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Plan the workforce a case's demand needs: hours and FTE of each role at each locality, at least cost.",
        discussion: """
            A linear program without named staff (docs/workforce-plan.md): the care hours each role based at \
            each locality gives, within max_travel_minutes of its base, to meet demand.csv's hours and \
            min_staff over the horizon, paying for travel, leave and sickness, within each sector's budget, \
            with agency cover and unmet hours at the case's costs. A role is based where its staff live today \
            (anywhere when it has none) unless --any-base is given.

            Writes workforce_plan.csv (hours, FTE and cost of each role at each base), workforce_gap.csv \
            (current against planned FTE), plan_care.csv (where each team's care goes), plan_cover.csv \
            (demand against cover) and plan_summary.csv into the output folder, all together. Exit 0 with a \
            plan; 2 when none exists (a sector's budget below zero); 3 when the time limit came first.
            """
    )

    @Argument(help: "The case folder (staff.csv, shifts.csv, demand.csv, ...).")
    var caseFolder: String

    @Option(name: .long, help: "The output folder (created if missing).")
    var out: String

    // `.unconditional`: a negative value reaches validate() and its message, not "missing value".
    @Option(
        name: .long, parsing: .unconditional,
        help: "The fraction of contracted time lost to leave and sickness (0 to 0.9).")
    var headroom = PlanSettings().headroom

    @Option(
        name: .long, parsing: .unconditional, help: "Weekly hours of one full-time post (more than 0, at most 168).")
    var fteHours = PlanSettings().fteHours

    @Option(
        name: .long, parsing: .unconditional,
        help: "The largest share of planned paid hours given by generic roles (0 to 1; default: no cap).")
    var maxGenericShare: Double?

    @Flag(name: .long, help: "Let every role be based at every locality, not only where its staff live today.")
    var anyBase = false

    @Option(
        name: .long, parsing: .unconditional,
        help: "Stop the solver after this many seconds (more than 0, at most 1e7).")
    var timeLimit: Double?

    var settings: PlanSettings {
        PlanSettings(headroom: headroom, fteHours: fteHours, maxGenericShare: maxGenericShare, anyBase: anyBase)
    }

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name the output folder; it is empty") }
        do {
            try settings.validate()
        } catch let error as PlanSettingsError {
            throw ValidationError("--\(error)")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= SolverOptions.longestTimeLimit) {
            throw ValidationError(
                "--time-limit must be a number of seconds greater than 0 and at most 1e7 (115 days), "
                    + "not '\(timeLimit)'")
        }
    }

    func run() throws {
        let outFolder = try repairOutputFolder(out)
        let c = try loadCase(caseFolder)
        let plan = try solving(ProgressPrinter(label: "objective")) {
            try WorkforcePlanner(solver: GLPKSolver()).plan(
                c, settings: settings, options: SolveOptions(timeLimit: timeLimit))
        }
        if plan.staffWithoutRole > 0 {
            log.warning("\(plan.staffWithoutRole) staff have no role of roles.csv: they count in no current FTE")
        }
        do {
            try PlanOutputs(plan).write(to: outFolder)
        } catch {
            log.error("cannot write the outputs into '\(out)' (it holds the earlier run, untouched): \(error)")
            throw Exit.badInput
        }
        print(PlanSummary.text(plan, folder: out))
        switch plan.status {
        case .optimal, .feasible: return
        case .infeasible: throw Exit.noSolutionExists
        case .timeLimitNoSolution: throw Exit.noSolutionFound
        }
    }
}

/// The one-screen summary printed after a plan.
enum PlanSummary {
    /// How many of the largest shortfalls are named.
    static let shortfallsShown = 5

    static func text(_ plan: WorkforcePlan, folder: String) -> String {
        func money(_ value: Double) -> String { String(format: "%.2f", value) }
        func fte(_ value: Double) -> String { String(format: "%.2f", value) }
        let time = String(format: "%.3f", plan.seconds)
        guard let objective = plan.objective else {
            return "status: \(plan.status.rawValue) (\(time) s)\n"
                + plan.explanations.map { "  - \($0)\n" }.joined() + "written: \(folder)/plan_summary.csv"
        }
        var lines = [
            "status: \(plan.status.rawValue)  objective \(money(objective))  time \(time) s  "
                + "(\(plan.columns) columns, \(plan.rows) rows)",
            "cost \(money(plan.totalCost)) (pay \(money(plan.payCost)), travel \(money(plan.fares)), "
                + "agency \(money(plan.agencyCost)))  unmet hours \(String(format: "%.1f", plan.unmetHours))  "
                + "short staffed hours \(String(format: "%.1f", plan.shortHours))",
            "role                 planned FTE  current FTE",
        ]
        var roles: [String] = []
        var planned: [String: Double] = [:]
        var current: [String: Double] = [:]
        for gap in plan.gaps {
            if planned[gap.roleID] == nil { roles.append(gap.roleID) }
            planned[gap.roleID, default: 0] += gap.plannedFTE
            current[gap.roleID, default: 0] += gap.currentFTE
        }
        for role in roles {
            lines.append(
                role.padding(toLength: 20, withPad: " ", startingAt: 0)
                    + String(format: " %11.2f  %11.2f", planned[role] ?? 0, current[role] ?? 0))
        }
        lines.append(
            "total".padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(format: " %11.2f  %11.2f", plan.plannedFTE, plan.currentFTE))
        let shortfalls = plan.gaps.filter { $0.surplusFTE < -0.005 }.sorted { $0.surplusFTE < $1.surplusFTE }
        if !shortfalls.isEmpty {
            lines.append(
                "largest shortfalls (FTE): "
                    + shortfalls.prefix(shortfallsShown).map { "\($0.roleID)@\($0.localityID) \(fte($0.surplusFTE))" }
                    .joined(separator: ", "))
        }
        for sector in plan.sectors {
            lines.append(
                "sector \(sector.sectorID): \(money(sector.cost))"
                    + (sector.budget.map { " of budget \(money($0))" } ?? ""))
        }
        lines.append("written: \(folder)/ (workforce_plan.csv, workforce_gap.csv, plan_care.csv, plan_cover.csv, ...)")
        return lines.joined(separator: "\n")
    }
}
