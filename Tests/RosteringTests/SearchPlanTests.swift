import Foundation
import GLPKSolver
import LinearModel
import TestSupport
import Testing
import Workforce

@testable import Rostering

/// The search plan: steps run in turn until their shares of the time limit, steps that do not apply
/// are skipped, nothing runs once the best roster is proven optimal, and a plan composed of other
/// steps still returns a roster that keeps every hard rule.
@Suite struct SearchPlanTests {
    /// What the recording steps saw: each step's name and its deadline, in seconds from the start.
    final class Journal: @unchecked Sendable {
        var entries: [(name: String, seconds: Double?)] = []
    }

    /// A step that records when it runs, and until when.
    struct Recording: SearchStep {
        var name: String
        var fraction: Double?
        var journal: Journal

        func share(_ state: SearchState) -> Double? { fraction }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            journal.entries.append((name, deadline.map { ($0 - state.started).inSeconds }))
        }
    }

    /// A step that proves the best roster optimal, as a bound meeting its objective would.
    struct Proving: SearchStep {
        func share(_ state: SearchState) -> Double? { 0.5 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            state.bound = state.best.objective
            state.boundSource = .columnGeneration
        }
    }

    /// A step standing in for column generation's rounds: one that settles the master at once, or
    /// one that leaves it unsettled and runs until its deadline.
    struct Waiting: SearchStep {
        var settles: Bool

        func share(_ state: SearchState) -> Double? { 0.3 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            state.masterSettled = settles
            if !settles, let deadline { Thread.sleep(forTimeInterval: max(0, (deadline - .now).inSeconds)) }
        }
    }

    /// A step that knows a bound and reports its own steps through ``SearchState/reporter(_:)``: one
    /// without a bound, one with a higher bound and one with a lower.
    struct ReportsSteps: SearchStep {
        var bound: Double

        func share(_ state: SearchState) -> Double? { 0.5 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            state.bound = bound
            let report = try #require(state.reporter("own steps"))
            for own in [nil, bound + 1, bound - 1] {
                _ = report(
                    SolveProgress(
                        elapsed: 0, incumbent: state.best.objective, bestBound: own, nodes: 0, newIncumbent: true))
            }
        }
    }

    /// A step that records the best roster's objective when it runs, and until when it may run.
    struct SeesBest: SearchStep {
        var fraction: Double
        var journal: Journal

        func share(_ state: SearchState) -> Double? { fraction }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            journal.entries.append(("best", state.best.objective))
            journal.entries.append(("until", deadline.map { ($0 - state.started).inSeconds }))
        }
    }

    /// A step that records the whole model's start (``WholeModel/start(_:)``) beside the best roster's
    /// objective, after another step set a start (the first roster, completed).
    struct StartCheck: SearchStep {
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            let built = try #require(state.built)
            let start = try #require(try WholeModel.start(&state))
            journal.entries.append(("start", built.model.objectiveValue(start)))
            journal.entries.append(("best", state.best.objective))
        }
    }

    /// Sets the whole model's start to the current best roster, completed.
    struct StartNow: SearchStep {
        func share(_ state: SearchState) -> Double? { 0.1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            _ = try WholeModel.start(&state)
        }
    }

    /// An exact search that applies to no case (``ExactSearch``): person by person searches quickly
    /// only, and without a whole model, re-choosing several people at once follows it.
    static let noExact = ExactSearch(candidateLimit: 0)

    static func sample() throws -> Case {
        try #require(try (UInt64(10)..<40).lazy.compactMap { try NeighbourhoodSearchTests.sample(seed: $0) }.first)
    }

    @Test func stepsRunInTurnUntilTheirSharesAndThoseThatDoNotApplyAreSkipped() throws {
        let c = try Self.sample()
        let journal = Journal()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [
            Recording(name: "first", fraction: 0.2, journal: journal),
            Recording(name: "skipped", fraction: nil, journal: journal),
            Recording(name: "second", fraction: 0.5, journal: journal),
            Recording(name: "unlimited", fraction: 1, journal: journal),
        ])
        let run = try solver.solve(c, options: SolveOptions(timeLimit: 1000))
        #expect(journal.entries.map(\.name) == ["first", "second", "unlimited"])
        let seconds = journal.entries.map { $0.seconds ?? -1 }
        #expect(abs(seconds[0] - 200) < 1e-6 && abs(seconds[1] - 500) < 1e-6 && abs(seconds[2] - 1000) < 1e-6)
        // Recording steps find nothing: the roster is the first one, and keeps every hard rule.
        let evaluation = try #require(run.evaluation)
        #expect(evaluation.violations.isEmpty)
        #expect(run.status == .feasible && run.bestBound == nil)

        let untimed = Journal()
        solver.plan = SearchPlan(steps: [Recording(name: "only", fraction: 0.5, journal: untimed)])
        _ = try solver.solve(c, options: SolveOptions())
        #expect(untimed.entries.count == 1 && untimed.entries[0].seconds == nil)
    }

    @Test func nothingRunsOnceTheBestRosterIsProvenOptimal() throws {
        let c = try Self.sample()
        let journal = Journal()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [Proving(), Recording(name: "after", fraction: 0.9, journal: journal)])
        let run = try solver.solve(c, options: SolveOptions(timeLimit: 1000))
        #expect(journal.entries.isEmpty)
        #expect(run.status == .optimal && run.boundSource == .columnGeneration)
        #expect(run.bestBound == run.evaluation?.objective)
    }

    @Test func aPlanOfOtherStepsReturnsARosterNoWorseThanItsFirst() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions(timeLimit: 60)).evaluation)
        for steps: [any SearchStep] in [
            [PersonByPerson(exact: Self.noExact)], [SettleMaster(), PersonByPerson(exact: Self.noExact)],
        ] {
            solver.plan = SearchPlan(steps: steps)
            let evaluation = try #require(try solver.solve(c, options: SolveOptions(timeLimit: 60)).evaluation)
            #expect(evaluation.violations.isEmpty, "\(steps)")
            #expect(evaluation.objective <= first.objective + 1e-6, "\(steps)")
        }
    }

    /// Without a whole model, ruin and recreate runs after person by person and changes its roster
    /// (which is then evaluated and reported), in slices under a time limit and to its patience
    /// without one; the roster keeps every hard rule and is never worse than person by person's alone.
    @Test func ruinsAfterPersonByPersonKeepEveryRuleAndNeverWorsenTheRoster() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 2)
        solver.compactModelLimit = 0
        solver.plan = SearchPlan(steps: [PersonByPerson(exact: Self.noExact)])
        let alone = try #require(try solver.solve(c, options: SolveOptions()).evaluation)
        solver.plan = SearchPlan(steps: [
            PersonByPerson(exact: Self.noExact), RecreateRuins(exact: Self.noExact),
        ])
        for options in [SolveOptions(timeLimit: 20), SolveOptions()] {
            let phases = Journal()
            let run = try solver.solve(c, options: options) { step in
                phases.entries.append((step.phase ?? "", nil))
                return .proceed
            }
            let evaluation = try #require(run.evaluation)
            #expect(phases.entries.contains { $0.name == "re-choosing several people at once" }, "\(options)")
            #expect(evaluation.violations.isEmpty, "\(options)")
            #expect(evaluation.objective <= alone.objective + 1e-6, "\(options)")
        }
    }

    /// Without a whole model, sideways passes after person by person end by their own criteria
    /// without a time limit, repeat, keep every hard rule and never worsen person by person's roster,
    /// and lower some; with the whole model they do not run.
    @Test func sidewaysPassesAfterPersonByPersonLowerSomeRostersWithoutTheWholeModelOnly() throws {
        var lowered = 0
        for seed in UInt64(10)..<40 {
            guard let c = try NeighbourhoodSearchTests.sample(seed: seed) else { continue }
            for whole in [false, true] {
                var solver = CaseSolver(solver: GLPKSolver(), threads: 2)
                if !whole { solver.compactModelLimit = 0 }
                solver.plan = SearchPlan(steps: [PersonByPerson(exact: Self.noExact)])
                let alone = try #require(try solver.solve(c, options: SolveOptions()).evaluation, "seed \(seed)")
                solver.plan = SearchPlan(steps: [PersonByPerson(exact: Self.noExact), SidewaysPasses()])
                let run = try solver.solve(c, options: SolveOptions())
                let evaluation = try #require(run.evaluation, "seed \(seed)")
                #expect(evaluation.violations.isEmpty, "seed \(seed) whole \(whole)")
                #expect(evaluation.objective <= alone.objective + 1e-6, "seed \(seed) whole \(whole)")
                #expect(try solver.solve(c, options: SolveOptions()).roster == run.roster, "seed \(seed)")
                if whole {
                    #expect(
                        abs(evaluation.objective - alone.objective) < 1e-6, "seed \(seed): ran with the whole model")
                } else if evaluation.objective < alone.objective - 1e-6 {
                    lowered += 1
                }
            }
        }
        #expect(lowered >= 1, "sideways passes lowered no roster")
    }

    /// The bound a step saw.
    final class Seen: @unchecked Sendable {
        var bound: Double?
    }

    /// Two rounds of column generation, its master then taken as not settled; records the bound.
    struct RoundsSeen: SearchStep {
        var seen: Seen

        func share(_ state: SearchState) -> Double? { 0.2 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            try state.generation.settle(rounds: 2, exact: false, deadline: deadline)
            state.raiseBound(fromMaster: state.generation.bound)
            state.masterSettled = false
            seen.bound = state.bound
        }
    }

    /// Without a whole model, subgradient steps follow a master that has not settled and gave a
    /// bound above 0: they report their progress, keep the bound at least the rounds' and at most the
    /// best roster's objective; with the whole model, or without a bound, they do not run.
    @Test func theBoundIsRaisedWithoutTheWholeModelAfterAMasterThatHasNotSettled() throws {
        var raised = false
        for seed in UInt64(10)..<40 {
            guard let c = try NeighbourhoodSearchTests.sample(seed: seed) else { continue }
            for whole in [false, true] {
                var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
                if !whole { solver.compactModelLimit = 0 }
                let rounds = Seen()
                solver.plan = SearchPlan(steps: [RoundsSeen(seen: rounds), AscendBound()])
                let phases = Journal()
                let run = try solver.solve(c, options: SolveOptions(timeLimit: 30)) { step in
                    phases.entries.append((step.phase ?? "", step.bestBound))
                    return .proceed
                }
                let stepped = phases.entries.filter { $0.name == "raising the bound" }
                // No bound is a bound of 0: every term of the objective is non-negative.
                let (before, bound) = (rounds.bound ?? 0, run.bestBound ?? 0)
                #expect(stepped.isEmpty == (whole || before == 0), "seed \(seed) whole \(whole) bound \(before)")
                let objective = try #require(run.evaluation?.objective, "seed \(seed)")
                #expect(
                    bound >= before - 1e-9 && bound <= objective + 1e-6, "seed \(seed): \(before) \(bound) \(objective)"
                )
                if !whole && bound > before + 1e-6 * max(1, abs(before)) { raised = true }
            }
        }
        #expect(raised, "the steps raised no bound")
    }

    /// A step's own progress shows the search's bound where the step has none of its own (a parts
    /// search), and the higher of the two where it has (GLPK's branch-and-cut).
    @Test func stepsProgressShowsTheHigherOfItsOwnBoundAndTheSearchs() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [ReportsSteps(bound: 100)])
        let shown = Journal()
        _ = try solver.solve(c, options: SolveOptions(timeLimit: 10)) { step in
            if step.phase == "own steps" { shown.entries.append((step.phase ?? "", step.bestBound)) }
            return .proceed
        }
        #expect(shown.entries.map(\.seconds) == [100, 101, 100])
    }

    /// Beside a master that settles, nothing the improver found is offered, on one thread or two:
    /// the roster is the one the plan gives without it.
    @Test func improvingBesideASettledMasterOffersNothing() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions()).roster)
        for threads in [1, 2] {
            solver.threads = threads
            solver.plan = SearchPlan(steps: [ImproveAlongside(steps: [Waiting(settles: true)])])
            let roster = try #require(try solver.solve(c, options: SolveOptions()).roster)
            #expect(
                ColumnGenerationTests.sorted(roster.assignments) == ColumnGenerationTests.sorted(first.assignments),
                "\(threads) threads")
        }
    }

    /// Beside a master that does not settle, the improver's passes give person by person's roster on
    /// one thread; on two it re-solves parts of the roster too, and every roster it offers keeps every
    /// hard rule and none is worse than person by person's.
    @Test func improvingBesideAnUnsettledMasterOffersPersonByPersonsRosterOrBetter() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions()).roster)
        solver.plan = SearchPlan(steps: [PersonByPerson(exact: Self.noExact)])
        let aloneRun = try solver.solve(c, options: SolveOptions())
        let alone = try #require(aloneRun.roster)
        #expect(
            ColumnGenerationTests.sorted(alone.assignments) != ColumnGenerationTests.sorted(first.assignments),
            "person by person must change the first roster for this test to tell them apart")
        solver.plan = SearchPlan(steps: [ImproveAlongside(steps: [Waiting(settles: false)])])
        let one = try #require(try solver.solve(c, options: SolveOptions(timeLimit: 10)).roster)
        #expect(ColumnGenerationTests.sorted(one.assignments) == ColumnGenerationTests.sorted(alone.assignments))
        solver.threads = 2
        let phases = Journal()
        let two = try solver.solve(c, options: SolveOptions(timeLimit: 10)) { step in
            phases.entries.append((step.phase ?? "", step.incumbent))
            return .proceed
        }
        let evaluation = try #require(two.evaluation)
        #expect(evaluation.violations.isEmpty)
        #expect(evaluation.objective <= (aloneRun.evaluation?.objective ?? -1) + 1e-6)
        #expect(phases.entries.contains { $0.name == "improving person by person" })
    }

    /// The steps after the first run with the improver beside them, each until its own share where it
    /// applies; with two threads, what the improver found is offered only after the last of them, and
    /// only when the master has not settled (with one thread, its passes come right after the first step).
    @Test func stepsAfterTheFirstRunBesideTheImproverUntilTheirShares() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions()).evaluation).objective
        solver.plan = SearchPlan(steps: [PersonByPerson(exact: Self.noExact)])
        let alone = try #require(try solver.solve(c, options: SolveOptions()).evaluation).objective
        #expect(alone < first - 1e-6, "person by person must improve the first roster for this test")
        for threads in [1, 2] {
            for settles in [true, false] {
                let journal = Journal()
                solver.threads = threads
                solver.plan = SearchPlan(steps: [
                    ImproveAlongside(steps: [
                        Waiting(settles: settles), Recording(name: "skipped", fraction: nil, journal: journal),
                        SeesBest(fraction: 0.5, journal: journal),
                    ])
                ])
                let run = try solver.solve(c, options: SolveOptions(timeLimit: 20))
                let objective = try #require(run.evaluation).objective
                let label = "\(threads) threads, settles \(settles)"
                #expect(journal.entries.map(\.name) == ["best", "until"], "\(label)")
                #expect(abs((journal.entries.last?.seconds ?? 0) - 10) < 1e-6, "\(label)")
                let seen = journal.entries.first?.seconds ?? .nan
                if settles {
                    #expect(abs(seen - first) < 1e-6 && abs(objective - first) < 1e-6, "\(label)")
                } else if threads == 1 {
                    #expect(abs(seen - alone) < 1e-6 && abs(objective - alone) < 1e-6, "\(label)")
                } else {
                    #expect(abs(seen - first) < 1e-6 && objective <= alone + 1e-6, "\(label)")
                }
            }
        }
    }

    /// The whole model's start is the best roster's: a start left by an earlier, worse roster is not
    /// searched from once a better roster is found.
    @Test func theWholeModelStartsFromTheBestRosterNotAnEarlierOne() throws {
        let c = try Self.sample()
        let journal = Journal()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [StartNow(), PersonByPerson(exact: Self.noExact), StartCheck(journal: journal)])
        _ = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        let seen = Dictionary(journal.entries.map { ($0.name, $0.seconds ?? .nan) }) { a, _ in a }
        let start = try #require(seen["start"])
        let best = try #require(seen["best"])
        #expect(abs(start - best) <= 1e-4 * max(1, abs(best)), "start \(start), best roster \(best)")
    }

    /// The whole model's branch-and-cut with parts re-solved beside it on a second thread: a roster it
    /// proves optimal stands, so one thread and two give the same roster; cut short by the clock, the
    /// roster keeps every hard rule and is no worse than the first.
    @Test func theWholeModelWithPartsBesideItRepeatsWhenProvenAndNeverWorsens() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions()).evaluation)
        solver.plan = SearchPlan(steps: [WholeModel()])
        let one = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        solver.threads = 2
        let two = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        #expect(one.status == .optimal && two.status == .optimal)
        let (rosterOne, rosterTwo) = (try #require(one.roster), try #require(two.roster))
        #expect(
            ColumnGenerationTests.sorted(rosterOne.assignments) == ColumnGenerationTests.sorted(rosterTwo.assignments))
        let short = try #require(try solver.solve(c, options: SolveOptions(timeLimit: 0.5)).evaluation)
        #expect(short.violations.isEmpty)
        #expect(short.objective <= first.objective + 1e-6)
    }

    /// Two of the master's rounds: a master that is neither settled nor ready.
    struct TwoRounds: SearchStep {
        func share(_ state: SearchState) -> Double? { 0.5 }
        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            try state.generation.settle(rounds: 2, deadline: deadline)
        }
    }

    /// Without a whole model, person by person after a master that is not ready starts from the
    /// master's largest shares and then from the first roster: its roster keeps every hard rule, is
    /// never worse than the first roster nor than person by person's from the first roster alone
    /// (without a time limit, and only quick passes where no parts search follows), and the evaluator
    /// agrees with it.
    @Test func personByPersonFromAnUnreadyMasterKeepsEveryRule() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.compactModelLimit = 0
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions()).evaluation)
        // Before any round the master has no solution, so no shares to start from.
        solver.plan = SearchPlan(steps: [PersonByPerson(exact: Self.noExact)])
        let alone = try #require(try solver.solve(c, options: SolveOptions()).evaluation)
        solver.plan = SearchPlan(steps: [TwoRounds(), PersonByPerson(exact: Self.noExact)])
        let run = try solver.solve(c, options: SolveOptions())
        let (roster, evaluation) = (try #require(run.roster), try #require(run.evaluation))
        #expect(evaluation.violations.isEmpty)
        #expect(abs(Evaluator(c).evaluate(roster).objective - evaluation.objective) < 1e-6)
        #expect(evaluation.objective <= first.objective + 1e-6)
        #expect(evaluation.objective <= alone.objective + 1e-6)
    }

    @Test func raisingTheBoundGivesTheSettledMastersBoundWithoutAWholeModel() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.compactModelLimit = 0
        solver.plan = SearchPlan(steps: [SettleMaster()])
        let settled = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        solver.plan = SearchPlan(steps: [RaiseBound()])
        let raised = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        let bound = try #require(raised.bestBound)
        #expect(raised.boundSource == .columnGeneration)
        #expect(abs(bound - (settled.bestBound ?? -1)) <= 1e-6 * max(1, abs(bound)))
        #expect(bound <= (raised.evaluation?.objective ?? -1) + 1e-6)
    }

    /// Column generation's master after `rounds` quick rounds, then closed by exact rounds
    /// (``SettleMaster/close(_:forecast:until:)``): records whether the quick rounds had settled it,
    /// whether it ended settled (or proved the best roster optimal), its value and the run's bound.
    struct ClosesAfterQuickRounds: SearchStep {
        var rounds: Int
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            try state.generation.settle(rounds: rounds, exact: false, deadline: deadline)
            journal.entries.append(("quick settled", state.generation.converged ? 1 : 0))
            var forecast = SettlingForecast()
            try SettleMaster.close(&state, forecast: &forecast, until: deadline)
            journal.entries.append(("settled", state.generation.converged || state.isProven ? 1 : 0))
            journal.entries.append(("value", state.generation.value))
            journal.entries.append(("bound", state.bound))
        }
    }

    /// Exact rounds close a master its quick rounds left unsettled: it ends settled, at the value and
    /// bound of a master settled in full, and the bound is the master's value.
    @Test func exactRoundsCloseAMasterTheQuickRoundsLeftUnsettled() throws {
        let c = try Self.sample()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.compactModelLimit = 0
        solver.plan = SearchPlan(steps: [SettleMaster()])
        let settled = try #require(try solver.solve(c, options: SolveOptions()).bestBound)
        let journal = Journal()
        solver.plan = SearchPlan(steps: [ClosesAfterQuickRounds(rounds: 1, journal: journal)])
        let closed = try solver.solve(c, options: SolveOptions())
        let entries = Dictionary(uniqueKeysWithValues: journal.entries.map { ($0.name, $0.seconds) })
        #expect(entries["quick settled"] == 0)
        #expect(entries["settled"] == 1)
        let value = try #require(entries["value"] ?? nil)
        let bound = try #require(entries["bound"] ?? nil)
        #expect(abs(value - settled) <= 1e-6 * max(1, settled))
        #expect(abs(bound - settled) <= 1e-6 * max(1, settled))
        #expect(abs((closed.bestBound ?? -1) - settled) <= 1e-6 * max(1, settled))
    }

    /// Exact rounds close a master only when the forecast stopped its rounds once it tailed off and its
    /// bound is not within 1% of its value (``Dives/nearOptimum``).
    @Test func onlyAMasterStoppedTailedOffWithItsBoundFarBelowIsClosed() {
        #expect(SettleMaster.closes(stoppedTailedOff: true, value: 4041, bound: 1839))
        #expect(SettleMaster.closes(stoppedTailedOff: true, value: 100, bound: -952))
        #expect(!SettleMaster.closes(stoppedTailedOff: false, value: 4041, bound: 1839))
        #expect(!SettleMaster.closes(stoppedTailedOff: true, value: 1298.36, bound: 1294))
        #expect(!SettleMaster.closes(stoppedTailedOff: true, value: 1000, bound: 990))
        #expect(SettleMaster.closes(stoppedTailedOff: true, value: 1000, bound: 989))
    }

    /// A step that records the shares guiding the parts search: how many, and whether each is in [0, 1].
    struct SeesRelaxation: SearchStep {
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            journal.entries.append(("shares", state.relaxation.map { Double($0.count) }))
            journal.entries.append(
                ("inRange", state.relaxation.map { $0.allSatisfy { (-1e-9...1 + 1e-9).contains($0) } ? 1 : 0 }))
        }
    }

    /// With a master not ready to dive on, the whole model's linear relaxation gives the bound (its
    /// value, from the whole model) and a share of each candidate shift to guide the parts; after a
    /// settled master it does not run.
    @Test func theWholeModelsRelaxationBoundsAndGuidesWhenTheMasterIsNotReady() throws {
        let c = try Self.sample()
        let built = Formulation.build(c)
        let relaxation = try RoundedCoverTests.optimum(built.model, relaxed: true)
        let journal = Journal()
        var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
        solver.plan = SearchPlan(steps: [WholeRelaxation(), SeesRelaxation(journal: journal)])
        let run = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        #expect(run.boundSource == .wholeModel)
        #expect(abs((run.bestBound ?? .nan) - relaxation) <= 1e-6 * max(1, relaxation))
        #expect(relaxation > 0 && relaxation <= (run.evaluation?.objective ?? -1) + 1e-6)
        #expect(journal.entries.map(\.seconds) == [Double(built.candidates.all.count), 1])

        solver.plan = SearchPlan(steps: [Waiting(settles: true), WholeRelaxation()])
        let settled = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        #expect(settled.bestBound == nil)
    }

    /// A step that records the whole model's start (``SearchState/wholeStart``): its objective and
    /// whether it keeps every hard rule.
    struct SeesWholeStart: SearchStep {
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            let built = try #require(state.built)
            guard let start = state.wholeStart else { return }
            let hard = Evaluator(built.candidates.case).evaluate(built.roster(from: start)).violations
                .filter { $0.rule.kind == .hard }
            journal.entries.append(("start", built.model.objectiveValue(start)))
            journal.entries.append(("hard", Double(hard.count)))
        }
    }

    /// With two threads, a second dive on the relaxation (from its optimum found without the
    /// presolver) runs beside the first, and the cheaper roster is the whole model's start: never
    /// dearer than the one thread's (its dive is the first of the two), and keeping every hard rule.
    @Test func twoDivesOnTheRelaxationGiveAStartNoDearerThanOne() throws {
        var cases = 0
        for seed in UInt64(10)..<60 where cases < 4 {
            guard let c = try NeighbourhoodSearchTests.sample(seed: seed) else { continue }
            cases += 1
            var starts: [Int: Double] = [:]
            for threads in [1, 2] {
                let journal = Journal()
                var solver = CaseSolver(solver: GLPKSolver(), threads: threads)
                solver.plan = SearchPlan(steps: [WholeRelaxation(), SeesWholeStart(journal: journal)])
                _ = try solver.solve(c, options: SolveOptions(timeLimit: 600))
                let seen = { (name: String) -> Double? in journal.entries.first { $0.name == name }?.seconds ?? nil }
                guard let start = seen("start") else {
                    Issue.record("seed \(seed), \(threads) threads: no start")
                    continue
                }
                starts[threads] = start
                #expect(seen("hard") == 0, "seed \(seed), \(threads) threads")
            }
            let (one, two) = (try #require(starts[1]), try #require(starts[2]))
            #expect(two <= one + 1e-6 * max(1, one), "seed \(seed): two threads \(two), one \(one)")
        }
        #expect(cases == 4)
    }

    /// A step that records the relaxation as taking `seconds` to solve.
    struct SlowRelaxation: SearchStep {
        var seconds: Double

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            state.relaxationSeconds = seconds
        }
    }

    /// The whole model's branch-and-cut runs only where its relaxation took at most a tenth of the
    /// time left; otherwise parts are re-solved to the end: the roster keeps every hard rule and is no
    /// worse than the first, and the bound stays the relaxation's (the branch-and-cut, given the
    /// time, proves this case's optimum, above its relaxation).
    @Test func theWholeModelsTimeGoesToPartsWhereItsRelaxationIsSlow() throws {
        #expect(WholeModel.branchAndCutPays(relaxationSeconds: nil, secondsLeft: 10))
        #expect(WholeModel.branchAndCutPays(relaxationSeconds: 3, secondsLeft: nil))
        #expect(WholeModel.branchAndCutPays(relaxationSeconds: 1, secondsLeft: 10))
        #expect(!WholeModel.branchAndCutPays(relaxationSeconds: 3, secondsLeft: 16))
        let c = try Self.sample()
        let relaxation = try RoundedCoverTests.optimum(Formulation.build(c).model, relaxed: true)
        var solver = CaseSolver(solver: GLPKSolver(), threads: 2)
        solver.plan = SearchPlan(steps: [])
        let first = try #require(try solver.solve(c, options: SolveOptions()).evaluation)
        solver.plan = SearchPlan(steps: [WholeRelaxation(), WholeModel()])
        let proved = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        #expect(proved.status == .optimal)
        let optimum = try #require(proved.evaluation?.objective)
        #expect(relaxation < optimum - 1e-6 * max(1, optimum))
        solver.plan = SearchPlan(steps: [WholeRelaxation(), SlowRelaxation(seconds: 1000), WholeModel()])
        let parts = try solver.solve(c, options: SolveOptions(timeLimit: 600))
        let evaluation = try #require(parts.evaluation)
        #expect(evaluation.violations.filter { $0.rule.kind == .hard }.isEmpty)
        #expect(evaluation.objective <= first.objective + 1e-6)
        #expect(abs((parts.bestBound ?? .nan) - relaxation) <= 1e-6 * max(1, relaxation))
        #expect(parts.status != .optimal)
    }

    /// A step that sets how the master ended (settled, or only tailed off) and records whether the
    /// integer master then applies.
    struct SeesIntegerMaster: SearchStep {
        var settled: Bool
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            (state.masterSettled, state.masterTailedOff, state.divesFit) = (settled, !settled, true)
            journal.entries.append(("ready", state.masterReady ? 1 : 0))
            journal.entries.append(("integer master", IntegerMaster().share(state)))
        }
    }

    /// Person by person's exact search follows its quick one only in a case without the whole model
    /// of at most the exact search's candidate shifts; with the whole model, re-solving its parts gets
    /// its time, and in a larger case, re-choosing several people at once and re-solving parts do.
    @Test func personByPersonSearchesExactlyOnlyInACaseWithinTheExactSearchsLimit() throws {
        let c = try Self.sample()
        let candidates = CaseIndex(Candidates(c)).candidates.all.count
        for (whole, exactLimit, efforts) in [
            (true, Int.max, "quick"), (false, candidates, "quick, exact"), (false, candidates - 1, "quick"),
        ] {
            let journal = Journal()
            var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
            solver.compactModelLimit = whole ? Int.max : 0
            solver.plan = SearchPlan(steps: [
                SeesEfforts(step: PersonByPerson(exact: ExactSearch(candidateLimit: exactLimit)), journal: journal)
            ])
            _ = try solver.solve(c, options: SolveOptions(timeLimit: 600))
            #expect(journal.entries.map(\.name) == [efforts], "whole model \(whole), exact limit \(exactLimit)")
        }
    }

    /// Without a whole model, re-solving parts follows person by person whatever the case's size, and
    /// ruin and recreate comes before it only where person by person did not search exactly; with the
    /// whole model, neither applies.
    @Test func ruinsComeBeforeThePartsSearchOnlyWherePersonByPersonDidNotSearchExactly() throws {
        let c = try Self.sample()
        let candidates = CaseIndex(Candidates(c)).candidates.all.count
        for (whole, exactLimit, ruins, parts) in [
            (true, Int.max, nil, nil), (false, candidates, nil, 0.97), (false, candidates - 1, 0.97, 0.97),
        ] as [(Bool, Int, Double?, Double?)] {
            let journal = Journal()
            var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
            solver.compactModelLimit = whole ? Int.max : 0
            solver.plan = SearchPlan(steps: [
                SeesShare(step: RecreateRuins(exact: ExactSearch(candidateLimit: exactLimit)), journal: journal),
                SeesShare(step: PartsSearch(), journal: journal),
            ])
            _ = try solver.solve(c, options: SolveOptions(timeLimit: 600))
            #expect(
                journal.entries.map(\.seconds) == [ruins, parts], "whole model \(whole), exact limit \(exactLimit)")
        }
    }

    /// Records another step's share of the time.
    struct SeesShare: SearchStep {
        var step: any SearchStep
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            journal.entries.append(("\(type(of: step))", step.share(state)))
        }
    }

    /// Ruins end half way to the end of their share, at once when that has passed, and without a time
    /// limit only by their own patience.
    @Test func ruinsLeaveHalfTheirShareToThePartsSearch() {
        let now = ContinuousClock.now
        #expect(RecreateRuins.end(now: now, shareEnd: now + .seconds(30)) == now + .seconds(15))
        #expect(RecreateRuins.end(now: now, shareEnd: now - .seconds(1)) == now)
        #expect(RecreateRuins.end(now: now, shareEnd: nil) == nil)
    }

    /// Without a whole model, person by person's passes from a start go on until one changes nobody
    /// (it is the search's main improver there); with the whole model, for at most the default passes.
    @Test func personByPersonPassesUntilNoChangeOnlyWithoutTheWholeModel() throws {
        let c = try Self.sample()
        for (whole, passes) in [(true, FirstRoster.defaultPasses), (false, Int.max)] {
            let journal = Journal()
            var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
            solver.compactModelLimit = whole ? Int.max : 0
            solver.plan = SearchPlan(steps: [SeesPasses(step: PersonByPerson(exact: Self.noExact), journal: journal)])
            _ = try solver.solve(c, options: SolveOptions(timeLimit: 600))
            #expect(journal.entries.map(\.name) == ["\(passes)"], "whole model \(whole)")
        }
    }

    /// A run of passes is behind the one it races once its estimate after a pass is above the
    /// leader's after as many passes, or after the leader's last; without a leader it never is.
    @Test func aRaceOfPassesComparesEstimatesAfterAsManyPasses() {
        var race = PassRace()
        #expect(!race.isBehind(pass: 1, estimate: .infinity))
        for estimate in [100.0, 80, 70] { race.lead(estimate) }
        #expect(!race.isBehind(pass: 1, estimate: 90))
        #expect(!race.isBehind(pass: 1, estimate: 100))
        #expect(race.isBehind(pass: 1, estimate: 101))
        #expect(race.isBehind(pass: 2, estimate: 85))
        #expect(!race.isBehind(pass: 3, estimate: 70))
        #expect(race.isBehind(pass: 5, estimate: 71))
        #expect(!race.isBehind(pass: 5, estimate: 69))
    }

    /// Records the most passes person by person would make from one start.
    struct SeesPasses: SearchStep {
        var step: PersonByPerson
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            journal.entries.append(("\(step.passes(state))", nil))
        }
    }

    /// Records the oracle's searches person by person would run.
    struct SeesEfforts: SearchStep {
        var step: PersonByPerson
        var journal: Journal

        func share(_ state: SearchState) -> Double? { 1 }

        func run(_ state: inout SearchState, until deadline: ContinuousClock.Instant?) throws {
            journal.entries.append((step.efforts(state).map { "\($0)" }.joined(separator: ", "), nil))
        }
    }

    /// The integer master runs over a settled master's schedules, not over those of one that only
    /// tailed off, though dives run on both.
    @Test func theIntegerMasterNeedsASettledMaster() throws {
        let c = try Self.sample()
        for settled in [true, false] {
            let journal = Journal()
            var solver = CaseSolver(solver: GLPKSolver(), threads: 1)
            solver.plan = SearchPlan(steps: [SeesIntegerMaster(settled: settled, journal: journal)])
            _ = try solver.solve(c, options: SolveOptions(timeLimit: 600))
            #expect(journal.entries.map(\.seconds) == [1, settled ? 0.65 : nil], "settled \(settled)")
        }
    }
}
