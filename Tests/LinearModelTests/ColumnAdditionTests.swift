import LinearModel
import Testing

/// `addColumn`, `RowHandle` and `setKind`: how a column generated later joins a model.
@Suite struct ColumnAdditionTests {
    private func issueKinds(_ model: LinearModel) -> [ModelIssue.Kind] {
        do {
            try model.validate()
            return []
        } catch let error as ModelError {
            return error.issues.map(\.kind)
        } catch {
            Issue.record("validate() threw \(type(of: error)), not ModelError")
            return []
        }
    }

    /// Three rows over x and y: `both = x + y`, `onlyX = x`, `onlyY = y`.
    private func threeRows() -> (LinearModel, Variable, Variable, [RowHandle]) {
        var model = LinearModel(name: "columns")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let both = model.addConstraint("both", x + y, .lessOrEqual(10))
        let onlyX = model.addConstraint("onlyX", LinearExpression(x), .greaterOrEqual(1))
        let onlyY = model.addConstraint("onlyY", LinearExpression(y), .equal(2))
        return (model, x, y, [both, onlyX, onlyY])
    }

    @Test func rowHandlesIndexTheirRows() {
        let (model, _, _, handles) = threeRows()
        #expect(handles.map(\.index) == [0, 1, 2])
        #expect(handles.map { model.rows[$0.index].name } == ["both", "onlyX", "onlyY"])
        #expect(RowHandle(index: 1) == handles[1])
        #expect(Set(handles).count == 3)
    }

    @Test func columnEntriesLandInTheNamedRows() throws {
        let (start, x, y, rows) = threeRows()
        var model = start
        let z = model.addColumn(
            "z", lower: 1, upper: 4, objective: 7,
            entries: [(row: rows[2], coefficient: 3), (row: rows[0], coefficient: 2)])
        #expect(z.index == 2)
        #expect(model.columns.count == 3)
        #expect(model.columns[2] == Column(name: "z", kind: .continuous, lower: 1, upper: 4))
        #expect(model.objectiveCoefficients == [0, 0, 7])
        #expect(model.rows[0].terms == [Term(x, 1), Term(y, 1), Term(z, 2)])
        #expect(model.rows[1].terms == [Term(x, 1)])
        #expect(model.rows[2].terms == [Term(y, 1), Term(z, 3)])
        #expect(model.entryCount == 6)
        // Row bounds are untouched.
        #expect(model.rows[0].upper == 10 && model.rows[1].lower == 1 && model.rows[2].lower == 2)
        try model.validate()
    }

    @Test func repeatedRowsAreSummedAndZerosSkipped() throws {
        let (start, x, y, rows) = threeRows()
        var model = start
        let z = model.addColumn(
            "z",
            entries: [
                (row: rows[0], coefficient: 2), (row: rows[1], coefficient: 0), (row: rows[0], coefficient: 1.5),
                (row: rows[2], coefficient: 4), (row: rows[2], coefficient: -4),
            ])
        #expect(model.rows[0].terms == [Term(x, 1), Term(y, 1), Term(z, 3.5)])
        #expect(model.rows[1].terms == [Term(x, 1)], "a zero coefficient adds no entry")
        #expect(model.rows[2].terms == [Term(y, 1)], "coefficients summing to zero add no entry")
        #expect(model.entryCount == 5)
        try model.validate()
    }

    @Test func termsStayInIncreasingColumnOrder() throws {
        let (start, x, _, rows) = threeRows()
        var model = start
        let late = model.addConstraint("late", LinearExpression(x), .lessOrEqual(3))
        let a = model.addColumn("a", entries: [(row: late, coefficient: 5), (row: rows[1], coefficient: -1)])
        let b = model.addColumn("b", entries: [(row: rows[1], coefficient: 2), (row: late, coefficient: 6)])
        let c = model.addColumn("c", entries: [(row: late, coefficient: 7)])
        #expect([a.index, b.index, c.index] == [2, 3, 4])
        #expect(model.rows[late.index].terms == [Term(x, 1), Term(a, 5), Term(b, 6), Term(c, 7)])
        #expect(model.rows[1].terms == [Term(x, 1), Term(a, -1), Term(b, 2)])
        for row in model.rows {
            let indices = row.terms.map(\.variable.index)
            #expect(indices == indices.sorted() && Set(indices).count == indices.count, "row \(row.name)")
        }
        // The column values reach the rows through the new entries.
        let expected: [Double] = [1, 1 - 1 + 2, 0, 1 + 5 + 6 + 7]
        #expect(model.rowActivities([1, 0, 1, 1, 1]) == expected)
    }

    @Test func columnWithoutEntriesOnlyAddsAColumn() throws {
        var model = threeRows().0
        let before = model.rows
        let free = model.addColumn("free", lower: -2, upper: 2, objective: -1, entries: [])
        #expect(free.index == 2)
        #expect(model.rows == before)
        #expect(model.objectiveValue([0, 0, 2]) == -2)
        try model.validate()
    }

    @Test func binaryColumnBoundsAreIntersectedWithZeroOne() {
        let (start, _, _, rows) = threeRows()
        var model = start
        let b = model.addColumn("b", kind: .binary, lower: -3, upper: 9, entries: [(row: rows[0], coefficient: 1)])
        #expect(model.columns[b.index].kind == .binary)
        #expect(model.columns[b.index].lower == 0)
        #expect(model.columns[b.index].upper == 1)
        #expect(model.isMixedInteger)
    }

    @Test func unknownRowIsReportedByValidate() {
        let (start, x, _, rows) = threeRows()
        var model = start
        #expect(issueKinds(model) == [])
        let z = model.addColumn(
            "z",
            entries: [
                (row: RowHandle(index: 3), coefficient: 1),
                (row: rows[1], coefficient: 2),
            ])
        #expect(issueKinds(model) == [.unknownRow])
        // The known row still got its entry; the model has no row 3.
        #expect(model.rows.count == 3)
        #expect(model.rows[1].terms == [Term(x, 1), Term(z, 2)])
        do {
            try model.validate()
            Issue.record("validate() accepted a column naming row 3 of 3")
        } catch let error as ModelError {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.message.contains("'z'") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownRowWithZeroCoefficientIsIgnored() {
        // A zero coefficient names no entry, whatever its row.
        var model = threeRows().0
        model.addColumn("z", entries: [(row: RowHandle(index: 42), coefficient: 0)])
        #expect(issueKinds(model) == [])
    }

    @Test func negativeRowIndexIsReported() {
        var model = threeRows().0
        model.addColumn("z", entries: [(row: RowHandle(index: -1), coefficient: 1)])
        #expect(issueKinds(model) == [.unknownRow])
    }

    @Test func setKindChangesTheKind() throws {
        let (start, x, y, _) = threeRows()
        var model = start
        #expect(!model.isMixedInteger)
        model.setKind(x, .integer)
        #expect(model.columns[x.index].kind == .integer)
        #expect(model.columns[y.index].kind == .continuous)
        #expect(model.isMixedInteger)
        model.setKind(y, .binary)
        #expect(model.columns[y.index].kind == .binary)
        model.setKind(x, .continuous)
        model.setKind(y, .continuous)
        #expect(model.columns.map(\.kind) == [.continuous, .continuous])
        #expect(!model.isMixedInteger)
        // Bounds are left alone.
        #expect(model.columns[y.index].lower == 0 && model.columns[y.index].upper == .infinity)
        try model.validate()
    }

    @Test func setKindOnUnknownColumnIsReported() {
        var model = threeRows().0
        model.setKind(Variable(index: 5), .integer)
        #expect(model.columns.map(\.kind) == [.continuous, .continuous])
        #expect(issueKinds(model) == [.unknownColumn])
    }
}
