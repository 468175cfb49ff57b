import Foundation
import GLPKSolver
import LinearModel
import Rostering
import TestSupport
import Workforce

/// Solves a case to optimality (small cases only) and returns the run.
func solve(_ c: Case, timeLimit: Double = 60) throws -> CaseRun {
    try CaseSolver(solver: GLPKSolver()).solve(c, options: SolveOptions(timeLimit: timeLimit))
}

/// Whether the model accepts exactly this roster: shift columns fixed to it, the rest solved.
func modelAccepts(_ built: RosterModel, _ roster: Set<Candidate>) throws -> Bool {
    var model = built.model
    for (i, candidate) in built.candidates.all.enumerated() {
        let value: Double = roster.contains(candidate) ? 1 : 0
        model.setBounds(built.shiftColumns[i], lower: value, upper: value)
    }
    return try GLPKSolver().solve(model).status == .optimal
}

/// Every roster of person 0: each day off or one of the candidate shifts.
func allRosters(_ built: RosterModel) -> [Set<Candidate>] {
    var rosters: [Set<Candidate>] = [[]]
    for day in built.candidates.case.days.indices {
        let options = built.candidates.byPersonDay[0][day].map { built.candidates.all[$0] }
        rosters = rosters.flatMap { roster in [roster] + options.map { roster.union([$0]) } }
    }
    return rosters
}

func assignments(_ built: RosterModel, _ roster: Set<Candidate>) -> [Assignment] {
    let c = built.candidates.case
    return roster.map {
        Assignment(
            staffID: c.staff[$0.person].id, day: c.days[$0.day], shiftID: c.shifts[$0.shift].id,
            localityID: c.localities[$0.locality].id)
    }
}
