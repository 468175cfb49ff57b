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

/// Rosters a case end to end: pins checked, a first roster built person by person (which also
/// proves which people, if any, have no schedule), improved, and evaluated.
///
/// Cases whose model is small enough (``compactModelLimit`` candidate shifts) are improved with the
/// model as well: parts of the roster re-solved (``NeighbourhoodSearch``) for 70% of the time left
/// after the first roster, then the whole model, offered the roster as its start, for the rest.
/// Larger cases keep improving person by person until the time limit.
public struct CaseSolver {
    public let solver: any Solver
    /// Most candidate shifts for which the whole model is built and searched.
    public var compactModelLimit = 60_000

    public init(solver: any Solver) { self.solver = solver }

    /// - Parameter exportModel: called with the whole model (built for it whatever the case's size).
    /// - Throws: ``CaseError`` when a pin breaks a hard rule; the solver's errors when the call fails;
    ///   whatever `exportModel` throws.
    public func solve(_ c: Case, options: SolveOptions, progress: ((SolveProgress) -> ProgressAction)? = nil,
                      exportModel: ((LinearModel) throws -> Void)? = nil) throws -> CaseRun {
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
        func timeLeft() -> Double? { options.timeLimit.map { max(0, $0 - secondsSince(started)) } }
        // Progress is reported from the start of the run, with the phase it is in.
        func reporter(_ phase: String) -> ((SolveProgress) -> ProgressAction)? {
            progress.map { report in { (step: SolveProgress) -> ProgressAction in
                var step = step
                step.elapsed = secondsSince(started)
                step.phase = step.phase ?? phase
                return report(step)
            } }
        }
        _ = reporter("first roster")?(SolveProgress(elapsed: 0, incumbent: nil, bestBound: nil, nodes: 0, newIncumbent: false))
        let index = CaseIndex(Candidates(c))
        let built = exportModel != nil || index.candidates.all.count <= compactModelLimit ? Formulation.build(index) : nil
        if let exportModel, let built { try exportModel(built.model) }
        var run = CaseRun(status: .infeasible, seconds: 0, explanations: [], columns: built?.model.columns.count ?? 0,
                          rows: built?.model.rows.count ?? 0)
        func finish(_ roster: Roster, _ status: RunStatus, bound: Double?) -> CaseRun {
            run.roster = roster
            run.evaluation = Evaluator(c).evaluate(roster)
            run.status = status
            run.bestBound = bound
            run.seconds = secondsSince(started)
            return run
        }

        let first = FirstRoster(index).build(deadline: built == nil ? instant(after: 0.95) : instant(after: 0.25)) { pass, value in
            if pass == 0 { run.firstRosterSeconds = secondsSince(started) }
            _ = reporter(pass == 0 ? "first roster" : "improving person by person")?(
                SolveProgress(elapsed: 0, incumbent: value, bestBound: nil, nodes: 0, newIncumbent: true))
        }
        let worked: Set<Int>
        switch first {
        case .noSchedule(let people):
            run.explanations = Explanation(c).explain(people: people)
            run.seconds = secondsSince(started)
            return run
        case .undecided(let people):
            run.status = .timeLimitNoSolution
            run.explanations = ["the schedules of " + people.prefix(8).map { c.staff[$0].id }.joined(separator: ", ")
                + (people.count > 8 ? " and \(people.count - 8) more" : "")
                + " could not be settled within the time limit; try a longer --time-limit"]
            run.seconds = secondsSince(started)
            return run
        case .roster(let roster): worked = roster
        }
        guard let built else {
            guard let roster = try RosterCompletion.roster(index, worked: worked, solver: solver, timeLimit: timeLeft()) else {
                return noCompletion(&run, secondsSince(started))
            }
            return finish(roster, .feasible, bound: nil)
        }
        guard let start = try RosterCompletion.values(built, worked: worked, solver: solver, timeLimit: timeLeft()) else {
            return noCompletion(&run, secondsSince(started))
        }
        var options = options
        options.startingSolution = try NeighbourhoodSearch(solver: solver).improve(
            built, start: start, deadline: instant(after: 0.7), progress: reporter("re-solving parts"))
        // GLPK checks its time limit only now and then: a margin keeps the run within its limit.
        options.timeLimit = timeLeft().map { max(0, $0 - 0.2 - 0.02 * (options.timeLimit ?? 0)) }
        var result = try solver.solve(built.model, options: options, progress: reporter("whole model"), log: nil)
        let improved = options.startingSolution!, known = built.model.objectiveValue(improved)
        if result.values == nil || (result.objective ?? .infinity) > known {
            // The whole model found nothing better in time (or wrongly concluded there is no roster,
            // which a known roster disproves): the roster found so far stands.
            result.values = improved
            result.status = .feasible
            if let bound = result.bestBound, bound > known { result.bestBound = nil }
        }
        return finish(built.roster(from: result.values!), result.status == .optimal ? .optimal : .feasible,
                      bound: result.bestBound)
    }

    /// The first roster keeps every hard rule, so completing it can only fail for lack of time.
    private func noCompletion(_ run: inout CaseRun, _ elapsed: Double) -> CaseRun {
        run.status = .timeLimitNoSolution
        run.explanations = ["a roster was found, but its care split and agency shifts could not be completed within the "
            + "time limit; try a longer --time-limit"]
        run.seconds = elapsed
        return run
    }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
