import Foundation
import LinearModel
import Workforce

/// Rosters the scenarios of a case, several at once, each with the same engine as `roster solve`.
///
/// The baseline (the case as it is) is rostered first: converting "the people whose conversion
/// helps most" looks at the demand the baseline roster left unmet or to agency, and each scenario's
/// search starts from the baseline roster (offered as a roster to keep where it still keeps every
/// rule, at no cost for changing it), so that scenarios differ by their levers more than by where
/// a time-limited search happened to end. A scenario that leaves the case as it is gets the
/// baseline's run. The scenarios are rostered `jobs` at a time, each on its own thread with
/// `threadsPerSolve` pricing threads, so a scenario's roster does not depend on how many run beside it.
public struct ScenarioRunner: Sendable {
    public let solver: any Solver
    public var options: SolveOptions
    /// Scenarios rostered at once.
    public var jobs: Int
    /// Pricing threads of each scenario's solve.
    public var threadsPerSolve: Int

    public init(solver: any Solver, options: SolveOptions, jobs: Int, threadsPerSolve: Int = 1) {
        self.solver = solver
        self.options = options
        self.jobs = max(1, jobs)
        self.threadsPerSolve = max(1, threadsPerSolve)
    }

    /// A scenario rostered: its case, its run (or the error that stopped it) and whom it converted.
    public struct Result: Sendable {
        public var scenario: Scenario
        public var scenarioCase: Case
        public var run: CaseRun?
        public var error: String?
        public var converted: [String]
    }

    /// Rosters `scenarios` (``Scenario/baselineID`` for the case as it is) of `base`, calling `done`
    /// with each result as it comes (from the solving thread), and returns them in the given order;
    /// after a stop (``SearchStop``) those not yet started are left out.
    public func run(
        _ base: Case, scenarios: [Scenario], done: @escaping @Sendable (Result) -> Void
    ) -> [Result] {
        let baseline =
            scenarios.isEmpty ? nil : solve(Scenario(id: Scenario.baselineID, levers: []), base, converted: [])
        let results = ResultBox(count: scenarios.count)
        // The baseline's own result is kept whatever happens next (even when a stop comes now).
        if let baseline {
            for index in scenarios.indices where scenarios[index].id == Scenario.baselineID {
                results.store(baseline, at: index)
                done(baseline)
            }
        }
        let finished = DispatchGroup()
        for _ in 0..<min(jobs, scenarios.count) {
            finished.enter()
            let worker = Thread {
                // After a stop, scenarios not yet started are not run (their folders keep what they had).
                while !SearchStop.isRequested, let index = results.next() {
                    let scenario = scenarios[index]
                    if scenario.id == Scenario.baselineID { continue }
                    var result: Result
                    let (scenarioCase, converted) = Self.prepare(scenario, base, baseline: baseline?.run?.evaluation)
                    if var same = baseline, scenarioCase == base {
                        same.scenario = scenario
                        result = same
                    } else {
                        var started = scenarioCase
                        if base.baseline == nil, let roster = baseline?.run?.roster {
                            started.baseline = roster.assignments
                            started.settings.changeWeight = 0
                        }
                        result = solve(scenario, started, converted: converted)
                        result.scenarioCase = scenarioCase
                    }
                    results.store(result, at: index)
                    done(result)
                }
                finished.leave()
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        finished.wait()
        return results.all
    }

    private func solve(_ scenario: Scenario, _ c: Case, converted: [String]) -> Result {
        do {
            let run = try CaseSolver(solver: solver, threads: threadsPerSolve).solve(c, options: options)
            return Result(scenario: scenario, scenarioCase: c, run: run, error: nil, converted: converted)
        } catch let error as CaseError {
            return Result(
                scenario: scenario, scenarioCase: c, run: nil,
                error: error.errors.map(\.description).joined(separator: "; "), converted: converted)
        } catch {
            return Result(scenario: scenario, scenarioCase: c, run: nil, error: "\(error)", converted: converted)
        }
    }

    /// The scenario's case: `base` with the levers applied in order, and the people converted.
    public static func prepare(_ scenario: Scenario, _ base: Case, baseline: Evaluation?) -> (Case, [String]) {
        var c = base
        var converted: [String] = []
        for lever in scenario.levers {
            guard case .convert(let from, let to, let share, let localities, let selection) = lever else {
                c = c.applying(lever)
                continue
            }
            let (candidates, count) = c.conversionCandidates(from: from, localities: localities, share: share)
            let gained = Set(c.roles.first { $0.id == to }?.competencies ?? [])
            var chosen: [Staff]
            switch selection {
            case .random(let seed):
                var random = SeededGenerator(seed: seed)
                chosen = Array(candidates.shuffled(using: &random).prefix(count))
            case .optimiser:
                chosen = Array(
                    candidates.enumerated().sorted { a, b in
                        let (scoreA, scoreB) = (help(a.element, gained, baseline), help(b.element, gained, baseline))
                        return scoreA != scoreB ? scoreA > scoreB : a.offset < b.offset
                    }
                    .prefix(count).map(\.element))
            }
            let ids = chosen.map(\.id)
            c = c.applying(lever, converting: ids)
            converted += ids
        }
        return (c, converted)
    }

    /// How much converting `person` may help: the baseline's unmet and agency hours of the
    /// competencies they would gain, in the localities they may work in.
    static func help(_ person: Staff, _ gained: Set<String>, _ baseline: Evaluation?) -> Double {
        guard let baseline else { return 0 }
        let places = Set(person.localities)
        var hours = 0.0
        for row in baseline.coverage
        where places.contains(row.demand.localityID) && gained.contains(row.demand.competencyID)
            && !person.holds(row.demand.competencyID)
        {
            hours += row.unmetHours + row.agencyHours
        }
        return hours
    }
}

/// Results filled in by several threads; also hands out the next index to work on.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ScenarioRunner.Result?]
    private var taken = 0

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ result: ScenarioRunner.Result, at index: Int) { lock.withLock { results[index] = result } }

    /// The next index no thread has taken yet, `nil` when all are.
    func next() -> Int? {
        lock.withLock {
            guard taken < results.count else { return nil }
            taken += 1
            return taken - 1
        }
    }

    var all: [ScenarioRunner.Result] { lock.withLock { results.compactMap { $0 } } }
}
