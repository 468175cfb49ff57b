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
    /// Seconds until the first roster was ready, `nil` without one.
    public var firstRosterSeconds: Double?

    /// The output files of the run.
    public func outputs(for c: Case) -> Outputs {
        if let roster, let evaluation {
            return Outputs(case: c, roster: roster, evaluation: evaluation, status: status, bestBound: bestBound, seconds: seconds)
        }
        return Outputs(noRoster: status, explanations: explanations, seconds: seconds)
    }
}

/// Rosters a case end to end: pins checked, model built, a first roster built person by person
/// (which also proves which people, if any, have no schedule), improved, roster read back and
/// evaluated.
///
/// Time: with a time limit, the first roster's improvement passes take at most a quarter of it,
/// re-solving parts of the roster (``NeighbourhoodSearch``) 70% of what is left, and the whole
/// model, offered the roster as its start, the rest.
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
        func secondsSince(_ instant: ContinuousClock.Instant) -> Double { seconds(clock.now - instant) }
        func instant(after share: Double) -> ContinuousClock.Instant? {
            options.timeLimit.map { limit in
                let now = secondsSince(started)
                return started.advanced(by: .seconds(now + share * max(0, limit - now)))
            }
        }
        let built = Formulation.build(c)
        try modelReady(built.model)
        var run = CaseRun(status: .infeasible, seconds: 0, explanations: [], columns: built.model.columns.count,
                          rows: built.model.rows.count)
        // Progress is reported from the start of the run, whatever phase it is in.
        let progress = progress.map { report in { (step: SolveProgress) -> ProgressAction in
            var step = step
            step.elapsed = secondsSince(started)
            return report(step)
        } }
        let timeLimit = options.timeLimit
        var options = options
        if options.startingSolution == nil {
            switch FirstRoster(built).build(deadline: instant(after: 0.25)) {
            case .noSchedule(let people):
                run.explanations = Explanation(c).explain(people: people)
                run.seconds = secondsSince(started)
                return run
            case .undecided(let people):
                run.explanations = ["the schedules of " + people.prefix(8).map { c.staff[$0].id }.joined(separator: ", ")
                    + (people.count > 8 ? " and \(people.count - 8) more" : "") + " could not be settled in time"]
            case .roster(let worked):
                let left = options.timeLimit.map { $0 - secondsSince(started) }
                if let start = try RosterCompletion.values(built, worked: worked, solver: solver, timeLimit: left) {
                    run.firstRosterSeconds = secondsSince(started)
                    _ = progress?(SolveProgress(elapsed: 0, incumbent: built.model.objectiveValue(start), bestBound: nil,
                                                nodes: 0, newIncumbent: true))
                    options.startingSolution = try NeighbourhoodSearch(solver: solver).improve(
                        built, start: start, deadline: instant(after: 0.7), progress: progress)
                }
            }
        }
        if let limit = options.timeLimit { options.timeLimit = max(0, limit - secondsSince(started)) }
        var result = try solver.solve(built.model, options: options, progress: progress, log: nil)
        if let start = options.startingSolution {
            let known = built.model.objectiveValue(start)
            if result.values == nil || (result.objective ?? .infinity) > known {
                // The whole model found nothing better in time (or wrongly concluded there is no
                // roster, which a known roster disproves): the roster found so far stands.
                result.values = start
                result.objective = known
                result.status = .feasible
                if let bound = result.bestBound, bound > known { result.bestBound = nil }
            }
        }
        run.seconds = secondsSince(started)
        if let values = result.values {
            let roster = built.roster(from: values)
            run.roster = roster
            run.evaluation = Evaluator(c).evaluate(roster)
            run.status = result.status == .optimal ? .optimal : .feasible
            run.bestBound = result.bestBound
            run.explanations = []
            return run
        }
        run.status = .timeLimitNoSolution
        run.explanations.append("no roster was found within the time limit of \(timeLimit.map { "\($0) s" } ?? "the solve"); "
            + "try a longer --time-limit (the model has \(run.columns) columns and \(run.rows) rows)")
        return run
    }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
