import GLPKSolver
import LinearModel
import Testing
import Workforce

@testable import Rostering

/// Diving on the whole model's linear relaxation (``RelaxationDive``): every roster it returns keeps
/// every hard rule, costs what the evaluator recomputes, and is no cheaper than the whole model's
/// optimum; handing over to the sub-solve at once, part way or never gives such a roster.
@Suite struct RelaxationDiveTests {
    @Test func everyRosterFromADiveKeepsTheHardRulesAndCostsNoLessThanTheOptimum() throws {
        var found: [Double: Int] = [:]
        var cases = 0
        for seed in UInt64(10)..<60 where cases < 6 {
            guard let c = try NeighbourhoodSearchTests.sample(seed: seed) else { continue }
            cases += 1
            let built = Formulation.build(c)
            let optimum = try RoundedCoverTests.optimum(built.model)
            for handOver in [0, 2.0 / 3, 1] {
                let session = try GLPKSolver().session(for: built.model)
                let relaxed = try session.solve(timeLimit: nil)
                let values = try #require(relaxed.values, "seed \(seed)")
                var dive = RelaxationDive(session: session, built: built, solver: GLPKSolver())
                dive.handOver = handOver
                guard
                    let roster = try dive.roster(
                        from: values, deadline: nil, subSolveSeconds: 60, completionLimit: nil)
                else { continue }
                found[handOver, default: 0] += 1
                let evaluation = Evaluator(c).evaluate(built.roster(from: roster))
                let objective = built.model.objectiveValue(roster)
                let what = "seed \(seed), hand-over \(handOver)"
                #expect(evaluation.violations.filter { $0.rule.kind == .hard }.isEmpty, "\(what)")
                #expect(abs(evaluation.objective - objective) <= 1e-3 * max(1, objective), "\(what)")
                #expect(objective >= optimum - 1e-6 * max(1, optimum), "\(what): \(objective) < \(optimum)")
            }
        }
        #expect(cases == 6)
        // A dive may bar its way to no roster; each way of ending found one in most cases.
        for handOver in [0, 2.0 / 3, 1] { #expect(found[handOver, default: 0] >= 5, "hand-over \(handOver): \(found)") }
    }
}
