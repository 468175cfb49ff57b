import Dispatch
import LinearModel
import Workforce

/// Improves a roster by re-solving parts of it (large-neighbourhood search): the shifts outside a
/// neighbourhood are fixed to the current roster, GLPK solves what is left, and a better roster is
/// kept. Every roster kept is feasible, so the search can stop at any time.
///
/// With the whole model, when several sub-solves of a batch improve the roster, the best one's roster
/// takes each other one's changes too where the combination keeps the hard rules and costs less
/// (``merged(_:_:_:free:solver:timeLimit:)``, a solve with every shift fixed: 0.06 s on the sample
/// case, where half the merges tried improved the roster; 148,043–150,865 in six runs at 60 s against
/// 149,255–149,836 in five without).
///
/// The neighbourhoods come from ``NeighbourhoodGenerator``s taken in turn (with a relaxation's
/// solution, ``guided(by:)``, also where the roster disagrees with it), each with its own size
/// (a share of all person-days) that adapts as OR-Tools' does: it grows after a sub-solve that ends
/// by its own criteria, and halves after one stopped by its time limit, so each kind settles at parts
/// GLPK mostly re-solves within a step (``growth``). The sub-solves of a batch start from the same
/// roster and run concurrently; the best of them is kept. A batch always holds at least two, so one
/// thread and two give the same search (only the time it takes differs) while every sub-solve ends by
/// its own criteria. Once a sub-solve has been stopped by its time limit, the search depends on the
/// clock anyway, and it goes on without batches: each sub-solve starts from the best roster so far as
/// soon as a thread is free. The search ends at the deadline, after ``patience`` sub-solves in a row
/// improve nothing, or when a neighbourhood of every shift is solved without improvement.
///
/// With the whole model, a neighbourhood is that model with columns fixed. Without it (a case too
/// large), a neighbourhood's model is built from the freed shifts and, elsewhere, only the roster's
/// own shifts, fixed: small whatever the size of the case.
public struct NeighbourhoodSearch {
    public let solver: any Solver
    /// Threads for the sub-solves.
    public var threads: Int
    var generators: [any NeighbourhoodGenerator] = [
        CoverGaps(), StaffTeam(), DayWindow(), StaffHorizon(), OvertimeMoves(),
    ]
    /// Seconds one sub-solve may take at most.
    public var stepLimit = 4.0
    /// Each generator's first size: about a week of everyone's days on a four-week horizon, or
    /// fewer when that would free more than ``firstShifts`` candidate shifts.
    var firstSize = 0.15
    /// Most candidate shifts the first neighbourhoods free (GLPK re-solves about that many in a second or two).
    var firstShifts = 1000
    /// How much a size grows after a sub-solve that ends by its own criteria. With halving after one
    /// stopped by its time limit, sizes settle where about one sub-solve in eight is stopped (log 1.1
    /// / (log 1.1 + log 2)), rather than one in four at 1.25: a stopped sub-solve takes the whole step
    /// limit and seldom returns a better roster (the sample case at 60 s, at 1.25: 67% of the
    /// sub-solves' time went to stopped ones). The sample case at 60 s, with the search unbatched once
    /// stopped: 147,408, 147,696 and 147,696 in three runs at 1.1, 148,056, 148,218 and 147,865 at
    /// 1.25; 148,449 at 1.1 with batches throughout.
    var growth = 1.1
    /// How much a size shrinks after a sub-solve stopped by its time limit, and after one that found
    /// no roster at all. Halving (rather than the growth's inverse) lets a size that was too large
    /// come down within a few steps: on ten cases at 60 s it gave better rosters on eight (instance
    /// 14: 2350 → 1926, instance 15: 7358 → 7042, the sample case 152,842 → 151,172).
    var shrinking = (stopped: 2.0, empty: 4.0)
    /// The search ends after this many sub-solves in a row improve nothing.
    var patience = 40
    /// The seed of the neighbourhoods' draws.
    var seed: UInt64 = 1
    /// Ends the search, and the sub-solve under way, once set (work beside another step that has ended).
    var cancel: StopFlag?
    /// Where an earlier search of the same case left off, to go on from; `nil`: ``firstSize`` and ``seed``.
    var resume: Trail?

    /// Where a search left off: each generator's size and the state of the draws. A search that goes
    /// on from it starts at the sizes the earlier one had settled at, rather than spending its first
    /// sub-solves on parts too large (the sample case's search beside the whole model's branch-and-cut
    /// took its first 8 s to come down from the first size). The sizes go with the generators in
    /// order: a search with a generator more (``guided(by:)``) takes them for its first ones and the
    /// first size for the last; one with fewer starts afresh.
    struct Trail: Sendable {
        var sizes: [Double]
        var random: SeededGenerator
    }

    /// A search that ends, with the sub-solve under way, once `cancel` is set, and goes on from
    /// `resume` (``Trail``).
    init(solver: any Solver, threads: Int = 1, cancel: StopFlag?, resume: Trail? = nil) {
        self.init(solver: solver, threads: threads)
        self.cancel = cancel
        self.resume = resume
    }

    public init(solver: any Solver, threads: Int = 1) {
        self.solver = solver
        self.threads = max(1, threads)
    }

    /// The search with parts also drawn where the roster disagrees with a linear relaxation whose
    /// share of each candidate shift is `shares` (``RelaxationDisagreement``); unchanged without one.
    func guided(by shares: [Double]?) -> Self {
        guard let shares else { return self }
        var search = self
        search.generators.append(RelaxationDisagreement(shares: shares))
        return search
    }

    /// Sub-solves per batch.
    var batch: Int { max(2, threads) }

    /// A roster of the search: its solution in the search's terms, objective, and what generators see of it.
    struct Incumbent<Solution: Sendable>: Sendable {
        var solution: Solution
        var objective: Double
        var shape: RosterShape
    }

    /// What one sub-solve found (`nil`: nothing) and whether it ended by its own criteria.
    typealias Step<Solution: Sendable> = (found: Incumbent<Solution>?, finished: Bool)

    /// Puts what another sub-solve changed (in the shifts it freed) into a roster found by one of the
    /// same batch, or into a roster found since the other started, within a time limit: the combined
    /// roster, or `nil` when it breaks a hard rule.
    typealias Merge<Solution: Sendable> = (
        _ base: Incumbent<Solution>, _ other: Incumbent<Solution>, _ free: Set<Int>, _ limit: Double
    ) throws -> Incumbent<Solution>?

    /// Returns column values at least as good as `start` (a feasible solution of `r.model`).
    public func improve(
        _ r: RosterModel, start: [Double], deadline: ContinuousClock.Instant?,
        progress: ((SolveProgress) -> ProgressAction)?
    ) throws -> [Double] {
        try improveLeavingTrail(r, start: start, deadline: deadline, progress: progress).values
    }

    /// As ``improve(_:start:deadline:progress:)``, with where the search left off.
    func improveLeavingTrail(
        _ r: RosterModel, start: [Double], deadline: ContinuousClock.Instant?,
        progress: ((SolveProgress) -> ProgressAction)?
    ) throws -> (values: [Double], trail: Trail) {
        let solver = solver
        let first = Incumbent(solution: start, objective: r.model.objectiveValue(start), shape: Self.shape(r, start))
        let cancel = cancel
        let merge: Merge<[Double]> = { base, other, free, limit in
            try Self.merged(r, base.solution, other.solution, free: free, solver: solver, timeLimit: limit).map {
                Incumbent(solution: $0.values, objective: $0.objective, shape: Self.shape(r, $0.values))
            }
        }
        let (found, trail) = try search(r.candidates, from: first, deadline: deadline, progress: progress, merge: merge)
        {
            free, current, limit in
            let result = try solver.solve(
                Self.subModel(r, free: free, current: current.solution),
                options: SolveOptions(timeLimit: limit, relativeGap: 0.001, progressInterval: 0.2),
                progress: cancel.map { flag in { _ in flag.isSet ? .stop : .proceed } }, log: nil)
            let finished = result.termination == .completed || result.termination == .gapLimit
            guard let values = result.values, let objective = result.objective else { return (nil, finished) }
            return (Incumbent(solution: values, objective: objective, shape: Self.shape(r, values)), finished)
        }
        return (found.solution, trail)
    }

    /// For a case without the whole model: returns each person's schedule (options of `rules`), at
    /// least as good as `start`, whose objective is `objective`, and where the search left off.
    func improveLeavingTrail(
        _ index: CaseIndex, rules: [ScheduleRules], start: [[Int?]], objective: Double,
        deadline: ContinuousClock.Instant?, progress: ((SolveProgress) -> ProgressAction)?
    ) throws -> (choices: [[Int?]], trail: Trail) {
        let solver = solver
        let first = Incumbent(
            solution: start, objective: objective, shape: RosterShape(worked: FirstRoster.worked(start, rules: rules)))
        let (found, trail) = try search(index.candidates, from: first, deadline: deadline, progress: progress) {
            free, current, limit in
            let part = Self.partModel(index, rules: rules, free: free, current: current.solution)
            let result = try solver.solve(
                part.model, options: SolveOptions(timeLimit: limit, relativeGap: 0.001), progress: nil, log: nil)
            let finished = result.termination == .completed || result.termination == .gapLimit
            guard let values = result.values, let objective = result.objective,
                let choices = Self.choices(part, values: values, index: index, rules: rules)
            else { return (nil, finished) }
            let shape = RosterShape(gaps: Self.gaps(part, values), worked: FirstRoster.worked(choices, rules: rules))
            return (Incumbent(solution: choices, objective: objective, shape: shape), finished)
        }
        return (found.solution, trail)
    }

    /// The search: batches of neighbourhoods around the incumbent, each re-solved by `solve` (given
    /// the shifts to free, the incumbent and a time limit) concurrently, until the deadline or
    /// ``patience`` sub-solves in a row improve nothing. Returns the best roster and where it left off.
    ///
    /// Once a sub-solve has been stopped by its time limit, the search goes on without batches
    /// (``searchUnbatched(_:_:deadline:progress:merge:solve:)``): its path depends on the clock from
    /// then on anyway, and a batch waits for its slowest sub-solve (on the sample case at 60 s, 29% of
    /// the two threads' time in the search went so).
    func search<Solution: Sendable>(
        _ candidates: Candidates, from start: Incumbent<Solution>, deadline: ContinuousClock.Instant?,
        progress: ((SolveProgress) -> ProgressAction)?, merge: Merge<Solution>? = nil,
        solve: @escaping @Sendable (Set<Int>, Incumbent<Solution>, Double) throws -> Step<Solution>
    ) throws -> (found: Incumbent<Solution>, trail: Trail) {
        let applying = generators.filter { $0.applies(to: candidates.case) }
        if applying.count < generators.count {
            var search = self
            search.generators = applying
            return try search.search(
                candidates, from: start, deadline: deadline, progress: progress, merge: merge, solve: solve)
        }
        let clock = ContinuousClock()
        let units = max(1, candidates.case.staff.count * candidates.case.days.count)
        let smallest = 1 / Double(units)
        let first = min(firstSize, Double(firstShifts) / Double(max(1, candidates.all.count)))
        var walk = Walk(
            current: start, sizes: generators.map { _ in max(smallest, first) }, random: SeededGenerator(seed: seed),
            smallest: smallest, begun: clock.now)
        if let resume, resume.sizes.count <= walk.sizes.count {
            walk.sizes.replaceSubrange(0..<resume.sizes.count, with: resume.sizes)
            walk.random = resume.random
        }
        let work = ParallelWork(threads: threads)
        var cut = false
        while !cut, isOpen(walk), let limit = timeLimit(walk, deadline: deadline) {
            let batchStart = clock.now
            let draws = (0..<batch).map { _ in draw(&walk, candidates) }
            let incumbent = walk.current
            let steps = work.map(Array(draws.indices)) { i in
                Result { try solve(draws[i].area, incumbent, limit) }
            }
            walk.overrun = max(0, (clock.now - batchStart).inSeconds - limit)
            var improving: [(found: Incumbent<Solution>, free: Set<Int>)] = []
            var wholeSearched = false
            for (position, outcome) in steps.enumerated() {
                let step = try Self.step(outcome)
                let area = draws[position].area
                cut = cut || !step.finished
                wholeSearched = wholeSearched || (step.finished && area.count == candidates.all.count)
                resize(&walk, draws[position].generator, after: step)
                if let found = step.found, Self.improves(found, on: walk.current) { improving.append((found, area)) }
            }
            // The best part's roster (the earliest of equals) first; with `merge`, each other improving
            // part's changes put in where that improves it (the parts re-solved the same roster; most
            // change different people).
            improving = improving.enumerated().sorted {
                ($0.element.found.objective, $0.offset) < ($1.element.found.objective, $1.offset)
            }.map(\.element)
            var improved = improving.first?.found
            if let merge, var merged = improved {
                var mergedFree = improving[0].free
                for (found, free) in improving.dropFirst() {
                    guard let left = timeLimit(walk, deadline: deadline) else { break }
                    if let both = try Self.merging(merge, merged, found, free.subtracting(mergedFree), left),
                        Self.improves(both, on: merged)
                    {
                        merged = both
                        mergedFree.formUnion(free)
                    }
                }
                improved = merged
            }
            guard let improved else {
                // A neighbourhood of everything, solved, found nothing better: nothing will.
                walk.ended = wholeSearched
                walk.sinceImprovement += batch
                continue
            }
            accept(&walk, improved, progress: progress)
        }
        if cut {
            try searchUnbatched(&walk, candidates, deadline: deadline, progress: progress, merge: merge, solve: solve)
        }
        return (walk.current, Trail(sizes: walk.sizes, random: walk.random))
    }

    /// The search after a sub-solve stopped by its time limit: up to ``threads`` sub-solves under way
    /// at once, each from the roster as it was when it started, the next started as soon as one ends.
    /// A part re-solved from a roster that has improved since is put into the improved roster with
    /// `merge` (its changes, where it freed shifts), or kept whole when that costs less. With one
    /// thread each sub-solve starts from the roster the one before left. A sub-solve's error is thrown
    /// once those under way have ended.
    private func searchUnbatched<Solution: Sendable>(
        _ walk: inout Walk<Solution>, _ candidates: Candidates, deadline: ContinuousClock.Instant?,
        progress: ((SolveProgress) -> ProgressAction)?, merge: Merge<Solution>?,
        solve: @escaping @Sendable (Set<Int>, Incumbent<Solution>, Double) throws -> Step<Solution>
    ) throws {
        typealias Ended = (
            started: Started<Solution>, outcome: Result<Step<Solution>, any Error>, seconds: Double
        )
        let ended = Completions<Ended>()
        // Better rosters found since this phase began.
        var version = 0
        var running = 0
        var failure: (any Error)?
        while true {
            while failure == nil, running < threads, isOpen(walk), let limit = timeLimit(walk, deadline: deadline) {
                let (generator, area) = draw(&walk, candidates)
                let started = Started<Solution>(
                    generator: generator, area: area, base: walk.current, version: version, limit: limit)
                let run: @Sendable () -> Void = {
                    let clock = ContinuousClock()
                    let begun = clock.now
                    let outcome = Result { try solve(started.area, started.base, started.limit) }
                    ended.add((started, outcome, (clock.now - begun).inSeconds))
                }
                running += 1
                if threads == 1 { run() } else { DispatchQueue.global().async(execute: run) }
            }
            guard running > 0 else { break }
            let (started, outcome, seconds) = ended.next()
            running -= 1
            // After an error, the sub-solves under way are only waited for.
            if failure != nil { continue }
            do {
                let step = try Self.step(outcome)
                walk.overrun = max(0, seconds - started.limit)
                resize(&walk, started.generator, after: step)
                var better: Incumbent<Solution>?
                if let found = step.found, Self.improves(found, on: started.base) {
                    better = found
                    if started.version != version, let merge, let left = timeLimit(walk, deadline: deadline),
                        let both = try Self.merging(merge, walk.current, found, started.area, left),
                        Self.improves(both, on: found)
                    {
                        better = both
                    }
                }
                if let better, Self.improves(better, on: walk.current) {
                    version += 1
                    accept(&walk, better, progress: progress)
                } else {
                    walk.sinceImprovement += 1
                    // A neighbourhood of everything, solved from the roster as it is, found nothing better.
                    walk.ended =
                        walk.ended
                        || (step.finished && started.version == version && started.area.count == candidates.all.count)
                }
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }

    /// A sub-solve under way: its generator, part, starting roster (and how many better rosters the
    /// unbatched search had found by then) and time limit.
    private struct Started<Solution: Sendable>: Sendable {
        var generator: Int
        var area: Set<Int>
        var base: Incumbent<Solution>
        var version: Int
        var limit: Double
    }

    /// A search under way: its roster, each generator's size, the draws, and whether it has ended.
    private struct Walk<Solution: Sendable> {
        var current: Incumbent<Solution>
        var sizes: [Double]
        var random: SeededGenerator
        /// Sub-solves in a row that improved nothing.
        var sinceImprovement = 0
        /// Neighbourhoods drawn so far (the generators are taken in turn).
        var taken = 0
        /// How long the last sub-solves took beyond their time limit (building the parts' models,
        /// GLPK's presolve), kept free before the deadline.
        var overrun = 0.0
        /// Set when nothing better can be found, or progress asked the search to stop.
        var ended = false
        /// Set when progress asked the search to stop: it is not called again (a sub-solve under way
        /// may still give a better roster, which is kept).
        var stopped = false
        /// The smallest size: one person-day.
        let smallest: Double
        let begun: ContinuousClock.Instant
    }

    /// Whether the search goes on: it has not ended, nor been stopped, and is within its patience.
    private func isOpen<Solution>(_ walk: Walk<Solution>) -> Bool {
        !walk.ended && walk.sinceImprovement < patience && !SearchStop.isRequested && !(cancel?.isSet ?? false)
    }

    /// The next sub-solve's (or merge's) time limit: ``stepLimit``, or what is left before the deadline
    /// (less the last overrun); `nil` when that is under half a second.
    private func timeLimit<Solution>(_ walk: Walk<Solution>, deadline: ContinuousClock.Instant?) -> Double? {
        guard let deadline else { return stepLimit }
        let seconds = ContinuousClock.now.duration(to: deadline).inSeconds - walk.overrun
        return seconds < 0.5 ? nil : min(stepLimit, seconds)
    }

    /// The next generator in turn and the part it frees around the search's roster.
    private func draw<Solution>(
        _ walk: inout Walk<Solution>, _ candidates: Candidates
    ) -> (generator: Int, area: Set<Int>) {
        let g = walk.taken % generators.count
        walk.taken += 1
        return (
            g,
            generators[g].neighbourhood(
                candidates, around: walk.current.shape, size: walk.sizes[g], random: &walk.random)
        )
    }

    /// Grows generator `g`'s size after a sub-solve that ended by its own criteria; shrinks it after
    /// one stopped by its time limit, more when it found nothing.
    private func resize<Solution>(_ walk: inout Walk<Solution>, _ g: Int, after step: Step<Solution>) {
        let shrink = step.found == nil ? shrinking.empty : shrinking.stopped
        walk.sizes[g] = step.finished ? min(1, walk.sizes[g] * growth) : max(walk.smallest, walk.sizes[g] / shrink)
    }

    /// Takes `better` as the search's roster and reports it, unless progress has asked to stop.
    private func accept<Solution>(
        _ walk: inout Walk<Solution>, _ better: Incumbent<Solution>, progress: ((SolveProgress) -> ProgressAction)?
    ) {
        walk.current = better
        walk.sinceImprovement = 0
        guard !walk.stopped else { return }
        let report = SolveProgress(
            elapsed: (ContinuousClock.now - walk.begun).inSeconds, incumbent: better.objective, bestBound: nil,
            nodes: 0, newIncumbent: true)
        if progress?(report) == .stop { (walk.ended, walk.stopped) = (true, true) }
    }

    /// A sub-solve's outcome; one the solver failed on (``SolverFailure``) found nothing and was not
    /// finished, and the search goes on: a part is one attempt among many at a better roster, and a
    /// run of instance 15 at 300 s once lost its roster to such a failure (GLPK's environment lost
    /// while loading a part).
    static func step<Solution>(_ outcome: Result<Step<Solution>, any Error>) throws -> Step<Solution> {
        do { return try outcome.get() } catch is any SolverFailure { return (nil, false) }
    }

    /// `merge`'s roster; `nil`, as for a combination that breaks a hard rule, when the solver fails.
    static func merging<Solution>(
        _ merge: Merge<Solution>, _ base: Incumbent<Solution>, _ other: Incumbent<Solution>, _ free: Set<Int>,
        _ limit: Double
    ) throws -> Incumbent<Solution>? {
        do { return try merge(base, other, free, limit) } catch is any SolverFailure { return nil }
    }

    /// Whether `found` costs less than `current`, beyond rounding.
    private static func improves<Solution>(_ found: Incumbent<Solution>, on current: Incumbent<Solution>) -> Bool {
        found.objective < current.objective - 1e-6 * max(1, abs(current.objective))
    }

    /// The solution of `r.model` that works the shifts of `base`, except in `free` (positions in the
    /// candidates), where it works those of `other`, with agency as in `other` where a shift of `free`
    /// is and as in `base` elsewhere; every other column (care split, unmet hours, rules' counts)
    /// re-solved. `nil` when that breaks a hard rule, or GLPK does not solve it within `timeLimit`.
    static func merged(
        _ r: RosterModel, _ base: [Double], _ other: [Double], free: Set<Int>, solver: any Solver,
        timeLimit: Double?
    ) throws -> (values: [Double], objective: Double)? {
        var values = base
        for i in free { values[r.shiftColumns[i].index] = other[r.shiftColumns[i].index] }
        let places = places(r, free)
        for (key, column) in r.agencyColumns where places.contains([key.day, key.shift, key.locality]) {
            values[column.index] = other[column.index]
        }
        let result = try solver.solve(
            subModel(r, free: [], current: values), options: SolveOptions(timeLimit: timeLimit), progress: nil,
            log: nil)
        guard result.status == .optimal, let merged = result.values, let objective = result.objective else {
            return nil
        }
        return (merged, objective)
    }

    /// The (day, shift, locality) of each shift in `free`: where agency goes with the freed shifts.
    private static func places(_ r: RosterModel, _ free: Set<Int>) -> Set<[Int]> {
        Set(free.map { r.candidates.all[$0] }.map { [$0.day, $0.shift, $0.locality] })
    }

    /// The model with every shift column outside `free` fixed to its value in `current`, and agency
    /// fixed except where a freed shift is.
    static func subModel(_ r: RosterModel, free: Set<Int>, current: [Double]) -> LinearModel {
        var model = r.model
        for (i, column) in r.shiftColumns.enumerated() where !free.contains(i) {
            let value = current[column.index].rounded()
            model.setBounds(column, lower: value, upper: value)
        }
        let places = places(r, free)
        for (key, column) in r.agencyColumns where !places.contains([key.day, key.shift, key.locality]) {
            let value = current[column.index].rounded()
            model.setBounds(column, lower: value, upper: value)
        }
        return model
    }

    /// The model of the shifts in `free` (positions in the index's candidates) and the shifts of
    /// `current` elsewhere, fixed.
    static func partModel(_ index: CaseIndex, rules: [ScheduleRules], free: Set<Int>, current: [[Int?]]) -> RosterModel
    {
        let all = index.candidates.all
        let freed = Set(free.map { all[$0] })
        let kept = freed.union(FirstRoster.worked(current, rules: rules).map { all[$0] })
        var part = Formulation.build(CaseIndex(Candidates(index.case, keeping: kept.contains)))
        for (i, column) in part.shiftColumns.enumerated() where !freed.contains(part.candidates.all[i]) {
            part.model.setBounds(column, lower: 1, upper: 1)
        }
        return part
    }

    /// Each person's schedule in a part's solution, as options of `rules`.
    static func choices(_ part: RosterModel, values: [Double], index: CaseIndex, rules: [ScheduleRules]) -> [[Int?]]? {
        let c = index.case
        var choices = Array(repeating: [Int?](repeating: nil, count: c.days.count), count: c.staff.count)
        for (i, column) in part.shiftColumns.enumerated() where values[column.index] > 0.5 {
            let shift = part.candidates.all[i]
            guard let position = index.candidates.index[shift],
                let option = rules[shift.person].options[shift.day].firstIndex(of: position)
            else { return nil }
            choices[shift.person][shift.day] = option
        }
        return choices
    }

    /// What generators see of a solution of `r.model`: its cover gaps and the shifts it works.
    static func shape(_ r: RosterModel, _ values: [Double]) -> RosterShape {
        RosterShape(
            gaps: gaps(r, values), worked: Set(r.shiftColumns.indices.filter { values[r.shiftColumns[$0].index] > 0.5 })
        )
    }

    /// The cover gaps of a solution of `r.model`: what its short and over cover costs, by place and shift.
    static func gaps(_ r: RosterModel, _ values: [Double]) -> [CoverGap] {
        var cost: [[Int]: Double] = [:]
        for (key, columns) in r.coverPenalties {
            let paid = columns.reduce(0) { $0 + values[$1.index] * r.model.objectiveCoefficients[$1.index] }
            if paid > 1e-9 { cost[[key.day, key.shift, key.locality], default: 0] += paid }
        }
        return cost.keys.sorted { $0.lexicographicallyPrecedes($1) }
            .map { CoverGap(day: $0[0], shift: $0[1], locality: $0[2], cost: cost[$0]!) }
    }
}
