import GLPKSolver
import LinearModel
import Rostering
import TestSupport
import Testing

/// The options `CaseSolver` is given directly, as a library caller would: a time limit far beyond
/// any run and one that is not a number.
@Suite struct CaseSolverOptionsTests {
    /// One person, three days of 8 hours of demand at 10 an hour: 240 by working every early shift.
    static let files = CaseFiles.single(
        days: 3, staff: "staff_id,home_locality,competencies,hourly_cost\nann,home,care,10\n", demandHours: 8)

    @Test(arguments: [1e18, 1e30, .greatestFiniteMagnitude])
    func hugeTimeLimitRostersAsWithoutOne(limit: Double) throws {
        let c = try CaseFiles.read(Self.files)
        let run = try CaseSolver(solver: GLPKSolver(), threads: 1).solve(c, options: SolveOptions(timeLimit: limit))
        #expect(run.status == .optimal)
        #expect(run.evaluation?.objective == 240)
    }

    @Test(arguments: [Double.nan, .infinity, -1])
    func invalidTimeLimitIsRefused(limit: Double) throws {
        let c = try CaseFiles.read(Self.files)
        #expect(throws: OptionsError.self) {
            try CaseSolver(solver: GLPKSolver(), threads: 1).solve(c, options: SolveOptions(timeLimit: limit))
        }
    }
}
