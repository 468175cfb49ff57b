import Foundation
import GLPKSolver
import LinearModel
import Testing

/// `GLPKSession`: a linear program kept alive in GLPK, grown column by column as column generation
/// does. Every optimum below is computed by hand (derivations in the comments) and checked against a
/// from-scratch solve of the session's model.
@Suite struct SessionTests {
    // MARK: Helpers

    private static let tolerance = 1e-7

    private func close(_ value: Double?, _ expected: Double, _ tolerance: Double = SessionTests.tolerance) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    /// The issue kinds of the `ModelError` that `body` throws; `nil` if it throws nothing.
    private func modelErrorKinds(_ body: () throws -> Void) -> [ModelIssue.Kind]? {
        do {
            try body()
            return nil
        } catch let error as ModelError {
            return error.issues.map(\.kind)
        } catch {
            Issue.record("expected a ModelError, got \(type(of: error)): \(error)")
            return []
        }
    }

    /// Solves the session and a fresh GLPK problem built from `session.model`; both must be optimal
    /// and agree. Returns the session's result.
    @discardableResult
    private func solveAndCompare(
        _ session: any LinearProgramSession,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> SolveResult {
        let warm = try session.solve(timeLimit: nil)
        let cold = try GLPKSolver().solve(session.model)
        #expect(warm.status == .optimal, sourceLocation: sourceLocation)
        #expect(cold.status == .optimal, sourceLocation: sourceLocation)
        let (w, c) = (try #require(warm.objective), try #require(cold.objective))
        #expect(abs(w - c) <= Self.tolerance, "session \(w) vs from scratch \(c)", sourceLocation: sourceLocation)
        #expect(warm.values?.count == session.model.columns.count, sourceLocation: sourceLocation)
        #expect(warm.rowDuals?.count == session.model.rows.count, sourceLocation: sourceLocation)
        #expect(warm.reducedCosts?.count == session.model.columns.count, sourceLocation: sourceLocation)
        return warm
    }

    // MARK: Models

    /// Chvátal's production plan: max 5a + 4b + 3c subject to
    ///   r1: 2a + 3b +  c <= 5
    ///   r2: 4a +  b + 2c <= 11
    ///   r3: 3a + 4b + 2c <= 8,   a, b, c >= 0.
    /// Only `a` is in the model; `b` and `c` are added later (see `productionColumns`).
    /// - With a alone: a <= min(5/2, 11/4, 8/3) = 2.5, objective 12.5.
    /// - With a and b: still 12.5 (b's reduced cost 4 - 3 * 5/2 < 0 at r1's dual 5/2).
    /// - With a, b, c: optimum 13 at (a, b, c) = (2, 0, 1); duals (1, 0, 1) solve
    ///   2y1 + 3y3 = 5, y1 + 2y3 = 3 with y2 = 0 (r2 slack: 8 + 2 < 11); 5*1 + 8*1 = 13.
    private func productionModel() -> (LinearModel, Variable, [RowHandle]) {
        var model = LinearModel(name: "production")
        let a = model.addVariable("a", objective: 5)
        let r1 = model.addConstraint("r1", 2 * a, .lessOrEqual(5))
        let r2 = model.addConstraint("r2", 4 * a, .lessOrEqual(11))
        let r3 = model.addConstraint("r3", 3 * a, .lessOrEqual(8))
        model.sense = .maximize
        return (model, a, [r1, r2, r3])
    }

    private let productionColumns: [(name: String, objective: Double, coefficients: [Double])] = [
        ("b", 4, [3, 1, 4]),
        ("c", 3, [1, 2, 2]),
    ]

    /// The production plan with all three columns in the session.
    private func productionSession() throws -> (GLPKSession, [Variable], [RowHandle]) {
        let (model, a, rows) = productionModel()
        let session = try GLPKSession(model)
        var columns = [a]
        for column in productionColumns {
            columns.append(
                try session.addColumn(
                    column.name, lower: 0, upper: .infinity, objective: column.objective,
                    entries: zip(rows, column.coefficients).map { ($0, $1) }))
        }
        return (session, columns, rows)
    }

    /// Minimum-cost covering: min 2x + 3y subject to
    ///   A: x +  y >= 4
    ///   B: x + 3y >= 6,   x, y >= 0.
    /// Optimum 9 at (3, 1) (both rows tight: 2y = 2). Duals: uA + uB = 2, uA + 3uB = 3, so
    /// uB = 0.5, uA = 1.5 (both >= 0, as GLPK reports for >= rows when minimising); 4*1.5 + 6*0.5 = 9.
    private func coveringModel() -> (LinearModel, Variable, Variable, RowHandle, RowHandle) {
        var model = LinearModel(name: "covering")
        let x = model.addVariable("x", objective: 2)
        let y = model.addVariable("y", objective: 3)
        let a = model.addConstraint("A", x + y, .greaterOrEqual(4))
        let b = model.addConstraint("B", x + 3 * y, .greaterOrEqual(6))
        return (model, x, y, a, b)
    }

    // MARK: Growing a session

    @Test func columnsAddedOneByOneMatchFromScratchSolves() throws {
        let (model, a, rows) = productionModel()
        let session = try GLPKSession(model)
        #expect(session.model == model)

        let first = try solveAndCompare(session)
        #expect(close(first.objective, 12.5))
        #expect(close(first[a], 2.5))
        #expect(first.rowDuals.map { zip($0, [2.5, 0, 0]).allSatisfy { abs($0 - $1) < 1e-9 } } == true)

        let expectedAfter: [Double] = [12.5, 13]
        var added: [Variable] = []
        for (column, expected) in zip(productionColumns, expectedAfter) {
            let variable = try session.addColumn(
                column.name, lower: 0, upper: .infinity, objective: column.objective,
                entries: zip(rows, column.coefficients).map { ($0, $1) })
            #expect(variable.index == added.count + 1)
            #expect(session.model.columns.count == added.count + 2)
            #expect(session.model.columns[variable.index].name == column.name)
            #expect(session.model.objectiveCoefficients[variable.index] == column.objective)
            for (row, coefficient) in zip(rows, column.coefficients) {
                #expect(session.model.rows[row.index].terms.last == Term(variable, coefficient))
            }
            added.append(variable)
            let result = try solveAndCompare(session)
            #expect(close(result.objective, expected), "after adding \(column.name)")
        }

        let final = try solveAndCompare(session)
        #expect(close(final.objective, 13))
        #expect(close(final[a], 2) && close(final[added[0]], 0) && close(final[added[1]], 1))
        #expect(close(final.dual(rows[0]), 1) && close(final.dual(rows[1]), 0) && close(final.dual(rows[2]), 1))
        #expect(final.bestBound == final.objective)
        #expect(session.model.sense == .maximize)
    }

    @Test func sessionCanStartWithoutColumns() throws {
        // Rows only: nothing can cover A or B, so the LP is infeasible (a result, not an error).
        var model = LinearModel(name: "empty master")
        let a = model.addConstraint("A", LinearExpression(), .greaterOrEqual(4))
        let b = model.addConstraint("B", LinearExpression(), .greaterOrEqual(6))
        let session = try GLPKSolver().session(for: model)
        let empty = try session.solve(timeLimit: nil)
        #expect(empty.status == .infeasible)
        #expect(empty.objective == nil)

        try session.addColumn("x", lower: 0, upper: .infinity, objective: 2, entries: [(a, 1), (b, 1)])
        let onlyX = try solveAndCompare(session)
        #expect(close(onlyX.objective, 12))  // x >= max(4, 6)
        try session.addColumn("y", lower: 0, upper: .infinity, objective: 3, entries: [(a, 1), (b, 3)])
        #expect(close(try solveAndCompare(session).objective, 9))
    }

    @Test func columnWithoutEntriesAndColumnWithPositiveLowerBound() throws {
        let (model, _, _, rowA, _) = coveringModel()
        let session = try GLPKSession(model)
        #expect(close(try solveAndCompare(session).objective, 9))

        // A column in no row with cost -1 and upper bound 2 takes its upper bound: 9 - 2 = 7.
        let free = try session.addColumn("bonus", lower: 0, upper: 2, objective: -1, entries: [])
        let withBonus = try solveAndCompare(session)
        #expect(close(withBonus.objective, 7))
        #expect(close(withBonus[free], 2))

        // A column forced to at least 1, cost 5, covering A once: A becomes x + y >= 3 with B unchanged,
        // so x + y = 3, x + 3y = 6 give (1.5, 1.5) and cost 7.5; plus 5 and the bonus -2: 10.5.
        let forced = try session.addColumn("forced", lower: 1, upper: .infinity, objective: 5, entries: [(rowA, 1)])
        let withForced = try solveAndCompare(session)
        #expect(close(withForced.objective, 10.5))
        #expect(close(withForced[forced], 1))
    }

    // MARK: Duals and reduced costs

    @Test func dualsAndReducedCostsOfAddedColumns() throws {
        let (model, x, y, rowA, rowB) = coveringModel()
        let session = try GLPKSolver().session(for: model)
        let first = try solveAndCompare(session)
        #expect(close(first.objective, 9))
        #expect(close(first[x], 3) && close(first[y], 1))
        let (uA, uB) = (try #require(first.dual(rowA)), try #require(first.dual(rowB)))
        #expect(close(uA, 1.5) && close(uB, 0.5))
        #expect(uA >= 0 && uB >= 0)
        #expect(first.dual(rowA) == first.rowDuals?[0] && first.dual(rowB) == first.rowDuals?[1])
        #expect(close(first.reducedCosts?[x.index], 0) && close(first.reducedCosts?[y.index], 0))

        // A dear column covering A and B once each: reduced cost 3 - 1.5 - 0.5 = 1 > 0, nothing changes.
        let dearCost = 3.0
        let dearPredicted = dearCost - (uA * 1 + uB * 1)
        #expect(close(dearPredicted, 1))
        let dear = try session.addColumn(
            "dear", lower: 0, upper: .infinity, objective: dearCost,
            entries: [(rowA, 1), (rowB, 1)])
        let second = try solveAndCompare(session)
        #expect(close(second.objective, 9))
        #expect(close(second[dear], 0))
        #expect(close(second.reducedCosts?[dear.index], dearPredicted))
        #expect(close(second.dual(rowA), 1.5) && close(second.dual(rowB), 0.5))

        // A cheap column covering A and B once each: reduced cost 1.5 - 2 = -0.5 < 0, the objective drops.
        // New optimum: y and cheap with cheap + y = 4, cheap + 3y = 6, so y = 1, cheap = 3: 3 + 4.5 = 7.5.
        // New duals: uA + uB = 1.5 (cheap), uA + 3uB = 3 (y), so uA = uB = 0.75; 4*0.75 + 6*0.75 = 7.5.
        let cheapCost = 1.5
        let cheapPredicted = cheapCost - (uA * 1 + uB * 1)
        #expect(close(cheapPredicted, -0.5))
        let cheap = try session.addColumn(
            "cheap", lower: 0, upper: .infinity, objective: cheapCost,
            entries: [(rowA, 1), (rowB, 1)])
        let third = try solveAndCompare(session)
        #expect(try #require(third.objective) < 9 - 1e-6)
        #expect(close(third.objective, 7.5))
        #expect(close(third[cheap], 3) && close(third[y], 1) && close(third[x], 0))
        #expect(close(third.dual(rowA), 0.75) && close(third.dual(rowB), 0.75))

        // Every reduced cost is cost - sum(dual * coefficient) with the new duals:
        // x: 2 - 1.5 = 0.5, y: 0, dear: 3 - 1.5 = 1.5, cheap: 0.
        let duals = try #require(third.rowDuals)
        let reduced = try #require(third.reducedCosts)
        for (index, expected) in [0.5, 0, 1.5, 0].enumerated() {
            var computed = session.model.objectiveCoefficients[index]
            for row in session.model.rows.indices {
                for term in session.model.rows[row].terms where term.variable.index == index {
                    computed -= duals[row] * term.coefficient
                }
            }
            #expect(close(computed, expected), "column \(index) by formula")
            #expect(close(reduced[index], expected), "column \(index) from GLPK")
        }
    }

    @Test func dualsAreNilWithoutASolution() throws {
        var model = LinearModel()
        let x = model.addVariable("x", upper: 1)
        let row = model.addConstraint("impossible", LinearExpression(x), .greaterOrEqual(2))
        let session = try GLPKSession(model)
        let result = try session.solve(timeLimit: nil)
        #expect(result.status == .infeasible)
        #expect(result.dual(row) == nil)
        #expect(result.values == nil)
    }

    /// min -x with x <= 10 and x + y >= 1 is optimal at x = 10; freeing x's upper bound makes it
    /// unbounded. The bound change puts x at 0 (breaking the row) with reduced cost -1, so the session
    /// re-solves from a basis neither primal nor dual feasible.
    @Test func unboundedAfterABoundChange() throws {
        var model = LinearModel()
        let x = model.addVariable("x", upper: 10)
        let y = model.addVariable("y", upper: 10)
        model.addConstraint("r", x + y, .greaterOrEqual(1))
        model.setObjective(.minimize, -LinearExpression(x))
        let session = try GLPKSession(model)
        #expect(close(try session.solve(timeLimit: nil).objective, -10))
        try session.setBounds(x, lower: 0, upper: .infinity)
        let result = try session.solve(timeLimit: nil)
        #expect(result.status == .unbounded)
        #expect(result.values == nil)
    }

    /// The same start, but y's new bounds [0, 1] break y >= 2 as well: infeasible, not unbounded.
    @Test func infeasibleAfterABoundChangeWhileTheDualIsInfeasible() throws {
        var model = LinearModel()
        let x = model.addVariable("x", upper: 10)
        let y = model.addVariable("y", upper: 10)
        model.addConstraint("r", LinearExpression(y), .greaterOrEqual(2))
        model.setObjective(.minimize, -LinearExpression(x))
        let session = try GLPKSession(model)
        #expect(close(try session.solve(timeLimit: nil).objective, -10))
        try session.setBounds(x, lower: 0, upper: .infinity)
        try session.setBounds(y, lower: 0, upper: 1)
        #expect(try session.solve(timeLimit: nil).status == .infeasible)
    }

    // MARK: Column generation

    /// Cutting stock: rolls of width 10, items of widths 3, 4, 5 with demands 9, 5, 7.
    ///
    /// LP bound 8.25, by hand: the duals u = (1/4, 1/2, 1/2) are feasible for every pattern
    /// (3a + 4b + 5c <= 10 implies a/4 + b/2 + c/2 <= 1: (3,0,0) 0.75, (2,1,0) 1, (0,2,0) 1, (1,0,1) 0.75,
    /// (0,1,1) 1, (0,0,2) 1, and the rest are dominated), giving the dual value 9/4 + 5/2 + 7/2 = 8.25;
    /// the patterns (2,1,0) x 4.5, (0,1,1) x 0.5, (0,0,2) x 3.25 cover (9, 5, 7) exactly with 8.25 rolls.
    private static let rollWidth = 10
    private static let itemWidths = [3, 4, 5]
    private static let demands: [Double] = [9, 5, 7]
    private static let lpBound = 8.25

    /// Every non-empty pattern that fits a roll.
    private static func allPatterns() -> [[Int]] {
        var patterns: [[Int]] = []
        func extend(_ prefix: [Int], _ used: Int) {
            if prefix.count == itemWidths.count {
                if prefix.contains(where: { $0 > 0 }) { patterns.append(prefix) }
                return
            }
            let width = itemWidths[prefix.count]
            for count in 0...((rollWidth - used) / width) { extend(prefix + [count], used + count * width) }
        }
        extend([], 0)
        return patterns
    }

    @Test func patternEnumerationIsComplete() {
        let patterns = Self.allPatterns()
        #expect(patterns.count == 11)  // 3a + 4b + 5c <= 10, not all zero
        #expect(patterns.allSatisfy { zip($0, Self.itemWidths).reduce(0) { $0 + $1.0 * $1.1 } <= Self.rollWidth })
        #expect(Set(patterns).count == patterns.count)
    }

    @Test func allPatternsLPHasTheHandComputedBound() throws {
        // The master over every pattern at once, solved from scratch: the bound column generation must reach.
        var model = LinearModel(name: "all patterns")
        let demandRows = zip(Self.itemWidths, Self.demands).map {
            model.addConstraint("demand[\($0.0)]", LinearExpression(), .greaterOrEqual($0.1))
        }
        for pattern in Self.allPatterns() {
            model.addColumn(
                "p\(pattern)", objective: 1,
                entries: zip(demandRows, pattern).map { (row: $0, coefficient: Double($1)) })
        }
        let result = try GLPKSolver().solve(model)
        #expect(result.status == .optimal)
        #expect(close(result.objective, Self.lpBound))
    }

    @Test func cuttingStockColumnGeneration() throws {
        var model = LinearModel(name: "cutting stock master")
        let demandRows = zip(Self.itemWidths, Self.demands).map {
            model.addConstraint("demand[\($0.0)]", LinearExpression(), .greaterOrEqual($0.1))
        }
        // Trivial patterns: as many of one item as fit: (3,0,0), (0,2,0), (0,0,2).
        var patterns: [[Int]] = []
        for item in Self.itemWidths.indices {
            var pattern = Array(repeating: 0, count: Self.itemWidths.count)
            pattern[item] = Self.rollWidth / Self.itemWidths[item]
            patterns.append(pattern)
            model.addColumn(
                "p\(pattern)", objective: 1,
                entries: zip(demandRows, pattern).map { (row: $0, coefficient: Double($1)) })
        }
        #expect(patterns == [[3, 0, 0], [0, 2, 0], [0, 0, 2]])

        let session = try GLPKSolver().session(for: model)
        var result = try solveAndCompare(session)
        // 9/3 + 5/2 + 7/2 = 9 rolls with the trivial patterns.
        #expect(close(result.objective, 9))
        var objectives = [try #require(result.objective)]

        let candidates = Self.allPatterns()
        var rounds = 0
        while rounds < 20 {
            let duals = try #require(result.rowDuals)
            #expect(duals.allSatisfy { $0 >= -1e-9 }, "duals of >= rows when minimising are >= 0")
            // Price by enumeration: the pattern with the most negative reduced cost 1 - sum(u_i * a_i).
            var best: (pattern: [Int], reducedCost: Double)?
            for pattern in candidates {
                let reducedCost = 1 - zip(duals, pattern).reduce(0) { $0 + $1.0 * Double($1.1) }
                if reducedCost < (best?.reducedCost ?? -1e-9) { best = (pattern, reducedCost) }
            }
            guard let (pattern, reducedCost) = best else { break }
            #expect(!patterns.contains(pattern), "pattern \(pattern) priced out negative but is already in the master")
            if patterns.contains(pattern) { break }
            patterns.append(pattern)
            let column = try session.addColumn(
                "p\(pattern)", lower: 0, upper: .infinity, objective: 1,
                entries: zip(demandRows, pattern).map { ($0, Double($1)) })
            #expect(column.index == patterns.count - 1)
            result = try solveAndCompare(session)
            let objective = try #require(result.objective)
            #expect(objective <= objectives.last! + 1e-9, "the master's value never rises")
            // The reduced cost predicted with the old duals was negative; the column is now priced at 0 or above.
            #expect(reducedCost < 0)
            #expect(try #require(result.reducedCosts?[column.index]) >= -1e-9)
            objectives.append(objective)
            rounds += 1
        }
        #expect(rounds >= 1 && rounds < 20, "column generation took \(rounds) rounds")
        #expect(objectives.count == patterns.count - 2)
        #expect(close(result.objective, Self.lpBound))
        #expect(close(try GLPKSolver().solve(session.model).objective, Self.lpBound))

        // Optimality: no pattern prices out negative, and the dual value equals the bound.
        let duals = try #require(result.rowDuals)
        for pattern in candidates {
            let value = zip(duals, pattern).reduce(0) { $0 + $1.0 * Double($1.1) }
            #expect(value <= 1 + 1e-9, "pattern \(pattern) has reduced cost \(1 - value)")
        }
        #expect(close(zip(duals, Self.demands).reduce(0) { $0 + $1.0 * $1.1 }, Self.lpBound))
        // The final solution covers every demand.
        let values = try #require(result.values)
        for (item, demand) in Self.demands.enumerated() {
            let covered = zip(patterns, values).reduce(0) { $0 + Double($1.0[item]) * $1.1 }
            #expect(covered >= demand - 1e-7, "item \(Self.itemWidths[item]) covered \(covered) of \(demand)")
        }
    }

    // MARK: Bounds

    @Test func fixingColumnsMatchesFromScratchSolves() throws {
        let (session, columns, _) = try productionSession()
        let (a, b, c) = (columns[0], columns[1], columns[2])
        #expect(close(try solveAndCompare(session).objective, 13))

        // Hand optima of max 5a + 4b + 3c over r1..r3 with one column fixed:
        // c = 0: 12.5 (a = 2.5); c = 1: 13 (a = 2, the unfixed optimum has c = 1);
        // b = 1: max 5a + 3c + 4 with 2a + c <= 2, 4a + 2c <= 10, 3a + 2c <= 4: a = 0, c = 2, so 10;
        // b = 0: 13; a = 1: max 5 + 4b + 3c with 3b + c <= 3, b + 2c <= 7, 4b + 2c <= 5: b = 0, c = 2.5, so 12.5.
        let steps: [(variable: Variable, lower: Double, upper: Double, objective: Double)] = [
            (c, 0, 0, 12.5), (c, 1, 1, 13), (c, 0, .infinity, 13),
            (b, 1, 1, 10), (b, 0, 0, 13), (b, 0, .infinity, 13),
            (a, 1, 1, 12.5), (a, 0, .infinity, 13),
        ]
        for step in steps {
            try session.setBounds(step.variable, lower: step.lower, upper: step.upper)
            #expect(session.model.columns[step.variable.index].lower == step.lower)
            #expect(session.model.columns[step.variable.index].upper == step.upper)
            let result = try solveAndCompare(session)
            #expect(
                close(result.objective, step.objective),
                "\(session.model.columns[step.variable.index].name) in [\(step.lower), \(step.upper)]")
            if step.lower == step.upper { #expect(close(result[step.variable], step.lower)) }
        }
        try session.setBounds(b, lower: 1, upper: 1)
        let fixedB = try solveAndCompare(session)
        #expect(close(fixedB.objective, 10))
        #expect(close(fixedB[a], 0) && close(fixedB[b], 1) && close(fixedB[c], 2))
    }

    /// A presolved first solve (the relaxation a dive then goes on in) gives the hand optimum, and the
    /// solves after it, from the basis GLPK's presolver recovered, give the same optima as from scratch.
    @Test func presolvedFirstSolveThenFixings() throws {
        let (session, columns, _) = try productionSession()
        let (a, b, c) = (columns[0], columns[1], columns[2])
        let first = try session.solve(timeLimit: nil, presolve: true)
        #expect(first.status == .optimal)
        #expect(close(first.objective, 13))
        #expect(close(first[a], 2) && close(first[b], 0) && close(first[c], 1))
        // The hand optima of fixingColumnsMatchesFromScratchSolves.
        try session.setBounds(b, lower: 1, upper: 1)
        #expect(close(try solveAndCompare(session).objective, 10))
        try session.setBounds(b, lower: 0, upper: .infinity)
        try session.setBounds(a, lower: 1, upper: 1)
        #expect(close(try solveAndCompare(session).objective, 12.5))
    }

    /// The presolver cannot tell an infeasible program from an unbounded one; the session's answer
    /// without it stands: x <= 1 with x >= 2 is infeasible, min -x with x + y >= 1 unbounded.
    @Test func presolvedSolveOfProgramsWithoutOptimum() throws {
        var impossible = LinearModel()
        let x = impossible.addVariable("x", upper: 1)
        impossible.addConstraint("impossible", LinearExpression(x), .greaterOrEqual(2))
        #expect(try GLPKSession(impossible).solve(timeLimit: nil, presolve: true).status == .infeasible)
        var open = LinearModel()
        let u = open.addVariable("u")
        let v = open.addVariable("v", upper: 10)
        open.addConstraint("r", u + v, .greaterOrEqual(1))
        open.setObjective(.minimize, -LinearExpression(u))
        let unbounded = try GLPKSession(open).solve(timeLimit: nil, presolve: true)
        #expect(unbounded.status == .unbounded, "\(unbounded.status) \(unbounded.termination)")
    }

    @Test func boundChangeAndNewColumnBeforeOneSolve() throws {
        let (session, columns, rows) = try productionSession()
        #expect(close(try solveAndCompare(session).objective, 13))
        // Fix a to 0 and add d = (1, 1, 1) with value 4 before solving again. Then max 4b + 3c + 4d over
        // 3b + c + d <= 5, b + 2c + d <= 11, 4b + 2c + d <= 8: d = 5 uses r1 fully (value 20);
        // c instead gives 3 per unit of r1 and b 4/3, so d = 5 and the objective is 20.
        try session.setBounds(columns[0], lower: 0, upper: 0)
        let d = try session.addColumn(
            "d", lower: 0, upper: .infinity, objective: 4,
            entries: rows.map { ($0, 1) })
        let result = try solveAndCompare(session)
        #expect(close(result.objective, 20))
        #expect(close(result[d], 5))
    }

    // MARK: Invalid input

    @Test func invalidColumnsAreRefusedAndTheSessionSurvives() throws {
        let (model, _, _, rowA, rowB) = coveringModel()
        let session = try GLPKSession(model)
        #expect(close(try solveAndCompare(session).objective, 9))
        let rowsBefore = session.model.rows

        let cases: [(label: String, kind: ModelIssue.Kind, add: () throws -> Void)] = [
            (
                "unknown row", .unknownRow,
                {
                    try session.addColumn(
                        "u", lower: 0, upper: .infinity, objective: 1, entries: [(rowA, 1), (RowHandle(index: 2), 1)])
                }
            ),
            (
                "negative row", .unknownRow,
                {
                    try session.addColumn(
                        "u", lower: 0, upper: .infinity, objective: 1, entries: [(RowHandle(index: -1), 1)])
                }
            ),
            (
                "same row twice", .unknownRow,
                {
                    try session.addColumn(
                        "u", lower: 0, upper: .infinity, objective: 1, entries: [(rowA, 1), (rowB, 2), (rowA, 3)])
                }
            ),
            (
                "NaN coefficient", .nonFiniteCoefficient,
                {
                    try session.addColumn("u", lower: 0, upper: .infinity, objective: 1, entries: [(rowA, .nan)])
                }
            ),
            (
                "infinite coefficient", .nonFiniteCoefficient,
                {
                    try session.addColumn("u", lower: 0, upper: .infinity, objective: 1, entries: [(rowB, -.infinity)])
                }
            ),
            (
                "NaN objective", .nonFiniteCoefficient,
                {
                    try session.addColumn("u", lower: 0, upper: .infinity, objective: .nan, entries: [(rowA, 1)])
                }
            ),
            (
                "crossed bounds", .invalidBounds,
                {
                    try session.addColumn("u", lower: 2, upper: 1, objective: 1, entries: [(rowA, 1)])
                }
            ),
            (
                "NaN bound", .invalidBounds,
                {
                    try session.addColumn("u", lower: .nan, upper: 1, objective: 1, entries: [(rowA, 1)])
                }
            ),
            (
                "lower bound +infinity", .invalidBounds,
                {
                    try session.addColumn("u", lower: .infinity, upper: .infinity, objective: 1, entries: [(rowA, 1)])
                }
            ),
            (
                "300-byte name", .invalidName,
                {
                    try session.addColumn(
                        String(repeating: "n", count: 300), lower: 0, upper: .infinity, objective: 1,
                        entries: [(rowA, 1)])
                }
            ),
            (
                "control character in name", .invalidName,
                {
                    try session.addColumn("bad\nname", lower: 0, upper: .infinity, objective: 1, entries: [(rowA, 1)])
                }
            ),
        ]
        for test in cases {
            let kinds = modelErrorKinds(test.add)
            #expect(kinds == [test.kind], "\(test.label)")
            #expect(session.model.columns.count == 2, "\(test.label): no column added")
            #expect(session.model.objectiveCoefficients.count == 2, "\(test.label)")
            #expect(session.model.rows == rowsBefore, "\(test.label): rows unchanged")
            let result = try solveAndCompare(session)
            #expect(close(result.objective, 9), "\(test.label): session still solves")
        }

        // Several problems at once are all listed.
        let many = modelErrorKinds {
            try session.addColumn(
                String(repeating: "n", count: 300), lower: 3, upper: 1, objective: 1,
                entries: [(RowHandle(index: 9), .nan)])
        }
        #expect(Set(many ?? []) == [.invalidName, .invalidBounds, .unknownRow, .nonFiniteCoefficient])
        #expect(session.model.columns.count == 2)

        // A 255-byte name is still fine, and the next column gets the next index in both the model and GLPK:
        // the cheap column (1.5 covering A and B) brings the optimum to 7.5.
        let cheap = try session.addColumn(
            String(repeating: "c", count: 255), lower: 0, upper: .infinity,
            objective: 1.5, entries: [(rowA, 1), (rowB, 1)])
        #expect(cheap.index == 2)
        let result = try solveAndCompare(session)
        #expect(close(result.objective, 7.5))
        #expect(close(result[cheap], 3))
    }

    @Test func invalidBoundChangesAreRefused() throws {
        let (model, x, _, _, _) = coveringModel()
        let session = try GLPKSession(model)
        #expect(close(try solveAndCompare(session).objective, 9))

        #expect(modelErrorKinds { try session.setBounds(Variable(index: 2), lower: 0, upper: 1) } == [.unknownColumn])
        #expect(modelErrorKinds { try session.setBounds(Variable(index: -1), lower: 0, upper: 1) } == [.unknownColumn])
        #expect(modelErrorKinds { try session.setBounds(x, lower: 1, upper: 0) } == [.invalidBounds])
        #expect(modelErrorKinds { try session.setBounds(x, lower: .nan, upper: 0) } == [.invalidBounds])
        #expect(modelErrorKinds { try session.setBounds(x, lower: 0, upper: -.infinity) } == [.invalidBounds])
        #expect(session.model.columns == model.columns)
        #expect(close(try solveAndCompare(session).objective, 9))

        // A valid change still works afterwards: x = 0 leaves y >= max(4, 2), cost 12.
        try session.setBounds(x, lower: 0, upper: 0)
        #expect(close(try solveAndCompare(session).objective, 12))
    }

    @Test(arguments: [-1.0, .nan, .infinity, -.infinity])
    func invalidTimeLimitIsRefused(limit: Double) throws {
        let (model, _, _, _, _) = coveringModel()
        let session = try GLPKSession(model)
        #expect(throws: OptionsError.self) { try session.solve(timeLimit: limit) }
        let result = try session.solve(timeLimit: 60)
        #expect(result.status == .optimal)
        #expect(close(result.objective, 9))
    }

    // MARK: Solver.session(for:)

    @Test func sessionForInvalidModelThrows() throws {
        let solver: any Solver = GLPKSolver()

        var crossed = LinearModel()
        crossed.addVariable("x", lower: 2, upper: 1)
        #expect(modelErrorKinds { _ = try solver.session(for: crossed) } == [.invalidBounds])

        var unknownRow = coveringModel().0
        unknownRow.addColumn("z", objective: 1, entries: [(row: RowHandle(index: 7), coefficient: 1)])
        #expect(modelErrorKinds { _ = try solver.session(for: unknownRow) } == [.unknownRow])

        var nanRow = LinearModel()
        let x = nanRow.addVariable("x")
        nanRow.addConstraint("r", Double.nan * x, .lessOrEqual(1))
        #expect(modelErrorKinds { _ = try solver.session(for: nanRow) } == [.nonFiniteCoefficient])

        var longName = LinearModel()
        longName.addVariable(String(repeating: "a", count: 300))
        #expect(modelErrorKinds { _ = try GLPKSession(longName) } == [.invalidName])
    }

    @Test func sessionIgnoresIntegrality() throws {
        // max n with 2n <= 3: 1 as an integer program, 1.5 as the session's linear program.
        var model = LinearModel(name: "integer")
        let n = model.addVariable("n", kind: .integer, objective: 1)
        let flag = model.addVariable("flag", kind: .binary)
        model.addConstraint("cap", 2 * n + flag, .lessOrEqual(3))
        model.sense = .maximize
        #expect(close(try GLPKSolver().solve(model).objective, 1))

        let session = try GLPKSolver().session(for: model)
        #expect(session.model.columns.map(\.kind) == [.continuous, .continuous])
        #expect(session.model.columns[flag.index].upper == 1)
        #expect(!session.model.isMixedInteger)
        let result = try session.solve(timeLimit: nil)
        #expect(result.status == .optimal)
        #expect(close(result.objective, 1.5))
        #expect(close(result[n], 1.5))
        #expect(result.rowDuals != nil && result.nodes == 0)
    }
}
