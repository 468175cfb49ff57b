import LinearModel
import Workforce

/// The outcome of rostering a case.
public struct CaseRun: Sendable {
    public var status: RunStatus
    public var roster: Roster?
    public var evaluation: Evaluation?
    /// Best bound on the objective, when known.
    public var bestBound: Double?
    public var seconds: Double
    /// Why there is no roster (people, dates and rules in conflict).
    public var explanations: [String]
    public var columns: Int
    public var rows: Int
    /// Seconds until the first roster (greedy and its completion) was ready, `nil` without one.
    public var firstRosterSeconds: Double?

    /// The output files of the run.
    public func outputs(for c: Case) -> Outputs {
        if let roster, let evaluation {
            return Outputs(case: c, roster: roster, evaluation: evaluation, status: status, bestBound: bestBound, seconds: seconds)
        }
        return Outputs(noRoster: status, explanations: explanations, seconds: seconds)
    }
}

/// Rosters a case end to end: pins checked, model built, solved, roster read back and evaluated,
/// and, when no roster exists, the conflict explained.
public struct CaseSolver {
    public let solver: any Solver

    public init(solver: any Solver) { self.solver = solver }

    /// - Parameter modelReady: called with the model once it is built, before solving (e.g. to export it).
    /// - Throws: ``CaseError`` when a pin breaks a hard rule; the solver's errors when the call fails;
    ///   whatever `modelReady` throws.
    public func solve(_ c: Case, options: SolveOptions, progress: ((SolveProgress) -> ProgressAction)? = nil,
                      modelReady: (LinearModel) throws -> Void = { _ in }) throws -> CaseRun {
        let pinIssues = PinCheck.issues(c)
        if !pinIssues.isEmpty { throw CaseError(issues: pinIssues) }
        let clock = ContinuousClock(), started = clock.now
        let deadline = options.timeLimit.map { started.advanced(by: .milliseconds(Int64($0 * 1000))) }
        func secondsSince(_ instant: ContinuousClock.Instant) -> Double {
            let spent = clock.now - instant
            return Double(spent.components.seconds) + Double(spent.components.attoseconds) * 1e-18
        }
        let built = Formulation.build(c)
        try modelReady(built.model)
        var options = options
        var firstRoster: Double?
        // Progress is reported from the start of the run, whatever phase it is in.
        let progress = progress.map { report in { (step: SolveProgress) -> ProgressAction in
            var step = step
            step.elapsed = secondsSince(started)
            return report(step)
        } }
        if options.startingSolution == nil {
            let greedy = StartingRoster.greedy(built)
            if let start = try StartingRoster.values(built, choice: greedy, solver: solver,
                                                     timeLimit: options.timeLimit.map { $0 / 4 }) {
                firstRoster = secondsSince(started)
                // 70% of what is left goes to re-solving parts of the roster, the rest to the whole
                // model (which proves the bound and may improve the roster further).
                let share = options.timeLimit.map { limit -> ContinuousClock.Instant in
                    let now = secondsSince(started)
                    return started.advanced(by: .milliseconds(Int64((now + 0.7 * max(0, limit - now)) * 1000)))
                }
                options.startingSolution = try NeighbourhoodSearch(solver: solver).improve(
                    built, start: start, deadline: share.map { min($0, deadline!) }, progress: progress)
            }
        }
        if let limit = options.timeLimit { options.timeLimit = max(0, limit - secondsSince(started)) }
        var result = try solver.solve(built.model, options: options, progress: progress, log: nil)
        if result.values == nil, let start = options.startingSolution, result.status == .noSolution || result.status == .stopped {
            // The whole model found nothing better in time: the improved start stands.
            result.values = start
            result.objective = built.model.objectiveValue(start)
            result.status = .feasible
        }
        result.elapsed = secondsSince(started)
        var run = CaseRun(status: .infeasible, seconds: result.elapsed, explanations: [],
                          columns: built.model.columns.count, rows: built.model.rows.count, firstRosterSeconds: firstRoster)
        if let values = result.values {
            let roster = built.roster(from: values)
            run.roster = roster
            run.evaluation = Evaluator(c).evaluate(roster)
            run.status = result.status == .optimal ? .optimal : .feasible
            run.bestBound = result.bestBound
            return run
        }
        switch result.status {
        case .infeasible, .unbounded:
            run.status = .infeasible
            run.explanations = try Explanation(solver: solver).explain(c)
        default:
            run.status = .timeLimitNoSolution
            run.explanations = ["no roster was found within the time limit of \(options.timeLimit.map { "\($0) s" } ?? "the solve"); "
                + "try a longer --time-limit (the model has \(run.columns) columns and \(run.rows) rows)"]
        }
        return run
    }
}

/// Pins that break a hard rule by themselves are input errors naming the pinned.csv line and the rule.
public enum PinCheck {
    /// Rules that more shifts cannot repair; a pin-only roster breaking one of them can never be kept.
    static let rules: Set<String> = ["one_shift_per_date", "unavailable", "locality", "rest", "forbidden_sequence",
                                     "max_consecutive_days", "max_weekends", "shift_limit", "max_hours"]

    public static func issues(_ c: Case) -> [CaseIssue] {
        var issues: [CaseIssue] = []
        let candidates = Candidates(c)
        var pinned: [Assignment] = []
        for pin in c.pins {
            guard let shift = pin.shiftID, let p = candidates.staffIndex[pin.staffID], let d = candidates.dayIndex[pin.day] else { continue }
            let person = c.staff[p]
            if candidates.byPersonDay[p][d].isEmpty {
                let reason = c.shiftLimits[Pair(person.id, shift)] == 0 ? "shift_limit (\(shift) has a limit of 0)"
                    : c.availability.contains { $0.staffID == person.id && $0.day == pin.day && $0.kind == .unavailable
                        && ($0.shiftID == nil || $0.shiftID == shift) } ? "unavailable (availability.csv)"
                    : "locality (\(pin.localityID ?? "no allowed locality") is not one of \(person.id)'s localities)"
                issues.append(CaseIssue(file: "pinned.csv", line: pin.line, "the pin of \(person.id) on \(pin.day) to \(shift) breaks the rule \(reason)"))
                continue
            }
            let first = candidates.all[candidates.byPersonDay[p][d][0]]
            pinned.append(Assignment(staffID: person.id, day: pin.day, shiftID: shift, localityID: c.localities[first.locality].id))
        }
        guard issues.isEmpty else { return issues }
        let lines = Dictionary(c.pins.map { ("\($0.staffID)|\($0.day.iso)", $0.line) }, uniquingKeysWith: { a, _ in a })
        for violation in Evaluator(c).evaluate(Roster(assignments: pinned)).violations where rules.contains(violation.rule) {
            let line = violation.day.flatMap { lines["\(violation.staffID ?? "")|\($0.iso)"] }
                ?? c.pins.first { $0.staffID == violation.staffID }?.line
            issues.append(CaseIssue(file: "pinned.csv", line: line,
                                    "pins of \(violation.staffID ?? "") break the rule \(violation.rule): \(violation.message)"))
        }
        return issues
    }
}
