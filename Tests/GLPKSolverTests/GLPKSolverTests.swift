import Foundation
import LinearModel
import Testing

@testable import GLPKSolver

@Suite struct LinearProgramTests {
    @Test func textbookOptimumAndDuals() throws {
        let (model, x, y) = Models.dantzig()
        let result = try GLPKSolver().solve(model)
        #expect(result.status == .optimal)
        #expect(abs(result.objective! - 36) < 1e-9)
        #expect(abs(result[x]! - 2) < 1e-9)
        #expect(abs(result[y]! - 6) < 1e-9)
        let duals = try #require(result.rowDuals)
        #expect(zip(duals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-9 })
        let reduced = try #require(result.reducedCosts)
        #expect(reduced.allSatisfy { abs($0) < 1e-9 })
        #expect(result.bestBound == result.objective)
        #expect(result.gap == 0)
    }

    @Test(arguments: [true, false]) func infeasibleLP(presolve: Bool) throws {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("atLeast", x + y, .greaterOrEqual(5))
        model.addConstraint("atMost", x + y, .lessOrEqual(3))
        model.setObjective(.minimize, x + y)
        let result = try GLPKSolver().solve(model, options: SolveOptions(presolve: presolve))
        #expect(result.status == .infeasible)
        #expect(result.values == nil)
    }

    @Test(arguments: [true, false]) func unboundedLP(presolve: Bool) throws {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("r", x - y, .lessOrEqual(1))
        model.setObjective(.maximize, x + y)
        let result = try GLPKSolver().solve(model, options: SolveOptions(presolve: presolve))
        #expect(result.status == .unbounded)
    }

    /// min -x s.t. x + y >= 1: unbounded, and GLPK's dual simplex starts from a basis that is neither
    /// primal feasible (x = y = 0 breaks the row) nor dual feasible (x's reduced cost is -1), so it
    /// proves only that the dual is infeasible.
    @Test(arguments: [true, false]) func unboundedLPFromABasisNeitherPrimalNorDualFeasible(presolve: Bool) throws {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("r", x + y, .greaterOrEqual(1))
        model.setObjective(.minimize, -LinearExpression(x))
        let result = try GLPKSolver().solve(model, options: SolveOptions(presolve: presolve))
        #expect(result.status == .unbounded)
        #expect(result.values == nil)
    }

    /// min -x s.t. 2 <= y <= 1: infeasible although x alone could fall without limit (the dual is
    /// infeasible too); infeasible is the answer, not unbounded.
    @Test(arguments: [true, false]) func infeasibleLPWithAnInfeasibleDual(presolve: Bool) throws {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("atLeast", LinearExpression(y), .greaterOrEqual(2))
        model.addConstraint("atMost", LinearExpression(y), .lessOrEqual(1))
        model.setObjective(.minimize, -LinearExpression(x))
        let result = try GLPKSolver().solve(model, options: SolveOptions(presolve: presolve))
        #expect(result.status == .infeasible)
        #expect(result.values == nil)
    }

    @Test func emptyModelIsSolvedWithoutGLPK() throws {
        var model = LinearModel()
        model.objectiveConstant = 4
        #expect(try GLPKSolver().solve(model).objective == 4)
        model.addConstraint("impossible", LinearExpression(), .greaterOrEqual(1))
        #expect(try GLPKSolver().solve(model).status == .infeasible)
    }
}

@Suite struct MixedIntegerTests {
    @Test(arguments: [true, false]) func knapsackMatchesBruteForce(presolve: Bool) throws {
        let result = try GLPKSolver().solve(Models.knapsack(), options: SolveOptions(presolve: presolve))
        #expect(result.status == .optimal)
        #expect(abs(result.objective! - Models.knapsackBruteForce()) < 1e-9)
        #expect(result.values!.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(result.rowDuals == nil)
    }

    @Test func assignmentMatchesBruteForce() throws {
        let result = try GLPKSolver().solve(Models.assignment(), options: SolveOptions(cuts: []))
        #expect(result.status == .optimal)
        #expect(abs(result.objective! - Models.assignmentBruteForce()) < 1e-9)
    }

    @Test func integerBoundsAreRoundedInward() throws {
        var model = LinearModel()
        let n = model.addVariable("n", kind: .integer, lower: 0.5, upper: 3.7)
        model.setObjective(.maximize, LinearExpression(n))
        #expect(try GLPKSolver().solve(model).objective == 3)
        model.setObjective(.minimize, LinearExpression(n))
        #expect(try GLPKSolver().solve(model).objective == 1)
    }

    @Test func fullyFixedMIPSolvesDespitePresolverQuirk() throws {
        // GLPK 5.0's presolver aborts on a MIP it reduces to no columns; the backend retries without it.
        var model = LinearModel()
        let a = model.addVariable("a", kind: .binary, lower: 1, upper: 1)
        let b = model.addVariable("b", kind: .integer, lower: 2, upper: 2)
        model.addConstraint("sum", a + b, .lessOrEqual(5))
        model.setObjective(.minimize, 3 * a + LinearExpression(b))
        let result = try GLPKSolver().solve(model)
        #expect(result.status == .optimal)
        #expect(result.objective == 5)
    }

    @Test func narrowedBinaryKeepsItsBounds() throws {
        var model = LinearModel()
        let b = model.addVariable("b", kind: .binary, lower: 1, upper: 1)
        model.setObjective(.minimize, LinearExpression(b))
        #expect(try GLPKSolver().solve(model).objective == 1)
    }

    @Test(arguments: [true, false]) func infeasibleMIP(presolve: Bool) throws {
        var model = LinearModel()
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 10)
        model.addConstraint("between", 2 * x, .range(3, 3.5))
        model.setObjective(.minimize, LinearExpression(x))
        #expect(try GLPKSolver().solve(model, options: SolveOptions(presolve: presolve)).status == .infeasible)
    }

    @Test(arguments: [true, false]) func unboundedMIP(presolve: Bool) throws {
        var model = LinearModel()
        let x = model.addVariable("x", kind: .integer)
        model.setObjective(.maximize, LinearExpression(x))
        #expect(try GLPKSolver().solve(model, options: SolveOptions(presolve: presolve)).status == .unbounded)
    }

    /// The LP relaxation (solved first without the MIP presolver) ends with only its dual proved
    /// infeasible, as in ``LinearProgramTests``; before, that was thrown as a failure of glp_simplex.
    @Test func mipWhoseRelaxationStartsNeitherPrimalNorDualFeasible() throws {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y", kind: .integer)
        model.addConstraint("r", x + y, .greaterOrEqual(1))
        model.setObjective(.minimize, -LinearExpression(x))
        #expect(try GLPKSolver().solve(model, options: SolveOptions(presolve: false)).status == .unbounded)
        model.addConstraint("atMost", LinearExpression(y), .lessOrEqual(-1))
        #expect(try GLPKSolver().solve(model, options: SolveOptions(presolve: false)).status == .infeasible)
    }

    @Test func timeLimitReturnsIncumbentAsFeasible() throws {
        let model = Models.hardKnapsack()
        let result = try GLPKSolver().solve(model, options: SolveOptions(timeLimit: 0.5, cuts: []))
        #expect(result.status == .feasible)
        #expect(result.termination == .timeLimit)
        let objective = try #require(result.objective)
        let bound = try #require(result.bestBound)
        #expect(bound >= objective - 1e-9)  // maximising: the bound lies above
        let values = try #require(result.values)
        #expect(abs(model.objectiveValue(values) - objective) < 1e-6)
        for (row, activity) in zip(model.rows, model.rowActivities(values)) { #expect(activity <= row.upper + 1e-6) }
        #expect(result.elapsed < 5)
    }

    @Test func gapLimitReportsFeasible() throws {
        let result = try GLPKSolver().solve(
            Models.hardKnapsack(), options: SolveOptions(timeLimit: 20, relativeGap: 0.2))
        #expect(result.status == .feasible)
        #expect(result.termination == .gapLimit)
        #expect(try #require(result.gap) <= 0.2 + 1e-9)
    }

    @Test func progressHandlerStopsTheSearch() throws {
        let reports = Box<[SolveProgress]>([])
        let result = try GLPKSolver().solve(
            Models.hardKnapsack(), options: SolveOptions(timeLimit: 30, cuts: [], progressInterval: 0),
            progress: { progress in
                reports.value.append(progress)
                return progress.incumbent == nil ? .proceed : .stop
            }, log: nil)
        #expect(result.status == .stopped)
        #expect(result.termination == .stoppedByCaller)
        #expect(result.values != nil)
        #expect(reports.value.last?.incumbent == result.objective)
        #expect(result.elapsed < 10)
    }

    @Test func logHandlerReceivesGLPKOutput() throws {
        let lines = Box<[String]>([])
        _ = try GLPKSolver().solve(
            Models.knapsack(), options: SolveOptions(messageLevel: .normal),
            progress: nil, log: { lines.value.append($0) })
        #expect(lines.value.joined().contains("mip ="))
    }
}

@Suite struct StartingSolutionTests {
    @Test func feasibleStartIsUsedAndOptimumFound() throws {
        let model = Models.knapsack()
        var start = [Double](repeating: 0, count: model.columns.count)
        start[0] = 1
        let result = try GLPKSolver().solve(model, options: SolveOptions(startingSolution: start))
        #expect(result.status == .optimal)
        #expect(abs(result.objective! - Models.knapsackBruteForce()) < 1e-9)
    }

    @Test func infeasibleStartIsRejectedNamingTheRow() throws {
        let model = Models.knapsack()
        let start = [Double](repeating: 1, count: model.columns.count)
        #expect { try GLPKSolver().solve(model, options: SolveOptions(startingSolution: start)) } throws: { error in
            "\(error)".contains("row 'capacity'")
        }
    }

    @Test func fractionalStartIsRejected() throws {
        let model = Models.knapsack()
        var start = [Double](repeating: 0, count: model.columns.count)
        start[2] = 0.5
        #expect { try GLPKSolver().solve(model, options: SolveOptions(startingSolution: start)) } throws: { error in
            "\(error)".contains("fractional") && "\(error)".contains("take[2]")
        }
    }
}

@Suite struct InvalidInputTests {
    @Test func invalidModelThrowsAndProcessSurvives() throws {
        var model = LinearModel()
        let x = model.addVariable("x", lower: 1, upper: 0)
        model.addConstraint("r", Double.infinity * x, .lessOrEqual(1))
        #expect(throws: ModelError.self) { try GLPKSolver().solve(model) }
        // The solver still works afterwards.
        #expect(try GLPKSolver().solve(Models.knapsack()).status == .optimal)
    }

    @Test(arguments: [
        SolveOptions(timeLimit: -1), SolveOptions(timeLimit: .nan), SolveOptions(relativeGap: -0.1),
        SolveOptions(relativeGap: .infinity), SolveOptions(startingSolution: [1]), SolveOptions(progressInterval: -1),
    ])
    func invalidOptionsThrow(options: SolveOptions) {
        #expect(throws: OptionsError.self) { try GLPKSolver().solve(Models.knapsack(), options: options) }
    }

    @Test func hugeTimeLimitIsClampedNotRejected() throws {
        let result = try GLPKSolver().solve(Models.knapsack(), options: SolveOptions(timeLimit: 1e12))
        #expect(result.status == .optimal)
    }

    @Test func glpkInternalErrorIsCaughtNotAborted() throws {
        #expect(throws: GLPKError.self) { try GLPKSolver.provokeInternalError() }
        // GLPK's environment on this thread was rebuilt: solving works again.
        #expect(try GLPKSolver().solve(Models.knapsack()).status == .optimal)
    }

    /// An internal error frees GLPK's environment on its thread, and every GLPK object made there
    /// before it: a session made before it says so when next used, rather than using a freed problem,
    /// whichever source file's guarded call raised the error (the C guard is one per thread for the
    /// whole program, not one per file that calls it).
    @Test func aSessionMadeBeforeAnInternalErrorSaysItsEnvironmentIsGone() throws {
        let session = try GLPKSession(Models.knapsack())
        #expect(try session.solve(timeLimit: nil).status == .optimal)
        let problem = GLPKProblem(capture: TerminalCapture(sink: nil))
        #expect(throws: GLPKError.self) { try GLPKSolver.provokeInternalError() }
        // The problem's own check, before any GLPK call (which might use freed memory unnoticed).
        #expect(throws: GLPKError.self) { _ = try problem.live("a check after the error") }
        #expect(throws: GLPKError.self) { _ = try session.solve(timeLimit: nil) }
        // A session made after it works.
        #expect(try GLPKSession(Models.knapsack()).solve(timeLimit: nil).status == .optimal)
    }
}

@Suite struct ModelFileTests {
    private func roundTrip(_ model: LinearModel, _ format: ModelFileFormat) throws -> LinearModel {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("roster-\(UUID().uuidString).\(format.rawValue)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(model, to: path, format: format)
        return try ModelFile.read(from: path, format: format)
    }

    @Test(arguments: ModelFileFormat.allCases) func roundTripReproducesOptimum(format: ModelFileFormat) throws {
        for model in [Models.knapsack(), Models.assignment(), Models.dantzig().0] {
            let original = try GLPKSolver().solve(model)
            let copy = try roundTrip(model, format)
            let reread = try GLPKSolver().solve(copy)
            #expect(reread.status == .optimal)
            #expect(abs(reread.objective! - original.objective!) < 1e-9, "\(model.name) via \(format)")
            #expect(copy.sense == model.sense)
            #expect(copy.columns.map(\.kind) == model.columns.map(\.kind))
        }
    }

    @Test func mpsKeepsReadableNames() throws {
        var (model, x, _) = Models.dantzig()
        model.addConstraint("x[ann,2025-03-04,N,kirkwall]", LinearExpression(x), .range(1, 3))
        let copy = try roundTrip(model, .freeMPS)
        #expect(copy.rows.map(\.name) == model.rows.map(\.name))
        #expect(copy.columns.map(\.name) == ["x", "y"])
        #expect(copy.rows[3].lower == 1 && copy.rows[3].upper == 3)
    }

    @Test func lpWritesBracketsAndHyphensAsParenthesesAndTildes() throws {
        var (model, x, _) = Models.dantzig()
        model.addConstraint("x[ann,2025-03-04,N,kirkwall]", LinearExpression(x), .lessOrEqual(3))
        #expect(try roundTrip(model, .cplexLP).rows.last?.name == "x(ann,2025~03~04,N,kirkwall)")
    }

    @Test func fileNamesEscapeWhatTheFormatCannotHoldAndTheEscapeItself() {
        let names = [
            "s 001", "s_001", "x[a,2025-03-04]", "#", "", "objective_constant", "s_001", "1st", "(a)~", "-r_1",
        ]
        #expect(
            FileNames.names(names, kind: "c", format: .cplexLP) == [
                "s#20001", "s_001", "x(a,2025~03~04)", "#23", "#c5", "objective_constant#c6", "s_001#c7", "#31st",
                "#28a#29#7E", "#2Dr_1",
            ])
        #expect(
            FileNames.names(names, kind: "r", format: .freeMPS) == [
                "s#20001", "s_001", "x[a,2025-03-04]", "#23", "#r5", "objective_constant#r6", "s_001#r7", "1st",
                "(a)~", "-r_1",
            ])
    }

    /// Columns and rows whose names GLPK's writers would merge (`x s 001` and `x s_001`, `[a]` and
    /// `(a)`), that its readers take for something else, that it would replace by its own names
    /// (`x_1`, `r_1`, `R0000000`; `~r_1` for a ranged row), that repeat, or that grow past 255 bytes
    /// when escaped.
    static let awkwardNames: [String] = [
        "x s 001", "x s_001", "[a]", "(a)", "a-b", "a~b", "x_1", "r_1", "~r_1", "-r_1", "", "", "R0000000", "'MARKER'",
        "objective_constant", "inf", "Infinity", "$a", "1st", ".a", "-a", "a#20b", "a b", "Siân", "dup", "dup",
        String(repeating: "a b", count: 84) + "1", String(repeating: "a b", count: 84) + "2",
    ]

    /// max the sum of x_j subject to rows x_j <= j + 1, every column and row named from `awkwardNames`:
    /// column j is j + 1 at the optimum.
    static func awkwardlyNamedModel() -> LinearModel {
        var model = LinearModel(name: "awkward names")
        let columns = awkwardNames.map { model.addVariable($0, objective: 1) }
        for (j, column) in columns.enumerated() {
            model.addConstraint(awkwardNames[j], LinearExpression(column), .lessOrEqual(Double(j + 1)))
        }
        model.sense = .maximize
        return model
    }

    @Test(arguments: ModelFileFormat.allCases) func distinctNamesStayDistinct(format: ModelFileFormat) throws {
        let model = Self.awkwardlyNamedModel()
        let copy = try roundTrip(model, format)
        #expect(copy.columns.count == model.columns.count)
        #expect(Set(copy.columns.map(\.name)).count == model.columns.count)
        #expect(copy.rows.count == model.rows.count)
        #expect(Set(copy.rows.map(\.name)).count == model.rows.count)
        #expect(copy.columns.allSatisfy { $0.name.utf8.count <= LinearModel.maximumNameLength })
        let result = try GLPKSolver().solve(copy)
        let n = Double(model.columns.count)
        #expect(result.status == .optimal)
        #expect(result.objective == n * (n + 1) / 2)
        #expect(result.values == (1...model.columns.count).map(Double.init))
    }

    /// GLPK's LP writer keeps an objective constant only as a comment, and its MPS reader takes the
    /// objective's right-hand side as the constant where CPLEX and HiGHS take its negative; both files
    /// carry the constant in a column fixed at 1 instead.
    @Test(arguments: ModelFileFormat.allCases) func objectiveConstantKeepsTheOptimum(format: ModelFileFormat) throws {
        var (lp, _, _) = Models.dantzig()
        lp.addToObjective(LinearExpression(constant: -7.5))
        var mip = Models.knapsack()
        mip.addToObjective(LinearExpression(constant: 2.25))
        for (model, optimum) in [(lp, 36 - 7.5), (mip, Models.knapsackBruteForce() + 2.25)] {
            let copy = try roundTrip(model, format)
            let constant = try #require(copy.columns.last)
            #expect(constant.name == "objective_constant" && constant.lower == 1 && constant.upper == 1)
            #expect(copy.objectiveConstant == 0)
            let result = try GLPKSolver().solve(copy)
            #expect(result.status == .optimal)
            #expect(abs(try #require(result.objective) - optimum) < 1e-9, "\(model.name) via \(format)")
        }
    }

    @Test func malformedFileGivesLocatedError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).lp").path
        try "Minimize\n obj: x + \nSubject To\n c1: x >= @\nEnd\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try ModelFile.read(from: path, format: .cplexLP) } throws: { error in
            "\(error)".contains(path) && "\(error)".contains(":3:")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: GLPKError.self) { try ModelFile.read(from: "/nonexistent/model.mps", format: .freeMPS) }
    }
}

@Suite struct ConcurrencyTests {
    @Test func separateThreadsAgreeWithSequentialSolves() throws {
        let capacities: [Double] = [40, 55, 70, 90, 110, 130]
        let sequential = try capacities.map { try GLPKSolver().solve(Models.knapsack(capacity: $0)).objective! }
        let concurrent = Box<[Double?]>(Array(repeating: nil, count: capacities.count))
        let lock = NSLock()
        var threads: [Thread] = []
        let done = DispatchGroup()
        for (index, capacity) in capacities.enumerated() {
            done.enter()
            let thread = Thread {
                let objective = try? GLPKSolver().solve(Models.knapsack(capacity: capacity)).objective
                lock.withLock { concurrent.value[index] = objective }
                done.leave()
            }
            threads.append(thread)
        }
        threads.forEach { $0.start() }
        done.wait()
        #expect(concurrent.value == sequential.map { Optional($0) })
        #expect(sequential == capacities.map { Models.knapsackBruteForce(capacity: $0) })
    }
}

/// A mutable box for collecting values from handlers in tests.
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
