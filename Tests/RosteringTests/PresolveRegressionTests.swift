import Foundation
import GLPKSolver
import LinearModel
import Rostering
import TestSupport
import Testing
import Workforce

/// GLPK once called a feasible case infeasible: its MIP presolver (and its simplex without a start)
/// answered "no primal feasible solution" on this synthetic instance, shaped like Curtois & Qu's
/// first (8 nurses, 14 days, 56 to 72 hours each), while rosters exist. The cause was the hours rows'
/// bounds, offset by the spec's 1e-6 allowance (55.999999, 72.000001): GLPK's simplex ended with a
/// residual infeasibility of 5e-7 after its perturbation. The rows now hold the limits themselves.
@Suite struct PresolveRegressionTests {
    static let instance = """
        SECTION_HORIZON
        14
        SECTION_SHIFTS
        D,480,
        SECTION_STAFF
        A,D=14,4320,3360,5,2,2,1
        B,D=14,4320,3360,5,2,2,1
        C,D=14,4320,3360,5,2,2,1
        D,D=14,4320,3360,5,2,2,1
        E,D=14,4320,3360,5,2,2,1
        F,D=14,4320,3360,5,2,2,1
        G,D=14,4320,3360,5,2,2,1
        H,D=14,4320,3360,5,2,2,1
        SECTION_DAYS_OFF
        A,5
        B,2
        C,6
        D,10
        E,0
        F,1
        G,13
        H,8
        SECTION_SHIFT_ON_REQUESTS
        A,1,D,1
        A,5,D,3
        A,9,D,1
        B,0,D,2
        B,1,D,1
        B,6,D,1
        C,1,D,1
        C,8,D,3
        C,6,D,1
        D,3,D,3
        D,10,D,1
        D,12,D,3
        E,9,D,1
        E,6,D,1
        E,0,D,3
        F,13,D,2
        F,2,D,1
        F,4,D,3
        G,1,D,3
        G,9,D,3
        G,4,D,1
        H,1,D,3
        H,9,D,1
        H,12,D,2
        SECTION_SHIFT_OFF_REQUESTS
        SECTION_COVER
        0,D,3,100,1
        1,D,3,100,1
        2,D,3,100,1
        3,D,4,100,1
        4,D,6,100,1
        5,D,6,100,1
        6,D,5,100,1
        7,D,6,100,1
        8,D,6,100,1
        9,D,5,100,1
        10,D,5,100,1
        11,D,4,100,1
        12,D,4,100,1
        13,D,4,100,1

        """

    static func importedCase() throws -> Case {
        let folder = try Scratch.folder("presolve")
        try CurtoisImport.write(try CurtoisInstance.parse(instance, file: "synthetic.txt"), to: folder)
        return try CaseReader.read(folder: folder).case
    }

    @Test(arguments: [true, false])
    func glpkAloneFindsTheOptimumWithAndWithoutPresolve(presolve: Bool) throws {
        let c = try Self.importedCase()
        let built = Formulation.build(c)
        let result = try GLPKSolver().solve(built.model, options: SolveOptions(timeLimit: 60, presolve: presolve))
        #expect(result.status == .optimal)
        let values = try #require(result.values)
        let evaluation = Evaluator(c).evaluate(built.roster(from: values))
        #expect(evaluation.violations.isEmpty)
        #expect(abs(evaluation.objective - (result.objective ?? 0)) < 1e-6)
    }

    @Test func everyPersonHasASchedule() throws {
        let c = try Self.importedCase()
        #expect(Explanation(c).explain().isEmpty)
    }
}
