import Foundation
import LinearModel
import Workforce

/// The outcome of rostering a case.
public struct CaseRun: Sendable {
    public var status: RunStatus
    public var roster: Roster?
    public var evaluation: Evaluation?
    /// Best bound on the objective, when known.
    public var bestBound: Double?
    /// Where the best bound came from, when there is one.
    public var boundSource: BoundSource?
    public var seconds: Double
    /// Why there is no roster (people, dates and rules in conflict).
    public var explanations: [String]
    public var columns: Int
    public var rows: Int
    /// Seconds until the first roster was ready, `nil` without one.
    public var firstRosterSeconds: Double?

    /// The output files of the run; red and amber rows are explained until `explainUntil`, trying at most
    /// `explainAtMost` people (see ``Outputs``).
    public func outputs(
        for c: Case, explainUntil: ContinuousClock.Instant? = nil, explainAtMost: Int? = nil
    ) -> Outputs {
        if let roster, let evaluation {
            return Outputs(
                case: c, roster: roster, evaluation: evaluation, status: status, bestBound: bestBound,
                boundSource: boundSource?.rawValue, seconds: seconds, explainUntil: explainUntil,
                explainAtMost: explainAtMost)
        }
        return Outputs(noRoster: status, explanations: explanations, seconds: seconds)
    }
}

/// Rosters a case end to end: pins checked, a first roster built person by person (which also
/// proves which people, if any, have no schedule, and takes up to 90% of a time limit if it must),
/// the baseline offered when re-rostering, then the search of a ``SearchPlan``: steps such as column
/// generation (``ColumnGeneration``), improving person by person, re-solving parts of the roster
/// (``NeighbourhoodSearch``) and the whole model, each until its share of the time limit
/// (``SearchPlan/standard(exactSearchLimit:)`` gives the shares). The run stops as soon as the best
/// roster is proven optimal; the best roster found is evaluated. Evaluating a roster (its care split
/// and agency shifts) gets at most 5% of the limit.
public struct CaseSolver {
    public let solver: any Solver
    /// Most candidate shifts for which the whole model is built and searched. Above it GLPK's presolve
    /// and first linear program alone can outlast a minute (a 41,000-column, 213,000-row model took
    /// longer), and parts of the roster are re-solved in models of their own instead.
    public var compactModelLimit = 20_000
    /// Most candidate shifts for which person by person also searches each schedule exactly
    /// (``ExactSearch``): above it, one exact pass takes most of a run.
    public var exactSearchLimit = 60_000
    /// Threads for pricing people concurrently.
    public var threads: Int
    /// The search after the first roster; `nil`: ``SearchPlan/standard(exactSearchLimit:)``.
    var plan: SearchPlan?

    /// The longest time the phases' deadlines are set from, in seconds (about 31 years): a longer
    /// time limit is no limit in practice, and its deadlines would overflow the clock's arithmetic.
    static let longestDeadline: Double = 1e9

    public init(solver: any Solver, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.solver = solver
        self.threads = max(1, threads)
    }

    /// - Parameter exportModel: called with the whole model (built for it whatever the case's size).
    /// - Throws: ``OptionsError`` for a time limit, gap or progress interval out of range;
    ///   ``CaseError`` when a pin breaks a hard rule; the solver's errors when the call fails;
    ///   whatever `exportModel` throws.
    public func solve(
        _ c: Case, options: SolveOptions, progress: ((SolveProgress) -> ProgressAction)? = nil,
        exportModel: ((LinearModel) throws -> Void)? = nil
    ) throws -> CaseRun {
        try options.validate()
        let pinIssues = PinCheck.issues(c)
        if !pinIssues.isEmpty { throw CaseError(issues: pinIssues) }
        let started = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - started).inSeconds }
        _ = progress?(
            SolveProgress(
                elapsed: 0, incumbent: nil, bestBound: nil, nodes: 0, newIncumbent: false, phase: "first roster"))
        let index = CaseIndex(Candidates(c))
        let built =
            exportModel != nil || index.candidates.all.count <= compactModelLimit ? Formulation.build(index) : nil
        if let exportModel, let built { try exportModel(built.model) }
        var run = CaseRun(
            status: .infeasible, seconds: 0, explanations: [], columns: built?.model.columns.count ?? 0,
            rows: built?.model.rows.count ?? 0)

        let people = FirstRoster(index, threads: threads)
        let choices: [[Int?]]
        switch people.build(deadline: Self.instant(0.9, of: options.timeLimit, after: started)) {
        case .noSchedule(let missing):
            run.explanations = Explanation(c).explain(people: missing)
            run.seconds = elapsed()
            return run
        case .undecided(let missing):
            run.status = .timeLimitNoSolution
            run.explanations = [
                "the schedules of " + missing.prefix(8).map { c.staff[$0].id }.joined(separator: ", ")
                    + (missing.count > 8 ? " and \(missing.count - 8) more" : "")
                    + " could not be settled within the time limit; try a longer --time-limit"
            ]
            run.seconds = elapsed()
            return run
        case .roster(let found): choices = found
        }
        let generation = try ColumnGeneration(
            index, rules: people.rules, first: choices, solver: solver, threads: threads)
        // Unused schedules rest only in a case without the whole model, whose rounds are its bound and
        // its dives' schedules (instance 13 at 300 s: 3158 → 2525). With the whole model, faster rounds
        // turn the dive-pace rule (``SettleMaster``) towards dives where re-solving parts does better
        // (at 60 s, the sample case 148,043 → 149,900 and 150,224; instance 16 3225 → 3326).
        if built == nil { generation.restAfter = ColumnGeneration.restingRounds }
        var state = SearchState(
            index: index, people: people, generation: generation, built: built, solver: solver, threads: threads,
            options: options, started: started, progress: progress, best: (choices, .infinity, []),
            masterSettled: generation.converged)
        guard let first = try generation.evaluate(choices, solver: solver, timeLimit: state.evaluationLimit()) else {
            return noCompletion(&run, elapsed())
        }
        run.firstRosterSeconds = elapsed()
        state.best = (choices, first.objective, first.values)
        state.report("first roster")
        // Re-rostering: the baseline (each person's part of it that keeps their rules) is a candidate,
        // so an unchanged case keeps its roster unless a better one is found.
        if let baseline = c.baseline {
            try state.consider(
                people.choices(of: baseline).enumerated().map { $1 ?? state.best.choices[$0] }, "baseline")
        }
        try (plan ?? SearchPlan.standard(exactSearchLimit: exactSearchLimit)).run(&state)
        state.clampBound()
        run.bestBound = state.bound
        run.boundSource = state.boundSource
        let best = state.best
        if let built, let whole = state.whole, whole.objective <= best.objective + 1e-9 * max(1, abs(best.objective)) {
            let status = whole.optimal ? .optimal : Self.status(whole.objective, state.bound)
            return finish(&run, built.roster(from: whole.values), c, status, elapsed())
        }
        return finish(
            &run, generation.master.roster(best.choices, values: best.values), c,
            Self.status(best.objective, state.bound), elapsed())
    }

    /// The instant `fraction` of `limit` seconds after `started`; `nil` without a limit.
    static func instant(
        _ fraction: Double, of limit: Double?, after started: ContinuousClock.Instant
    ) -> ContinuousClock.Instant? {
        limit.map { started.advanced(by: .seconds(fraction * min($0, longestDeadline))) }
    }

    /// Optimal when the bound meets the objective (within 1e-6 of it), else feasible.
    static func status(_ objective: Double, _ bound: Double?) -> RunStatus {
        guard let bound else { return .feasible }
        return objective - bound <= 1e-6 * max(1, abs(objective)) ? .optimal : .feasible
    }

    private func finish(
        _ run: inout CaseRun, _ roster: Roster, _ c: Case, _ status: RunStatus, _ elapsed: Double
    ) -> CaseRun {
        run.roster = roster
        run.evaluation = Evaluator(c).evaluate(roster)
        run.status = status
        run.seconds = elapsed
        return run
    }

    /// The first roster keeps every hard rule, so completing it can only fail for lack of time.
    private func noCompletion(_ run: inout CaseRun, _ elapsed: Double) -> CaseRun {
        run.status = .timeLimitNoSolution
        run.explanations = [
            "a roster was found, but its care split and agency shifts could not be completed within the "
                + "time limit; try a longer --time-limit"
        ]
        run.seconds = elapsed
        return run
    }
}

/// Where a run's best bound came from (summary.csv's `bound_source`).
public enum BoundSource: String, Sendable {
    /// The Lagrangian bound of column generation's master, every person priced exactly.
    case columnGeneration = "column_generation"
    /// GLPK on the whole model: its branch-and-cut, or its linear relaxation (``WholeRelaxation``).
    case wholeModel = "whole_model"
}
