import LinearModel
import Workforce

/// Improves a roster by re-solving parts of it (large-neighbourhood search): the shift columns
/// outside a neighbourhood are fixed to the current roster, the sub-model is solved, and a better
/// roster is kept. Neighbourhoods are windows of consecutive days (all staff) and teams of staff
/// by home locality group over half-month spans, visited in a fixed order until a whole pass
/// improves nothing or the deadline comes. Each is small enough for GLPK's presolver and
/// branch-and-cut to settle in a second or two on the sample case (teams over the whole month were
/// not: they often ended their step without any roster). Every roster kept is feasible, so the
/// search can stop at any time.
public struct NeighbourhoodSearch {
    public let solver: any Solver
    /// Days in a window neighbourhood.
    public var windowDays = 4
    /// Most staff in a team neighbourhood (larger home groups are split).
    public var groupSize = 12
    /// Days in a team neighbourhood's span.
    public var teamDays = 14
    /// Seconds one sub-solve may take at most.
    public var stepLimit = 4.0

    public init(solver: any Solver) { self.solver = solver }

    /// The neighbourhoods of a case: sets of shift-column indices to free.
    func neighbourhoods(_ r: RosterModel) -> [Set<Int>] {
        let c = r.candidates.case
        let days = c.days.count
        var result: [Set<Int>] = []
        let step = max(1, windowDays / 2)
        var start = 0
        while start < days {
            let window = start..<min(days, start + windowDays)
            result.append(Set(r.candidates.all.indices.filter { window.contains(r.candidates.all[$0].day) }))
            if start + windowDays >= days { break }
            start += step
        }
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (p, person) in c.staff.enumerated() {
            let key =
                c.localities.first { $0.id == person.homeLocality }.map { $0.group.isEmpty ? $0.id : $0.group }
                ?? person.homeLocality
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(p)
        }
        var teams: [Set<Int>] = []
        for key in order {
            let members = groups[key]!
            let parts = (members.count + groupSize - 1) / groupSize
            // Interleaved, so each part mixes people across the group's localities.
            for part in 0..<parts {
                teams.append(Set(members.enumerated().filter { $0.offset % parts == part }.map(\.element)))
            }
        }
        var byTeam: [Set<Int>] = []
        for spanStart in stride(from: 0, to: days, by: teamDays) {
            let span = spanStart..<min(days, spanStart + teamDays)
            for team in teams {
                byTeam.append(
                    Set(
                        r.candidates.all.indices.filter {
                            team.contains(r.candidates.all[$0].person) && span.contains(r.candidates.all[$0].day)
                        }))
            }
        }
        // Alternate day windows and staff teams.
        var mixed: [Set<Int>] = []
        for i in 0..<max(result.count, byTeam.count) {
            if i < result.count { mixed.append(result[i]) }
            if i < byTeam.count { mixed.append(byTeam[i]) }
        }
        return mixed.filter { !$0.isEmpty }
    }

    /// Returns column values at least as good as `start` (a feasible solution of `r.model`).
    public func improve(
        _ r: RosterModel, start: [Double], deadline: ContinuousClock.Instant?,
        progress: ((SolveProgress) -> ProgressAction)?
    ) throws -> [Double] {
        let clock = ContinuousClock()
        let begun = clock.now
        var current = start
        var best = r.model.objectiveValue(start)
        let areas = neighbourhoods(r)
        var sinceImprovement = 0
        var index = 0
        while sinceImprovement < areas.count, !SearchStop.isRequested {
            var limit = stepLimit
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let seconds = left.inSeconds
                if seconds < 0.5 { break }
                limit = min(limit, seconds)
            }
            let free = areas[index % areas.count]
            index += 1
            var model = r.model
            for (i, column) in r.shiftColumns.enumerated() where !free.contains(i) {
                let value = current[column.index].rounded()
                model.setBounds(column, lower: value, upper: value)
            }
            // Agency stays free only where the neighbourhood's shifts are: elsewhere it is fixed too.
            let places = Set(free.map { r.candidates.all[$0] }.map { [$0.day, $0.shift, $0.locality] })
            for (key, column) in r.agencyColumns where !places.contains([key.day, key.shift, key.locality]) {
                let value = current[column.index].rounded()
                model.setBounds(column, lower: value, upper: value)
            }
            let result = try solver.solve(
                model, options: SolveOptions(timeLimit: limit, relativeGap: 0.001),
                progress: nil, log: nil)
            if let values = result.values, let objective = result.objective, objective < best - 1e-6 * max(1, abs(best))
            {
                current = values
                best = objective
                sinceImprovement = 0
                let elapsed = clock.now - begun
                let report = SolveProgress(
                    elapsed: elapsed.inSeconds,
                    incumbent: best, bestBound: nil, nodes: 0, newIncumbent: true)
                if progress?(report) == .stop { break }
            } else {
                sinceImprovement += 1
            }
        }
        return current
    }
}
