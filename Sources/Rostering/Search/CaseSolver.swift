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

    /// The output files of the run; red and amber rows are explained until `explainUntil` (see ``Outputs``).
    public func outputs(for c: Case, explainUntil: ContinuousClock.Instant? = nil) -> Outputs {
        if let roster, let evaluation {
            return Outputs(
                case: c, roster: roster, evaluation: evaluation, status: status, bestBound: bestBound,
                boundSource: boundSource?.rawValue, seconds: seconds, explainUntil: explainUntil)
        }
        return Outputs(noRoster: status, explanations: explanations, seconds: seconds)
    }
}

/// Rosters a case end to end: pins checked, a first roster built person by person (which also
/// proves which people, if any, have no schedule), then column generation (``ColumnGeneration``),
/// then re-solving parts of the roster (``NeighbourhoodSearch``) and, for cases whose whole model is
/// small enough, the whole model; the best roster found is evaluated.
///
/// With a time limit, phases end at shares of it: the first roster by 90% (it takes what it needs);
/// column generation's linear program by 25% (35% for cases without a whole model), its dives by
/// 55%, its integer master by 65%; improving person by person by 75% (40% when the master did not
/// settle, 97% without a whole model); then re-solving parts by 90% (70% when the master did not
/// settle, when the whole model is the only source of a bound; 97% without a whole model, each part
/// then in a small model of its own) and the whole model, offered the best roster as its start, to the end.
/// A phase that finishes early leaves its time to the next; the run stops as soon as the best roster
/// is proven optimal; column generation is skipped when its first round shows it cannot settle in its
/// share, and dives only from a settled master. Evaluating a roster (its care split and agency
/// shifts) gets at most 5% of the limit.
public struct CaseSolver {
    public let solver: any Solver
    /// Most candidate shifts for which the whole model is built and searched. Above it GLPK's presolve
    /// and first linear program alone can outlast a minute (a 41,000-column, 213,000-row model took
    /// longer), and parts of the roster are re-solved in models of their own instead.
    public var compactModelLimit = 20_000
    /// Most candidate shifts for which parts of a roster are re-solved in models of their own: above
    /// it building one part's model outlasts the run's limit (by up to 37 s in a 60 s run).
    public var partsSearchLimit = 60_000
    /// Threads for pricing people concurrently.
    public var threads: Int

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
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { (clock.now - started).inSeconds }
        func share(_ fraction: Double) -> ContinuousClock.Instant? {
            options.timeLimit.map { started.advanced(by: .seconds(fraction * min($0, Self.longestDeadline))) }
        }
        func left(until deadline: ContinuousClock.Instant?) -> Double? {
            deadline.map { max(0, ($0 - clock.now).inSeconds) }
        }
        // Evaluating a roster (its care split and agency shifts) gets at most a twentieth of the limit.
        func evaluationLimit() -> Double? {
            options.timeLimit.map { min(left(until: share(1)) ?? 0, max(1, 0.05 * $0)) }
        }
        func report(_ phase: String, _ objective: Double?, _ bound: Double?) {
            _ = progress?(
                SolveProgress(
                    elapsed: elapsed(), incumbent: objective, bestBound: bound, nodes: 0,
                    newIncumbent: objective != nil, phase: phase))
        }
        func reporter(_ phase: String) -> ((SolveProgress) -> ProgressAction)? {
            progress.map { report in
                { (step: SolveProgress) -> ProgressAction in
                    var step = step
                    step.elapsed = elapsed()
                    step.phase = step.phase ?? phase
                    return report(step) == .stop || SearchStop.isRequested ? .stop : .proceed
                }
            }
        }
        report("first roster", nil, nil)
        let index = CaseIndex(Candidates(c))
        let built =
            exportModel != nil || index.candidates.all.count <= compactModelLimit ? Formulation.build(index) : nil
        if let exportModel, let built { try exportModel(built.model) }
        var run = CaseRun(
            status: .infeasible, seconds: 0, explanations: [], columns: built?.model.columns.count ?? 0,
            rows: built?.model.rows.count ?? 0)

        let people = FirstRoster(index, threads: threads)
        let choices: [[Int?]]
        switch people.build(deadline: share(0.9)) {
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
        guard let first = try generation.evaluate(choices, solver: solver, timeLimit: evaluationLimit()) else {
            return noCompletion(&run, elapsed())
        }
        run.firstRosterSeconds = elapsed()
        var best = (choices: choices, objective: first.objective, values: first.values)
        report("first roster", best.objective, nil)
        func consider(_ choices: [[Int?]]?, _ phase: String) throws {
            guard let choices, choices != best.choices,
                let found = try generation.evaluate(choices, solver: solver, timeLimit: evaluationLimit())
            else { return }
            if found.objective < best.objective - 1e-9 * max(1, abs(best.objective)) {
                best = (choices, found.objective, found.values)
            }
            report(phase, best.objective, run.bestBound)
        }
        // Re-rostering: the baseline (each person's part of it that keeps their rules) is a candidate,
        // so an unchanged case keeps its roster unless a better one is found.
        if let baseline = c.baseline {
            try consider(people.choices(of: baseline).enumerated().map { $1 ?? best.choices[$0] }, "baseline")
        }
        // Each phase runs only while the best roster is not proven optimal.
        func open(until fraction: Double) -> Bool {
            let proven = run.bestBound.map { status(best.objective, $0) == .optimal } ?? false
            return !proven && !SearchStop.reached(share(fraction))
        }
        // Column generation pays only when its master settles: the rounds stop as soon as the bound,
        // at its recent rate, cannot meet the master's value in the share left (``SettlingForecast``),
        // and the time goes to the next phases. With the whole model to fall back on, the linear
        // program gets a quarter of the time.
        let settled = share(built == nil ? 0.35 : 0.25)
        var forecast = SettlingForecast()
        try generation.settle(deadline: settled) { value, bound in
            // Every term of the objective is non-negative (the reader rejects negative costs and weights).
            run.bestBound = bound.isFinite ? max(0, bound) : nil
            run.boundSource = bound.isFinite ? .columnGeneration : nil
            report("column generation", best.objective, run.bestBound)
            return forecast.canSettle(seconds: elapsed(), value: value, bound: bound, secondsLeft: left(until: settled))
        }
        // (Diving's own rounds price only some people, so `converged` is read once, here.)
        let masterSettled = generation.converged
        if masterSettled {
            if open(until: 0.55) { try consider(generation.largestShares, "column generation") }
            // Dives of several kinds in turn, each restarting from the schedules all earlier dives
            // priced, while time allows and the dives still find new schedules; only from a settled
            // master (diving on an unsettled one fixes what it has not weighed).
            var pool = -1
            while open(until: 0.55) && generation.master.schedules.count > pool {
                pool = generation.master.schedules.count
                for kind: ColumnGeneration.Dive in [.assignments(fraction: 10), .schedules, .assignments(fraction: 50)]
                where open(until: 0.55) {
                    try consider(try generation.dive(kind, deadline: share(0.55)), "diving")
                }
            }
            if open(until: 0.65),
                let found = try generation.integerRoster(
                    start: best.choices, solver: solver, timeLimit: left(until: share(0.65)))
            {
                try consider(found.choices, "integer master")
            }
        }
        // Without a settled master the whole model is the only source of a bound: it gets 30% of the time.
        let improvedUntil = built == nil ? 0.97 : masterSettled ? 0.75 : 0.4
        let searchedUntil = masterSettled ? 0.9 : 0.7
        if open(until: improvedUntil) {
            try consider(people.improve(best.choices, deadline: share(improvedUntil)), "improving person by person")
        }
        let neighbourhoods = NeighbourhoodSearch(solver: solver, threads: threads)
        if built == nil, index.candidates.all.count <= partsSearchLimit, open(until: 0.97) {
            // Too large for the whole model: when improving person by person ends before its time, parts
            // of the roster are re-solved, each part in a small model of its own.
            let found = try neighbourhoods.improve(
                index, rules: people.rules, start: best.choices, objective: best.objective, deadline: share(0.97),
                progress: reporter("re-solving parts"))
            try consider(found, "re-solving parts")
        }
        run.bestBound = run.bestBound.map { min($0, best.objective) }
        let fromMaster = generation.master.roster(best.choices, values: best.values)
        guard let built, open(until: 1),
            let start = try RosterCompletion.values(
                built, worked: people.worked(best.choices), solver: solver,
                timeLimit: evaluationLimit())
        else {
            return finish(&run, fromMaster, c, status(best.objective, run.bestBound), elapsed())
        }
        // The whole model, from the best roster so far.
        var options = options
        options.startingSolution = try neighbourhoods.improve(
            built, start: start, deadline: share(searchedUntil), progress: reporter("re-solving parts"))
        // GLPK checks its time limit only now and then: a margin keeps the run within its limit.
        options.timeLimit = left(until: share(1)).map { max(0, $0 - 0.2 - 0.02 * (options.timeLimit ?? 0)) }
        var result = try solver.solve(built.model, options: options, progress: reporter("whole model"), log: nil)
        let searchedValues = options.startingSolution!
        let known = built.model.objectiveValue(searchedValues)
        if result.values == nil || (result.objective ?? .infinity) > known {
            // The whole model found nothing better in time (or wrongly concluded there is no roster,
            // which a known roster disproves): the roster found so far stands.
            result.values = searchedValues
            result.status = .feasible
        }
        let objective = built.model.objectiveValue(result.values!)
        let whole = result.bestBound.flatMap { $0 <= objective ? $0 : nil }
        if let whole, whole > run.bestBound ?? -.infinity {
            run.bestBound = whole
            run.boundSource = .wholeModel
        }
        let bound = run.bestBound
        if objective > best.objective + 1e-9 * max(1, abs(best.objective)) {
            return finish(&run, fromMaster, c, status(best.objective, bound), elapsed())
        }
        return finish(
            &run, built.roster(from: result.values!), c,
            result.status == .optimal ? .optimal : status(objective, bound), elapsed())
    }

    /// Optimal when the bound meets the objective (within 1e-6 of it), else feasible.
    private func status(_ objective: Double, _ bound: Double?) -> RunStatus {
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
    /// GLPK's branch-and-cut on the whole model.
    case wholeModel = "whole_model"
}
