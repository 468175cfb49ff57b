import Benchmark
import Foundation
import GLPKSolver
import LinearModel
import Rostering
import Workforce

/// The sample case shipped in Data/.
let sampleCase = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/orkney")

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)
    let big = try! generatedCase(staff: 1000, localities: 40)

    Benchmark("read+build sample case (Data/orkney)") { benchmark in
        for _ in benchmark.scaledIterations {
            let c = try CaseReader.read(folder: sampleCase).case
            blackHole(Formulation.build(c))
        }
    }
    Benchmark("read generated 1000-staff case") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try CaseReader.read(folder: big).case) }
    }
    let c = try! CaseReader.read(folder: big).case
    Benchmark("build model, generated 1000-staff 4-week case") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Formulation.build(c)) }
    }
    Benchmark(
        "first roster (every hard rule kept), generated 1000-staff 4-week case",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(300), maxIterations: 1)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let index = CaseIndex(Candidates(c))
            let first = FirstRoster(index)
            guard case .roster(let choices) = first.build(deadline: nil) else { fatalError("no first roster") }
            let roster = try RosterCompletion.roster(
                index, worked: first.worked(choices), solver: GLPKSolver(), timeLimit: 240)
            precondition(roster != nil, "no completion")
            blackHole(roster)
        }
    }
    Benchmark("first roster, sample case (Data/orkney)") { benchmark in
        let sample = try CaseReader.read(folder: sampleCase).case
        for _ in benchmark.scaledIterations {
            let index = CaseIndex(Candidates(sample))
            let first = FirstRoster(index)
            guard case .roster(let choices) = first.build(deadline: nil) else { fatalError("no first roster") }
            blackHole(
                try RosterCompletion.roster(index, worked: first.worked(choices), solver: GLPKSolver(), timeLimit: 60))
        }
    }
}
