import LinearModel
import Workforce

/// What the steps of a search share (``SearchPlan``): the case's candidates, each person's rules,
/// column generation's master, the whole model when the case is small enough for it, the best
/// roster found so far and the best bound.
struct SearchState {
    let index: CaseIndex
    /// People's rules, the first roster's builder and the person-by-person improver.
    let people: FirstRoster
    let generation: ColumnGeneration
    /// The whole model; `nil` for a case with more candidate shifts than ``CaseSolver/compactModelLimit``.
    let built: RosterModel?
    let solver: any Solver
    let threads: Int
    /// The run's options (the whole model is solved with them).
    let options: SolveOptions
    let started: ContinuousClock.Instant
    let progress: ((SolveProgress) -> ProgressAction)?
    /// The best roster found: each person's schedule, its objective and its values in the master.
    var best: (choices: [[Int?]], objective: Double, values: [Double])
    /// The whole model's solution once it has been searched (``WholeModel``): its values, objective,
    /// and whether GLPK proved it optimal.
    var whole: (values: [Double], objective: Double, optimal: Bool)?
    /// A solution of the whole model to search from: the best roster's schedules completed, or a
    /// roster found by re-solving the whole model's parts (used while it is as good as the best).
    var wholeStart: [Double]?
    /// Where the last search of the whole model's parts left off, for the next to go on from.
    var partsTrail: NeighbourhoodSearch.Trail?
    var bound: Double?
    var boundSource: BoundSource?
    /// Each candidate shift's share in column generation's master when its rounds ended (before any
    /// dive fixed anything), which guides the parts re-solved (``RelaxationDisagreement``).
    var relaxation: [Double]?
    /// Seconds the whole model's linear relaxation took to solve (``WholeRelaxation``); `nil` when not solved.
    var relaxationSeconds: Double?
    /// Whether column generation's master was solved over every schedule when it settled (dives
    /// price only some people, so this is read once, after settling).
    var masterSettled: Bool
    /// Whether the master's value had all but stopped falling when it stopped settling
    /// (``SettlingForecast/isTailingOff``), though its bound had not met it.
    var masterTailedOff = false
    /// Whether a dive on the master, at the pace of its last rounds, ends by the dives' share
    /// (``SettlingForecast/diveFits(secondsLeft:)``; judged only in a case with the whole model), and
    /// no first dive was given up as too slow to end by it (``Dives``).
    var divesFit = true
    /// Whether the master's solution is worth rounding and diving on: settled, or tailed off (diving
    /// on a master whose value still falls fast fixes what it has not weighed), and fast enough to
    /// dive on in time (a dive cut short by the clock leaves its fractional shares, rounded).
    var masterReady: Bool { (masterSettled || masterTailedOff) && divesFit }

    /// The instant `fraction` of the time limit after the start; `nil` without a limit.
    func share(_ fraction: Double) -> ContinuousClock.Instant? {
        CaseSolver.instant(fraction, of: options.timeLimit, after: started)
    }

    /// Seconds until `deadline`, at least 0; `nil` without one.
    func left(until deadline: ContinuousClock.Instant?) -> Double? {
        SearchStop.secondsLeft(until: deadline)
    }

    func elapsed() -> Double { (ContinuousClock.now - started).inSeconds }

    /// Evaluating a roster (its care split and agency shifts) gets at most a twentieth of the limit.
    func evaluationLimit() -> Double? {
        options.timeLimit.map { min(left(until: share(1)) ?? 0, max(1, 0.05 * $0)) }
    }

    /// Whether the best roster's objective meets the bound.
    var isProven: Bool { bound.map { CaseSolver.status(best.objective, $0) == .optimal } ?? false }

    /// Whether a step may still run until `deadline`: it has not passed and nothing is left to prove.
    func isOpen(until deadline: ContinuousClock.Instant?) -> Bool { !isProven && !SearchStop.reached(deadline) }

    func report(_ phase: String) {
        _ = progress?(
            SolveProgress(
                elapsed: elapsed(), incumbent: best.objective, bestBound: bound, nodes: 0, newIncumbent: true,
                phase: phase))
    }

    /// A progress handler for a solver's or a search's own steps, shown as `phase`. The step's best
    /// bound is the higher of its own (GLPK's, in a branch-and-cut) and the search's (every bound
    /// holds for the whole roster's objective), so a search without one of its own shows the known one.
    func reporter(_ phase: String) -> ((SolveProgress) -> ProgressAction)? {
        let (started, known) = (started, bound)
        return progress.map { report in
            { (step: SolveProgress) -> ProgressAction in
                var step = step
                step.elapsed = (ContinuousClock.now - started).inSeconds
                step.phase = step.phase ?? phase
                step.bestBound = [step.bestBound, known].compactMap { $0 }.max()
                return report(step) == .stop || SearchStop.isRequested ? .stop : .proceed
            }
        }
    }

    /// Evaluates `choices` (one schedule per person) and keeps them when they beat the best roster.
    mutating func consider(_ choices: [[Int?]]?, _ phase: String) throws {
        guard let choices, choices != best.choices,
            let found = try generation.evaluate(choices, solver: solver, timeLimit: evaluationLimit())
        else { return }
        if found.objective < best.objective - 1e-9 * max(1, abs(best.objective)) {
            best = (choices, found.objective, found.values)
        }
        report(phase)
    }

    /// Raises the bound to column generation's `bound` when that is finite and higher (every term of
    /// the objective is non-negative, as the reader rejects negative costs and weights: so is the bound).
    mutating func raiseBound(fromMaster bound: Double) {
        guard bound.isFinite, max(0, bound) > self.bound ?? -.infinity else { return }
        self.bound = max(0, bound)
        boundSource = .columnGeneration
    }

    /// The bound, never above the best roster's objective.
    mutating func clampBound() { bound = bound.map { min($0, best.objective) } }
}

/// One piece of a search (a bound, a start, an improver): it runs until its deadline and offers the
/// rosters it finds to the state (``SearchState/consider(_:_:)``).
protocol SearchStep {
    /// The share of the time limit by which the step ends, given what the steps before it found;
    /// `nil` when it does not apply to this run.
    func share(_ state: SearchState) -> Double?
    /// Runs until `deadline` (`nil`: no time limit).
    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws
}

/// The search as steps run in turn, each until its share of the time limit. A step that finishes
/// early leaves its time to the next; a step whose share has passed, or that comes once the best
/// roster is proven optimal, does not run.
struct SearchPlan {
    var steps: [any SearchStep]

    func run(_ state: inout SearchState) throws {
        for step in steps {
            guard let fraction = step.share(state) else { continue }
            let deadline = state.share(fraction)
            guard state.isOpen(until: deadline) else { continue }
            try step.run(&state, until: deadline)
        }
    }

    /// Column generation, then its roundings, dives and integer master, with an improver of the first
    /// roster beside them while the master has not settled (``ImproveAlongside``); then improving
    /// person by person (searching each schedule exactly too in a case without a whole model of at
    /// most `exactSearchLimit` candidate shifts, ``ExactSearch``); then re-solving parts of the
    /// roster, in the whole model when the case has one (and the whole model to the end), else each
    /// part in a model of its own, after ruin and recreate where person by person did not search
    /// exactly and after sideways passes (``SidewaysPasses``), which also run between its slices;
    /// when those end early and the master has not settled, its rounds go on for the bound.
    static func standard(exactSearchLimit: Int) -> SearchPlan {
        let exact = ExactSearch(candidateLimit: exactSearchLimit)
        return SearchPlan(steps: [
            ImproveAlongside(steps: [SettleMaster(), AscendBound(), LargestShares(), Dives(), IntegerMaster()]),
            PersonByPerson(exact: exact),
            WholeRelaxation(), RecreateRuins(exact: exact), SidewaysPasses(),
            PartsSearch(), RaiseBound(), WholeModelParts(), WholeModel(),
        ])
    }
}

/// Column generation's rounds, the source of the bound and of the schedules that dives round. The
/// rounds go on while the bound, at its recent rate, can meet the master's value in the share left,
/// or while that value still falls fast (``SettlingForecast``): a master that has tailed off is worth
/// diving on even when its bound lags. A master that tails off so, its bound far below, goes on in
/// exact rounds, whose bound is tight, while they can still settle it (``close(_:forecast:until:)``).
/// A quarter of the time, or 35% when there is no whole model to fall back on.
///
/// With the whole model, the rounds stop once they are too slow for a dive to end by the dives'
/// share: such a master gives no roster in time, and the whole model a better bound, so its time
/// goes to re-solving parts (the sample case, whose rounds take a second each: 156,526 at 60 s when
/// its master tailed off and dives took the time, 150,362 when its rounds stopped so, after 8 s).
struct SettleMaster: SearchStep {
    func share(_ state: SearchState) -> Double? { state.built == nil ? 0.35 : 0.25 }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        var forecast = SettlingForecast()
        let divesEnd = state.share(Dives.end)
        // Whether the forecast stopped the rounds of a master that tailed off, its dives fitting.
        var stoppedTailedOff = false
        try state.generation.settle(deadline: deadline) { value, bound in
            state.raiseBound(fromMaster: bound)
            state.report("column generation")
            let settles = forecast.canSettle(
                seconds: state.elapsed(), value: value, bound: bound, secondsLeft: state.left(until: deadline),
                measuredSeconds: state.generation.quickRoundSeconds)
            state.divesFit = state.built == nil || forecast.diveFits(secondsLeft: state.left(until: divesEnd))
            stoppedTailedOff = state.divesFit && !settles && forecast.isTailingOff
            return state.divesFit && !stoppedTailedOff
        }
        if Self.closes(
            stoppedTailedOff: stoppedTailedOff, value: state.generation.value ?? .infinity,
            bound: state.generation.bound)
        {
            try Self.close(&state, forecast: &forecast, until: deadline)
        }
        // The exact rounds after the last quick one may have raised the bound.
        state.raiseBound(fromMaster: state.generation.bound)
        state.masterSettled = state.generation.converged
        state.masterTailedOff = forecast.isTailingOff
        state.relaxation = state.generation.candidateShares
    }

    /// Whether a master whose rounds ended with `value` and `bound` is closed by exact rounds: the
    /// forecast stopped its rounds once it tailed off (`stoppedTailedOff`; not a round that ended
    /// settling, such as an exact round that added nothing unproved), and its bound is far below.
    static func closes(stoppedTailedOff: Bool, value: Double, bound: Double) -> Bool {
        stoppedTailedOff && !Dives.isNear(value: value, bound: bound)
    }

    /// Exact rounds on a master whose quick rounds tailed off with its bound far below its value (not
    /// within ``Dives/nearOptimum`` of it, from which dives aim), until it settles, a round on the whole
    /// label budget adds nothing, the best roster is proved optimal, its bound (at the exact rounds'
    /// pace) can no longer meet its value by `deadline`, or the deadline comes. Quick pricing's bound
    /// lags far behind: instance 12's master tailed off at 4041.0 with a bound of 1839 after 8.5 s of
    /// its 15 s share at 60 s; one exact round (0.13 s) took the bound to 4029, four more settled it
    /// at 4040 by 9.3 s, and the run was proved optimal at 14.5 s (4043, unproved, without them).
    /// Each exact round's length is left out of the pace of the master's rounds
    /// (``SettlingForecast/diveFits(secondsLeft:)``): dives take quick rounds. The forecast that
    /// stopped the quick rounds reads the clock, so a master settled so (and the run after it) depends
    /// on where that stop fell, as a master that stopped unsettled did before; without a time limit
    /// the forecast never stops the rounds, and nothing here runs.
    ///
    /// The rounds search on the smaller label budget of stalled quick rounds
    /// (``ColumnGeneration/stalledLabelBudget``; their bound still holds), and on the whole budget once
    /// one adds nothing without proving it: instance 14's master tailed off with its bound at −952, and
    /// one exact round on the whole budget took 7.3 s, to the end of the share, for nothing; on the
    /// smaller, 0.4 s (and 12 settled by 8.3 s). Instance 8's master tails off with its bound 0.34%
    /// below its value, and its exact rounds take 1.6–3 s: with them to the end of the share, its dives
    /// began at 14.5 s rather than 8 s, and its rosters at 60 s were 1408 and 1507 (1401–1409 without).
    static func close(
        _ state: inout SearchState, forecast: inout SettlingForecast, until deadline: ContinuousClock.Instant?
    ) throws {
        let pace = state.generation.quickRoundSeconds
        var budget = ColumnGeneration.stalledLabelBudget
        while !state.generation.converged, state.isOpen(until: deadline) {
            var added = try state.generation.round(exact: true, labelBudget: budget, deadline: deadline)
            if added == 0, !state.generation.converged, budget < ScheduleOracle.defaultLabelBudget,
                state.isOpen(until: deadline)
            {
                budget = ScheduleOracle.defaultLabelBudget
                added = try state.generation.round(exact: true, labelBudget: budget, deadline: deadline)
            }
            state.raiseBound(fromMaster: state.generation.bound)
            state.report("column generation")
            guard added > 0,
                forecast.canSettle(
                    seconds: state.elapsed(), value: state.generation.value ?? .infinity,
                    bound: state.generation.bound, secondsLeft: state.left(until: deadline), measuredSeconds: pace)
            else { return }
        }
    }
}

/// Steps with an improver beside them, on the core they leave idle (GLPK re-solves column
/// generation's master on one thread for most of each round, and of each dive's step). The improver
/// takes person by person's quick passes from the roster the first step started from and then, with
/// the whole model, re-solves parts of that roster until the last step ends.
///
/// The first step settles the master (``SettleMaster``); the others use it (dives, the integer
/// master), each until its own share, when it applies. What the improver found is offered only when
/// the master has not settled. A run whose master settles may end by its own criteria and must then
/// not depend on how far the improver got: the improver is dropped as soon as the first step ends so,
/// and the other steps run without it. A run whose master has not settled already depends on the
/// clock, and its dives, on a master that only tailed off, may take a large share of the time for
/// nothing: the sample case at 75 s dived from 12 s to 48 s and ended at 149,704, at 90 s 149,273
/// (148,043 at 60 s, where its master was too slow to dive on and the parts search had the time);
/// with the improver beside the dives, 147,676 and 147,912. The improver yields to the steps (a lower
/// priority): beside them at an equal one, the dives of instances 8, 12, 15 and 18 slowed, and their
/// rosters at 60 s were worse in one run each (12: 4043 → 4244). Its roster is offered after the
/// integer master, which therefore neither starts from it nor has its schedules. With one thread the
/// passes run after the first step (when the master has not settled) and the parts not at all. The
/// passes end when one changes nobody, or at person by person's share for a master that is not ready.
///
/// The group's share is its first step's: when that has passed, or the best roster is proven
/// optimal, none of its steps runs (the later ones need a ready master, which only the first makes).
///
/// Only in a case with the whole model: without it, person by person gets 97% of the limit after the
/// master anyway, and pricing, a larger part of each round in such a case (instance 21: 8.4 s of its
/// 17.9 s), needs both cores.
struct ImproveAlongside: SearchStep {
    var steps: [any SearchStep]

    func share(_ state: SearchState) -> Double? { steps.first?.share(state) }

    /// Runs the steps after the first, each until its own share, where it applies.
    private func runRest(_ state: inout SearchState) throws {
        try SearchPlan(steps: Array(steps.dropFirst())).run(&state)
    }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        guard let first = steps.first else { return }
        let start = state.best.choices
        let end = state.share(0.4)
        guard state.built != nil, state.threads > 1 else {
            try first.run(&state, until: deadline)
            if state.built != nil, !state.masterSettled {
                try state.consider(
                    state.people.improve(start, deadline: end, effort: .quick), "improving person by person")
            }
            return try runRest(&state)
        }
        // One thread for the improver: the steps' pricing has the others.
        let people = state.people.on(threads: 1)
        let (built, solver, completionLimit) = (state.built, state.solver, state.evaluationLimit())
        // `stop` ends the parts when the steps end; `dropped` ends the passes too, when the master settles.
        let (stop, dropped) = (StopFlag(), StopFlag())
        let partsEnd = state.share(1)
        typealias Found = (passes: [[Int?]], parts: (values: [Double], trail: NeighbourhoodSearch.Trail)?)
        let improver = Background(yielding: true) { () -> Result<Found, any Error> in
            Result {
                let passes = people.improve(start, deadline: end, effort: .quick, stopped: { dropped.isSet })
                guard let built, !stop.isSet,
                    let values = try RosterCompletion.values(
                        built, worked: people.worked(passes), solver: solver, timeLimit: completionLimit)
                else { return (passes, nil) }
                let search = NeighbourhoodSearch(solver: solver, threads: 1, cancel: stop)
                return (passes, try search.improveLeavingTrail(built, start: values, deadline: partsEnd, progress: nil))
            }
        }
        // Set on every way out, a thrown error included: the improver never outlives the steps.
        defer {
            stop.set()
            dropped.set()
        }
        try first.run(&state, until: deadline)
        // A settled master's run goes on at once, without what the improver found.
        let settled = state.masterSettled
        if settled {
            stop.set()
            dropped.set()
        }
        try runRest(&state)
        stop.set()
        guard !settled else { return }
        let found = try improver.result.get()
        try state.consider(found.passes, "improving person by person")
        guard let built, let (values, trail) = found.parts else { return }
        state.partsTrail = trail
        let choices = state.people.choices(of: built.roster(from: values).assignments).compactMap { $0 }
        guard choices.count == state.best.choices.count else { return }
        try state.consider(choices, "re-solving parts")
        // The whole model's start while it is as good as the best roster (``WholeModel/start(_:)``).
        state.wholeStart = values
    }
}

/// Subgradient steps on the master's Lagrangian function after its rounds, in a case without the
/// whole model whose master has not settled (``ColumnGeneration/ascend(target:deadline:stepDone:)``),
/// towards the best roster's objective: each prices everyone without re-solving the master. Such a
/// case has no other bound, and its master's re-solves are slow: the generated 1,000-staff case's
/// bound at 300 s was 2.47 million after 15 rounds in 105 s; the steps to 45% of the limit raised it
/// to 3.43, 3.55 and 3.43 million in three runs (its roster 5.08 → 5.12–5.14 million, with 10% less
/// of the time for person by person). At the end of the run instead (the parts search to 90%): 3.22
/// million.
struct AscendBound: SearchStep {
    /// Steps in a row that leave the run's bound where it was, after which the steps end (the time
    /// goes to the roster): instance 20's Lagrangian function stayed below 0 through its steps at
    /// 300 s, and its roster lost their time.
    static let patience = 5

    /// Only after rounds that gave a bound above 0: from a function below 0 the steps have far to
    /// climb before they give the run anything, and on Curtois's instances without the whole model
    /// (13, 20–24) they never did, at 60 s or 300 s; their time is the roster's (at 60 s, one run
    /// each: 22 49,389 → 49,628, 23 59,351 → 60,807, 24 160,271 → 166,746 with the steps; 13 and 20
    /// moved the other way, within their spread from run to run).
    func share(_ state: SearchState) -> Double? {
        state.built == nil && !state.masterSettled && state.bound ?? 0 > 0 ? 0.45 : nil
    }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        var stale = 0
        state.generation.ascend(target: state.best.objective, deadline: deadline) { bound in
            let before = state.bound
            state.raiseBound(fromMaster: bound)
            state.report("raising the bound")
            stale = state.bound == before ? stale + 1 : 0
            return stale < Self.patience
        }
    }
}

/// Each person's schedule of largest share in the settled (or tailed-off) master.
struct LargestShares: SearchStep {
    func share(_ state: SearchState) -> Double? { state.masterReady ? Dives.end : nil }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        try state.consider(state.generation.largestShares, "column generation")
    }
}

/// Dives of several kinds in turn, each restarting from the schedules all earlier dives priced,
/// while time allows and the dives still find new schedules; only from a ready master
/// (``SearchState/masterReady``).
///
/// From a master near its optimum (its bound within ``nearOptimum`` of its value), each dive aims
/// below the best roster: a step that takes the master's value past ``aim`` of the way from the
/// bound to the best roster's objective is taken back (``ColumnGeneration/dive(_:deadline:cutoff:)``).
/// Instance 8's master, settled with the smoothing pause at 1296.6, gave dives of 1499–1809 without
/// (rosters 1323–1499 at 60 s); with, its dives found 1309 in most runs. From a master still far
/// from its optimum, its value under the fixings falls as much as it rises (instance 15: from 4540
/// to 4300 while its dive fixed assignments), a settled step costs many rounds, and the dives keep
/// two rounds a step without taking any back.
///
/// A dive too slow to end by the dives' share is given up (``DiveProgress``; one with a cutoff first
/// drops it and measures its pace afresh, ``ColumnGeneration/dive(_:deadline:cutoff:)``), and with it
/// the dives: when it was the first, the master is taken as not ready (``SearchState/divesFit``), as
/// when its rounds are too slow to dive on, and the steps for such a master get the time.
struct Dives: SearchStep {
    /// The share of the time limit by which dives end.
    static let end = 0.55
    /// How close the master's bound must be to its value, relatively, for dives that aim.
    static let nearOptimum = 0.01
    /// How far from the bound to the best roster's objective a dive's value may go.
    static let aim = 0.25

    func share(_ state: SearchState) -> Double? { state.masterReady ? Self.end : nil }

    /// Whether a master's `bound` is within ``nearOptimum`` of its `value`.
    static func isNear(value: Double, bound: Double) -> Bool {
        bound >= value - nearOptimum * max(1, abs(value))
    }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        let (value, bound) = (state.generation.value ?? .infinity, state.generation.bound)
        let near = Self.isNear(value: value, bound: bound)
        var pool = -1
        var finished = false
        while state.isOpen(until: deadline) && state.generation.master.schedules.count > pool {
            pool = state.generation.master.schedules.count
            for kind: ColumnGeneration.Dive in [.assignments(fraction: 10), .schedules, .assignments(fraction: 50)]
            where state.isOpen(until: deadline) {
                let cutoff = near ? bound + Self.aim * (state.best.objective - bound) : nil
                let found = try state.generation.dive(kind, deadline: deadline, cutoff: cutoff)
                guard !state.generation.gaveUp else {
                    // The dives' time goes to the steps after them; a master on which no dive ends in
                    // time is no start for a roster (``SearchState/divesFit``).
                    state.divesFit = state.divesFit && finished
                    return
                }
                finished = finished || !SearchStop.reached(deadline)
                try state.consider(found, "diving")
            }
        }
    }
}

/// The ready master as a mixed-integer program over its schedules, from the best roster; only once
/// the master has settled. Over the schedules of a master that only tailed off it found nothing in
/// traced runs at 60 s of the sample case and instances 8, 14, 15, 17 and 18, in 4–14 s each, while
/// settled masters' gave instances 5 and 6 their best rosters. Without it, that time goes to
/// re-solving parts: the sample case's runs at 60 s ended at 146,495–146,790 (eight) against
/// 146,497–147,366 (seven) with it.
struct IntegerMaster: SearchStep {
    func share(_ state: SearchState) -> Double? { state.masterReady && state.masterSettled ? 0.65 : nil }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        let found = try state.generation.integerRoster(
            start: state.best.choices, solver: state.solver, timeLimit: state.left(until: deadline))
        try state.consider(found?.choices, "integer master")
    }
}

/// Each person's schedule re-chosen in turn, everyone else's kept, by the oracle's quick search; in
/// a case without a whole model small enough (``ExactSearch``), once that changes nobody and time is
/// left, by its exact one too (which finds the schedules a narrowed search misses). With a whole
/// model, re-solving parts of it is the better use of that time, and in a larger case, re-choosing
/// several people at once and re-solving parts (``RecreateRuins``, ``PartsSearch``). Until 75% of the limit
/// after a ready master; 40% when the master is not ready (the rosters still to find come from the
/// whole model, which gets 30% of the time); 97% without a whole model.
///
/// Without a whole model, a ready master or a baseline, the quick search starts from each person's
/// schedule of largest share in the master (``ColumnGeneration/largestShares``) and then, as time
/// allows, from the best roster (then the first roster): a master still far from settled already
/// knows where cover is short (at 60 s, instance 21 35,040 → 34,174, 13 5402 → 4775; 23 and 24 within
/// run-to-run differences), but which start ends lower depends on the master's solution (instance 20
/// at 60 s: 6913 from the shares of stop 39's master, 7878 from those of stop 40's, and the run 6348
/// and 7517 after the parts search; with both starts, 6094 and 6161). The quick passes from the best
/// roster race those from the shares and stop once behind them (``PassRace``). The exact search goes
/// on from the better. A re-roster starts from its baseline, so that it moves only where it must.
struct PersonByPerson: SearchStep {
    /// Where the exact search follows the quick one.
    var exact: ExactSearch

    func share(_ state: SearchState) -> Double? {
        state.built == nil ? 0.97 : state.masterReady ? 0.75 : 0.4
    }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        var start = state.best.choices
        let most = passes(state)
        var race = PassRace()
        if state.built == nil, !state.masterReady, state.index.case.baseline == nil,
            let shares = state.generation.largestShares
        {
            let found = state.people.improve(
                shares, deadline: deadline, passes: most, effort: .quick,
                passed: {
                    race.lead($1)
                    state.report(Self.phase(pass: $0))
                })
            try state.consider(found, "improving person by person")
        }
        for effort in efforts(state) where state.isOpen(until: deadline) {
            // Only the quick passes race: the exact ones go on from the better start.
            let racing = effort == .quick
            var behind = false
            let found = state.people.improve(
                start, deadline: deadline, passes: most, effort: effort,
                passed: {
                    behind = racing && race.isBehind(pass: $0, estimate: $1)
                    state.report(Self.phase(pass: $0))
                }, stopped: { behind })
            try state.consider(found, "improving person by person")
            start = state.best.choices
        }
    }

    /// The progress shown after a pass: passes over a large case take seconds each.
    static func phase(pass: Int) -> String { "improving person by person, pass \(pass)" }

    /// Most passes from one start: without a whole model, until a pass changes nobody (instance 23's
    /// quick passes from the shares still gained 140–300 a pass at their 20th, 2.5 s each, where
    /// re-solving parts then gained 12 a second); with one, ``FirstRoster/defaultPasses``.
    func passes(_ state: SearchState) -> Int { state.built == nil ? .max : FirstRoster.defaultPasses }

    /// The oracle's searches in turn: the exact one after the quick one only where ``ExactSearch`` applies.
    func efforts(_ state: SearchState) -> [ScheduleOracle.Effort] {
        exact.applies(state) ? [.quick, .exact] : [.quick]
    }
}

/// The estimates of a run of passes that a later run from another start races: the later run is
/// behind once its estimate after a pass is above the leader's after as many passes (or after its
/// last, when the leader made fewer), and then stops. Person by person's passes from the best roster
/// race those from the master's shares: on instance 23 at 300 s, the shares' passes ended at 55,226
/// after their 20 (at 155 s), and those from the first roster then took 63 s for nothing better (88,850
/// after their first pass, against the shares' 79,648). Raced, they stopped after one pass and the
/// parts search had the time: 53,922 (54,629 without).
struct PassRace {
    /// The leader's estimate after each of its passes.
    private var leader: [Double] = []

    mutating func lead(_ estimate: Double) { leader.append(estimate) }

    /// Whether a run whose estimate after `pass` passes (from 1) is `estimate` is behind the leader.
    func isBehind(pass: Int, estimate: Double) -> Bool {
        guard pass >= 1, !leader.isEmpty else { return false }
        return estimate > leader[min(pass, leader.count) - 1]
    }
}

/// For a case without the whole model, after person by person and ruin and recreate: person by
/// person's quick passes from the best roster until one changes nobody, then runs of a sideways pass
/// and quick passes after it until one changes nobody: every other run from the best roster, the
/// others also guided and each from the roster the guided run before it reached; until ``misses``
/// runs in a row lead to no lower estimate, or for at most half the time left before 97% of the
/// limit (the parts search, with these passes between its slices, has the rest). A sideways pass
/// re-chooses each person's schedule at costs tilted by less than ``FirstRoster/tiltTotal``, so that
/// among schedules of equal cost a drawn one is taken; guided, it also weighs the shortfall of each
/// demand row ``emphasisStep`` more for each run before it that left the row short (a guided local
/// search's penalties on the features of its local optima).
///
/// Where no one person's schedule alone can lower the objective, many can be changed at no cost
/// (cover exactly at its minimum is as good met by one person as by another), and after such moves
/// one person's change often lowers it again. Instance 24's roster at 300 s, which no quick pass
/// changed (145,291), fell to 141,338 after one sideways pass and its passes, and to 140,772 after
/// three in 90 s; from the rosters of stop 48's runs at 60 s, in 45 s: instance 22 49,500 → 43,509,
/// 20 6617 → 5313, 13 4032 → 2372. Where cover stays short in the same rows, the guidance draws
/// people there at a small cost of their own, leaving shifts that others, at their own gain, take:
/// from stop 49's rosters, 90 s of passes, sideways runs alone against guided ones only (from the
/// last roster reached): instance 23 48,960 → 47,555, 24 140,313 → 139,160, 22 (from 60 s) 39,440 →
/// 39,193; 45 s, 13 2606 → 1981, but 20 5341 → 5521 (guided from the best roster instead: 23 49,174;
/// emphasis steps of 0.3 and 1: 49,068 and 50,077). From this code's rosters at 300 s, sideways,
/// guided only and alternating as here: 23 (60 s) 50,059, 49,391, 49,679; 20 (45 s) 5103, 5190, 5136;
/// alternating keeps most of either gain where the other has none.
struct SidewaysPasses: SearchStep {
    /// Runs in a row that lead to no lower estimate, after which the step ends.
    static let misses = 20
    /// How much more a demand row's shortfall weighs in a sideways pass for each pass before it that
    /// left the row short.
    static let emphasisStep = 0.1

    func share(_ state: SearchState) -> Double? { state.built == nil ? 0.97 : nil }

    func run(_ state: inout SearchState, until shareEnd: ContinuousClock.Instant?) throws {
        try descend(&state, until: RecreateRuins.end(now: ContinuousClock.now, shareEnd: shareEnd))
    }

    /// The passes until `deadline` at the latest.
    func descend(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        var lowest = Double.infinity
        var missed = 0
        var seed: UInt64 = 0
        var shortfalls: [DemandKey: Double] = [:]
        // The roster the guided runs go on from.
        var walk = state.best.choices
        while missed < Self.misses, state.isOpen(until: deadline) {
            var estimate = Double.infinity
            let guided = !seed.isMultiple(of: 2)
            let found = state.people.improve(
                guided ? walk : state.best.choices, deadline: deadline, passes: .max, effort: .quick,
                sideways: seed == 0 ? nil : seed,
                emphasis: guided ? shortfalls.mapValues { $0 * Self.emphasisStep } : [:], passed: { estimate = $1 })
            if guided || seed == 0 { walk = found }
            seed += 1
            for key in state.people.shortKeys(found) { shortfalls[key, default: 0] += 1 }
            guard estimate < lowest - 1e-9 * max(1, abs(estimate)) else {
                missed += 1
                continue
            }
            (lowest, missed) = (estimate, 0)
            try state.consider(found, "improving person by person")
        }
    }
}

/// Where person by person searches each schedule exactly after its quick passes: a case without a
/// whole model of at most `candidateLimit` candidate shifts. One exact pass over a larger case takes
/// most of a run and changes little: instance 21 (145,600 candidate shifts) ended its quick passes at
/// 23 s of 60 s and one exact pass took the rest, 31,328 → 30,585 (31,925 in two other runs), where
/// ruins from 23 s gave 29,455 and 30,341; at 300 s its exact pass ran from 165 s to 285 s for 29.
struct ExactSearch {
    var candidateLimit: Int

    func applies(_ state: SearchState) -> Bool {
        state.built == nil && state.index.candidates.all.count <= candidateLimit
    }
}

/// For a case without a whole model where person by person did not search exactly (``ExactSearch``),
/// after it: several people's schedules taken out and re-chosen together
/// (``FirstRoster/recreate(_:deadline:seed:patience:)``) for at most half the time left before 97% of
/// the limit; re-solving parts (``PartsSearch``) then gets the rest. With a time limit it runs in
/// ``slices``, each from the best roster with a seed of its own, and stops after ``misses`` slices in
/// a row that give no better roster when evaluated (its estimate of the objective leaves the care
/// split to a greedy rule, which can see a gain where the care split of the evaluation has none).
///
/// Ruins gain fast and then little; the parts search gains slowly and for longer. Instance 21 at
/// 60 s (quick passes to 23 s): ruins to the end 29,455–30,341 in four runs, the parts search from
/// 23 s 30,550 and 31,427, half each 29,655–32,037 in three; at 300 s: ruins 25,052, the parts search
/// 23,860, half each 23,691 (the ruins ended by their misses after 19 s). Where person by person
/// searches exactly, the parts search alone is the better use of the time: with ruins, instance 13
/// (39,936 candidate shifts) ended at 3706 at 300 s (3426 when ruins had half the time) against the
/// parts search's 3154, and instances 15 and 20 (whole models then) got worse at 60 s (4615 to 4770,
/// 8346 to 8907).
struct RecreateRuins: SearchStep {
    /// Where person by person searched exactly: there this step does not apply.
    var exact: ExactSearch
    /// Ruins per person that may find nothing better in a row before a slice ends.
    static let patience = 20
    /// Slices of the step's time.
    static let slices = 8
    /// Slices in a row without a better roster after which the step ends.
    static let misses = 2

    func share(_ state: SearchState) -> Double? { state.built == nil && !exact.applies(state) ? 0.97 : nil }

    func run(_ state: inout SearchState, until shareEnd: ContinuousClock.Instant?) throws {
        let deadline = Self.end(now: ContinuousClock.now, shareEnd: shareEnd)
        let patience = Self.patience * state.index.case.staff.count
        // Without a time limit, one slice that runs to its patience.
        let slices = deadline == nil ? 1 : Self.slices
        let slice = deadline.map { ($0 - ContinuousClock.now) / slices }
        var missed = 0
        for seed in 1...UInt64(slices) where missed < Self.misses && state.isOpen(until: deadline) {
            let before = state.best.objective
            let end = SearchStop.sliceEnd(slice, by: deadline)
            let found = state.people.recreate(state.best.choices, deadline: end, seed: seed, patience: patience)
            try state.consider(found, "re-choosing several people at once")
            missed = state.best.objective < before ? 0 : missed + 1
        }
    }

    /// When the ruins end at the latest: half way from `now` to the end of the step's share.
    static func end(now: ContinuousClock.Instant, shareEnd: ContinuousClock.Instant?) -> ContinuousClock.Instant? {
        shareEnd.map { now + max(.zero, $0 - now) / 2 }
    }
}

/// For a case too large for the whole model: parts of the roster re-solved, each in a small model of
/// its own (``NeighbourhoodSearch``), until 97% of the limit, whatever the case's size: a part's model
/// holds the freed shifts and, fixed, the roster's own elsewhere (an early version that built more
/// ran past a 60 s limit by up to 37 s on instances 22–24; these now end within it).
///
/// The parts search runs in ``slices`` of the step's time, going on each time where it left off
/// (``NeighbourhoodSearch/Trail``), and after a slice that lowered the objective, person by person's
/// passes and sideways passes (``SidewaysPasses``) go on from its roster: a part re-solved changes
/// several people at once, after which one person's change may lower the objective again (instance
/// 24's roster after 70 s of the parts search, 145,198, fell to 140,630 in 12 quick passes). The
/// passes run for at most a slice too. The step ends when a slice ends by the search's own criteria
/// with nothing better.
struct PartsSearch: SearchStep {
    /// Slices of the step's time for the parts search, between which person by person's passes run.
    static let slices = 8

    func share(_ state: SearchState) -> Double? { state.built == nil ? 0.97 : nil }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        let slice = deadline.map { ($0 - ContinuousClock.now) / Self.slices }
        var trail: NeighbourhoodSearch.Trail?
        while state.isOpen(until: deadline) {
            let before = state.best.objective
            let end = SearchStop.sliceEnd(slice, by: deadline)
            let search = NeighbourhoodSearch(solver: state.solver, threads: state.threads, cancel: nil, resume: trail)
                .guided(by: state.relaxation)
            let found: [[Int?]]
            (found, trail) = try search.improveLeavingTrail(
                state.index, rules: state.people.rules, start: state.best.choices, objective: state.best.objective,
                deadline: end, progress: state.reporter("re-solving parts"))
            try state.consider(found, "re-solving parts")
            guard state.best.objective < before else {
                // The search ended by its own criteria: nothing better is near.
                if !SearchStop.reached(end) { return }
                continue
            }
            try SidewaysPasses().descend(&state, until: SearchStop.sliceEnd(slice, by: deadline))
        }
    }
}

/// For a case without a whole model whose master did not settle in its share: more of column
/// generation's rounds in whatever time the steps before it left, until 97% of the limit, for a
/// better bound (the case has no whole model to give one).
struct RaiseBound: SearchStep {
    func share(_ state: SearchState) -> Double? { state.built == nil && !state.masterSettled ? 0.97 : nil }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        try state.generation.settle(deadline: deadline) { _, bound in
            let before = state.bound
            state.raiseBound(fromMaster: bound)
            if state.bound != before { state.report("column generation") }
            return true
        }
        // The exact rounds after the last quick one may have raised the bound.
        state.raiseBound(fromMaster: state.generation.bound)
    }
}

/// With the whole model and a master not ready to dive on: the whole model's linear relaxation, whose
/// solution then guides the parts re-solved (``RelaxationDisagreement``) in place of the master's,
/// and whose value is the bound, where it is above the bound so far. A master that has not settled
/// holds what its schedules so far allow, not a relaxation's solution: the sample case's at 10 s had
/// the value 148,399, above the rosters the parts search went on to find, and the bound 113,847; its
/// whole model's relaxation is 145,610 (2 s). At 60 s, in a trial that never dived on that master,
/// three runs guided by the master's solution ended at 147,017–147,166, six guided by the
/// relaxation at 146,652–146,960. For at most ``longest`` of the time limit, and until the whole
/// model's parts end (``WholeModelParts``); a relaxation cut short changes nothing. The relaxation is
/// then rounded to a roster, the parts' start when it costs less than the best (``RelaxationDive``).
struct WholeRelaxation: SearchStep {
    /// The largest share of the time limit the relaxation may take.
    static let longest = 0.1
    /// The share of the time limit by which the dive on the relaxation ends.
    static let diveEnd = 0.5

    func share(_ state: SearchState) -> Double? { state.built != nil && !state.masterReady ? 0.7 : nil }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        guard let built = state.built else { return }
        let limit = state.left(until: deadline).map { min($0, Self.longest * (state.options.timeLimit ?? $0)) }
        // Solved in the session the dive goes on in, presolved: GLPK's presolver makes this first
        // solve faster (the sample case's within the 3 s of a 30 s limit) and leaves a basis.
        let session = try state.solver.session(for: built.model)
        let result = try session.solve(timeLimit: limit, presolve: true)
        state.relaxationSeconds = result.elapsed
        // A relaxation no higher than the bound knows less than the master (Curtois's instance 19's
        // is 0, its costs all in cover a fraction of each shift meets), and every term of the
        // objective is non-negative (``SearchState/raiseBound(fromMaster:)``).
        guard result.status == .optimal, let values = result.values, let objective = result.objective,
            objective > max(0, state.bound ?? 0)
        else { return }
        state.relaxation = built.shiftColumns.map { values[$0.index] }
        state.bound = objective
        state.boundSource = .wholeModel
        state.report("linear relaxation")
        try dive(&state, session: session, relaxed: values)
    }

    /// Rounds the relaxation (`relaxed`, solved in `session`) to a roster (``RelaxationDive``) until
    /// ``diveEnd`` of the time limit, and keeps it as the whole model's start when it costs less than
    /// the best roster. With two threads or more, a second dive runs beside it, from the relaxation
    /// solved anew without the presolver (another of its optimal solutions: which shifts a dive fixes
    /// first, and so its roster, depends on it), and the cheaper roster is kept. The sample case at
    /// 60 s: the presolved relaxation's dive gave 149,042, the other 148,208.
    private func dive(_ state: inout SearchState, session: any LinearProgramSession, relaxed: [Double]) throws {
        guard let built = state.built, let start = try WholeModel.start(&state) else { return }
        let deadline = state.share(Self.diveEnd)
        let subSolveSeconds = RelaxationDive.subSolveShare * (state.options.timeLimit ?? 60)
        let (solver, completionLimit) = (state.solver, state.evaluationLimit())
        let other =
            state.threads > 1
            ? Background { () -> Result<[Double]?, any Error> in
                Result {
                    let session = try solver.session(for: built.model)
                    let solved = try session.solve(timeLimit: SearchStop.secondsLeft(until: deadline))
                    guard solved.status == .optimal, let relaxed = solved.values else { return nil }
                    return try RelaxationDive(session: session, built: built, solver: solver).roster(
                        from: relaxed, deadline: deadline, subSolveSeconds: subSolveSeconds,
                        completionLimit: completionLimit)
                }
            } : nil
        // The dive beside this one never outlives the step, a thrown error included.
        defer { _ = other?.result }
        let found = try RelaxationDive(session: session, built: built, solver: solver).roster(
            from: relaxed, deadline: deadline, subSolveSeconds: subSolveSeconds, completionLimit: completionLimit)
        let rosters = [found, try other?.result.get() ?? nil].compactMap { $0 }.map {
            ($0, built.model.objectiveValue($0))
        }
        guard let (best, objective) = rosters.min(by: { $0.1 < $1.1 }) else { return }
        guard objective < built.model.objectiveValue(start) - 1e-9 * max(1, abs(objective)) else { return }
        state.wholeStart = best
        _ = state.progress?(
            SolveProgress(
                elapsed: state.elapsed(), incumbent: objective, bestBound: state.bound, nodes: 0, newIncumbent: true,
                phase: "diving on the relaxation"))
    }
}

/// Parts of the roster re-solved in the whole model (``NeighbourhoodSearch``), from the best roster:
/// until 90% of the limit after a ready master, 70% otherwise. The part sizes go on from where the
/// search beside the master (its rounds, dives and integer master) left them
/// (``SearchState/partsTrail``), and are left for the search beside the branch-and-cut. This search,
/// the one beside the branch-and-cut and ``PartsSearch`` also free where the roster disagrees with
/// the master's solution (``SearchState/relaxation``): at 60 s, the harness against stop 30's,
/// instance 13 4748 → 3583, 19 5964 → 4922, 20 6865 → 6554, 22 47,215 → 46,046, 18 4723 → 4516,
/// 15 4671 → 4563; 8 unchanged (1401).
struct WholeModelParts: SearchStep {
    func share(_ state: SearchState) -> Double? {
        state.built == nil ? nil : state.masterReady ? 0.9 : 0.7
    }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        guard let built = state.built, let start = try WholeModel.start(&state) else { return }
        let search = NeighbourhoodSearch(
            solver: state.solver, threads: state.threads, cancel: nil, resume: state.partsTrail
        ).guided(by: state.relaxation)
        (state.wholeStart, state.partsTrail) = try search.improveLeavingTrail(
            built, start: start, deadline: deadline, progress: state.reporter("re-solving parts"))
    }
}

/// GLPK's branch-and-cut on the whole model to the end of the limit, offered the best roster found
/// as its start; the source of a bound when the master did not settle. With two threads or more,
/// parts of that roster are re-solved beside it (``NeighbourhoodSearch``, one thread) on the core
/// GLPK's branch-and-cut leaves idle, until it ends, from the part sizes the search before it left
/// (the sample case: 150,026 in two runs without, 149,255 and 149,836 with): a roster the
/// branch-and-cut proves optimal stands, else the better of the two.
///
/// Where the whole model's relaxation was solved (``WholeRelaxation``) and took more than a tenth of
/// the time left (``branchAndCutPays(relaxationSeconds:secondsLeft:)``), parts are re-solved on every
/// thread to the end instead, and the relaxation's value stays the bound. The sample case at 60 s,
/// with two dives on the relaxation: 146,456–146,624 in six runs so (mean 146,501), where the
/// branch-and-cut's last 16 s had found nothing (146,604–146,770 in seven runs with it, one dive).
struct WholeModel: SearchStep {
    func share(_ state: SearchState) -> Double? { state.built == nil ? nil : 1 }

    /// The whole model's start: the best roster completed (its care split and agency shifts), unless
    /// a solution of the whole model found before (``wholeStart``) is at least as good; `nil` when
    /// completing it outlasts its limit.
    static func start(_ state: inout SearchState) throws -> [Double]? {
        guard let built = state.built else { return nil }
        if let start = state.wholeStart,
            // Within the completion's own gap, so a completion of the best roster is kept.
            built.model.objectiveValue(start) <= state.best.objective + 1e-4 * max(1, abs(state.best.objective))
        {
            return start
        }
        state.wholeStart = try RosterCompletion.values(
            built, worked: state.people.worked(state.best.choices), solver: state.solver,
            timeLimit: state.evaluationLimit())
        return state.wholeStart
    }

    /// How many times its relaxation's solve GLPK's branch-and-cut needs, at least, to find or prove
    /// anything: it solves the root, then again after each round of cuts, before it branches.
    static let rootSolves = 10.0

    /// Whether the branch-and-cut has time to find or prove anything in `secondsLeft` (`nil`: no
    /// limit): its relaxation took `relaxationSeconds` to solve (`nil`: not solved, as after a ready
    /// master), at most 1/``rootSolves`` of the time left. The sample case's took 3 s; at 60 s its
    /// branch-and-cut had the last 16 s, spent 6.6 s on its root and found nothing in any run.
    static func branchAndCutPays(relaxationSeconds: Double?, secondsLeft: Double?) -> Bool {
        guard let relaxationSeconds, let secondsLeft else { return true }
        return rootSolves * relaxationSeconds <= secondsLeft
    }

    func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
        guard let built = state.built, let start = try Self.start(&state) else { return }
        guard
            Self.branchAndCutPays(relaxationSeconds: state.relaxationSeconds, secondsLeft: state.left(until: deadline))
        else {
            // The whole model's parts search, gone on with to the end.
            try WholeModelParts().run(&state, until: deadline)
            let values = state.wholeStart ?? start
            state.whole = (values, built.model.objectiveValue(values), false)
            state.clampBound()
            return
        }
        var options = state.options
        options.startingSolution = start
        // GLPK checks its time limit only now and then: a margin keeps the run within its limit.
        options.timeLimit = state.left(until: deadline).map {
            max(0, $0 - 0.2 - 0.02 * (state.options.timeLimit ?? 0))
        }
        let stop = StopFlag()
        let (solver, trail, relaxation) = (state.solver, state.partsTrail, state.relaxation)
        let parts =
            state.threads > 1
            ? Background { () -> Result<[Double], any Error> in
                Result {
                    try NeighbourhoodSearch(solver: solver, threads: 1, cancel: stop, resume: trail)
                        .guided(by: relaxation).improve(
                            built, start: start, deadline: deadline, progress: nil)
                }
            } : nil
        var result = try state.solver.solve(
            built.model, options: options, progress: state.reporter("whole model"), log: nil)
        stop.set()
        // The parts' search keeps only better rosters, so what it returns is never worse than the start.
        let beside = try parts?.result.get()
        let known = result.status == .optimal ? start : beside ?? start
        if result.values == nil || (result.objective ?? .infinity) > built.model.objectiveValue(known) {
            // The whole model found nothing better in time (or wrongly concluded there is no roster,
            // which a known roster disproves): the roster found so far, or beside it, stands.
            result.values = known
            result.status = .feasible
        }
        let objective = built.model.objectiveValue(result.values!)
        state.whole = (result.values!, objective, result.status == .optimal)
        state.clampBound()
        if let whole = result.bestBound, whole <= objective, whole > state.bound ?? -.infinity {
            state.bound = whole
            state.boundSource = .wholeModel
        }
    }
}
