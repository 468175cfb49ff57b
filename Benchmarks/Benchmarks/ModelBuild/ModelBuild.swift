import Benchmark
import GLPKSolver
import LinearModel

/// A generalised assignment MIP: `jobs` jobs to `agents` agents with capacities, seeded costs.
/// Time to build the model is measured apart from time to solve it.
func assignmentModel(agents: Int, jobs: Int) -> LinearModel {
    var state: UInt64 = 12345
    func next(_ range: ClosedRange<Int>) -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
    }
    var model = LinearModel(name: "gap-\(agents)x\(jobs)")
    var x: [[Variable]] = []
    for a in 0..<agents { x.append((0..<jobs).map { model.addVariable("x[\(a),\($0)]", kind: .binary) }) }
    for j in 0..<jobs { model.addConstraint("job[\(j)]", .sum((0..<agents).map { x[$0][j] }), .equal(1)) }
    var cost = LinearExpression()
    for a in 0..<agents {
        var load = LinearExpression()
        for j in 0..<jobs {
            load.add(x[a][j], next(5...25))
            cost.add(x[a][j], next(10...50))
        }
        model.addConstraint("capacity[\(a)]", load, .lessOrEqual(Double(jobs) * 15 / Double(agents) * 1.3))
    }
    model.setObjective(.minimize, cost)
    return model
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(10), maxIterations: 20)
    for (agents, jobs) in [(5, 40), (10, 100), (20, 400), (40, 2000)] {
        Benchmark("build \(agents)x\(jobs)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(assignmentModel(agents: agents, jobs: jobs)) }
        }
    }
    for (agents, jobs) in [(5, 40), (10, 100), (20, 400)] {
        let model = assignmentModel(agents: agents, jobs: jobs)
        Benchmark("solve \(agents)x\(jobs) (1% gap, 20 s limit)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try GLPKSolver().solve(model, options: SolveOptions(timeLimit: 20, relativeGap: 0.01)))
            }
        }
    }
}
