import GLPKSolver
import LinearModel
import Testing
import Workforce

@testable import Rostering

/// The master's Lagrangian function away from the master's own duals (``MasterLagrangian``) and the
/// subgradient steps on it (``ColumnGeneration/ascend(target:deadline:stepDone:)``), on small random
/// cases (``RandomCase``) whose people's cheapest schedules the oracle proves.
@Suite struct MasterLagrangianTests {
    /// The random case of `seed` (demand hours on even seeds) with its first roster and column
    /// generation from it; `nil` when some person has no schedule.
    static func start(
        seed: UInt64
    ) throws -> (c: Case, index: CaseIndex, people: FirstRoster, first: [[Int?]], generation: ColumnGeneration)? {
        guard
            let (c, index, people, first) = try ColumnGenerationTests.withFirstRoster(seed: seed, hours: seed % 2 == 0)
        else { return nil }
        let generation = try ColumnGeneration(
            index, rules: people.rules, first: first, solver: GLPKSolver(), threads: 1)
        return (c, index, people, first, generation)
    }

    /// L at `duals` with each person's cheapest schedule proved there, and those schedules' entries;
    /// `nil` when the oracle proves no cheapest schedule for someone.
    static func exact(
        _ master: MasterProblem, _ lagrangian: MasterLagrangian, at duals: [Double]
    ) -> (value: Double, schedules: [[(row: RowHandle, coefficient: Double)]])? {
        var cheapest: [Double] = []
        var schedules: [[(row: RowHandle, coefficient: Double)]] = []
        for p in master.rules.indices {
            let result = ScheduleOracle(master.rules[p]).cheapest(master.pricing(p, duals: duals))
            guard case .optimal(let schedule) = result else { return nil }
            cheapest.append(schedule.cost)
            schedules.append(master.entries(person: p, schedule.choice))
        }
        return (lagrangian.value(at: duals, cheapest: cheapest), schedules)
    }

    /// The subgradient is one: at duals moved from the master's own, along it and along random
    /// directions, L(π') ≤ L(π) + g·(π' − π) (L is concave), and L is finite wherever
    /// ``MasterLagrangian/moved(_:along:step:)`` takes the duals (without fairness). Moving along it
    /// raises L somewhere.
    @Test func theSubgradientBoundsTheFunctionFromAbove() throws {
        var cases = 0
        var raised = 0
        var generator = SeededGenerator(seed: 48)
        for seed in UInt64(900)..<940 {
            guard let (_, _, _, _, generation) = try Self.start(seed: seed) else { continue }
            let master = generation.master
            let lagrangian = MasterLagrangian(master)
            let lp = try master.session.solve(timeLimit: nil)
            let start = try #require(lp.rowDuals, "seed \(seed)")
            guard let here = Self.exact(master, lagrangian, at: start) else { continue }
            cases += 1
            let gradient = lagrangian.subgradient(at: start, schedules: here.schedules)
            for convexity in master.convexity {
                #expect(gradient[convexity.index] == 0, "seed \(seed): a schedule row in the subgradient")
            }
            let norm = gradient.reduce(0) { $0 + $1 * $1 }
            var directions = [gradient]
            for _ in 0..<4 {
                directions.append(start.indices.map { _ in Double.random(in: -1...1, using: &generator) })
            }
            for (k, direction) in directions.enumerated() {
                for step in [1e-3, 0.1, 1, 10] {
                    let moved = lagrangian.moved(start, along: direction, step: step)
                    guard let there = Self.exact(master, lagrangian, at: moved) else { continue }
                    // Fairness's spread columns are unbounded with several entries: `moved` leaves them out.
                    if master.loadMax.isEmpty {
                        #expect(there.value.isFinite, "seed \(seed): L is not finite at the moved duals")
                    }
                    var rise = 0.0
                    for r in gradient.indices { rise += gradient[r] * (moved[r] - start[r]) }
                    #expect(
                        there.value <= here.value + rise + 1e-6 * max(1, abs(here.value)),
                        "seed \(seed) direction \(k) step \(step): L \(there.value) above \(here.value) + \(rise)")
                    if k == 0, norm > 0, there.value > here.value + 1e-9 * max(1, abs(here.value)) { raised += 1 }
                }
            }
        }
        #expect(cases >= 20, "only \(cases) cases")
        #expect(raised > 0, "no step along the subgradient raised L")
    }

    /// The steps never lower the bound nor take it above the master's linear optimum over every
    /// schedule (weak duality), and they raise it on some case after a first round.
    @Test func ascentRaisesTheBoundAndKeepsItValid() throws {
        var cases = 0
        var raised = 0
        for seed in UInt64(940)..<980 {
            guard let (c, index, people, first, settled) = try Self.start(seed: seed) else { continue }
            try settled.settle(deadline: nil)
            guard settled.converged, let optimum = settled.value else { continue }
            let generation = try ColumnGeneration(
                index, rules: people.rules, first: first, solver: GLPKSolver(), threads: 1)
            generation.smoothing = 0
            try generation.round(exact: true)
            let before = generation.bound
            let target = Evaluator(c).evaluate(
                Roster(assignments: ColumnGenerationTests.rows(index, people.rules, first))
            ).objective
            var reported: [Double] = []
            generation.ascend(target: max(target, optimum) + 1, deadline: nil) {
                reported.append($0)
                return true
            }
            cases += 1
            #expect(generation.bound >= before, "seed \(seed): the bound fell from \(before) to \(generation.bound)")
            #expect(
                generation.bound <= optimum + 1e-6 * max(1, abs(optimum)),
                "seed \(seed): bound \(generation.bound) above the master's optimum \(optimum)")
            #expect(reported.last == generation.bound, "seed \(seed): the last step reported \(reported)")
            if generation.bound > before + 1e-6 * max(1, abs(before)) { raised += 1 }
        }
        #expect(cases >= 15, "only \(cases) cases")
        #expect(raised > 0, "the steps raised no bound")
    }
}
