import LinearModel
import Testing

@Suite struct LinearExpressionTests {
    @Test func operatorsBuildTermsAndConstant() {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let expression = 2 * x + y - 3 * y + LinearExpression(constant: 4)
        #expect(expression.value([1, 2]) == 2 - 4 + 4)
        #expect(expression.constant == 4)
    }

    @Test func repeatedVariablesAreSummedAndZerosDropped() {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("r", x + y + 2 * x - y + 5.0 * LinearExpression(x), .lessOrEqual(10))
        #expect(model.rows[0].terms == [Term(x, 8)])
    }

    @Test func constantMovesToBounds() {
        var model = LinearModel()
        let x = model.addVariable("x")
        model.addConstraint("r", x + LinearExpression(constant: 3), .range(4, 9))
        #expect(model.rows[0].lower == 1)
        #expect(model.rows[0].upper == 6)
    }

    @Test func binaryBoundsAreIntersectedWithZeroOne() {
        var model = LinearModel()
        let b = model.addVariable("b", kind: .binary, lower: -5, upper: 7)
        #expect(model.columns[b.index].lower == 0)
        #expect(model.columns[b.index].upper == 1)
    }

    @Test func theLinearRelaxationMakesEveryColumnContinuousAndKeepsItsBounds() {
        var model = LinearModel()
        let b = model.addVariable("b", kind: .binary)
        let n = model.addVariable("n", kind: .integer, lower: 2, upper: 9)
        model.addVariable("c", lower: -1, upper: 3)
        model.addConstraint("r", b + n, .lessOrEqual(4))
        let relaxed = model.linearRelaxation
        #expect(relaxed.columns.map(\.kind) == [.continuous, .continuous, .continuous])
        #expect(relaxed.columns.map(\.lower) == [0, 2, -1] && relaxed.columns.map(\.upper) == [1, 9, 3])
        #expect(relaxed.rows == model.rows && model.columns[n.index].kind == .integer)
    }

    @Test func objectiveValueIncludesConstant() {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.setObjective(.maximize, 3 * x + 5 * y + LinearExpression(constant: 7))
        #expect(model.objectiveValue([2, 6]) == 43)
        #expect(model.sense == .maximize)
    }
}

@Suite struct ModelValidationTests {
    private func issues(_ model: LinearModel) -> [ModelIssue] {
        do {
            try model.validate()
            return []
        } catch let error as ModelError {
            return error.issues
        } catch {
            return []
        }
    }

    @Test func validModelPasses() throws {
        var model = LinearModel(name: "ok")
        let x = model.addVariable("x", kind: .integer, lower: 0, upper: 3)
        model.addConstraint("c", 2 * x, .lessOrEqual(5))
        try model.validate()
    }

    @Test func nonFiniteCoefficientIsNamed() {
        var model = LinearModel()
        let x = model.addVariable("x")
        model.addConstraint("cap", Double.nan * x, .lessOrEqual(1))
        let found = issues(model)
        #expect(found.map(\.kind) == [.nonFiniteCoefficient])
        #expect(found.first?.message.contains("row 1 'cap'") == true)
        #expect(found.first?.message.contains("column 1 'x'") == true)
    }

    @Test func infiniteObjectiveCoefficientIsReported() {
        var model = LinearModel()
        model.addVariable("x", objective: .infinity)
        #expect(issues(model).map(\.kind) == [.nonFiniteCoefficient])
    }

    @Test func crossedBoundsAreReported() {
        var model = LinearModel()
        model.addVariable("x", lower: 2, upper: 1)
        model.addConstraint("r", LinearExpression(), .range(3, 1))
        #expect(issues(model).map(\.kind) == [.invalidBounds, .invalidBounds])
    }

    @Test func nanBoundIsReported() {
        var model = LinearModel()
        model.addVariable("x", lower: .nan)
        #expect(issues(model).map(\.kind) == [.invalidBounds])
    }

    @Test func integerColumnWithoutWholeNumberIsReported() {
        var model = LinearModel()
        model.addVariable("n", kind: .integer, lower: 0.2, upper: 0.8)
        let found = issues(model)
        #expect(found.map(\.kind) == [.emptyIntegerRange])
        #expect(found.first?.message.contains("'n'") == true)
    }

    @Test func foreignVariableIsReported() {
        var model = LinearModel()
        var other = LinearModel()
        other.addVariable("a")
        let foreign = other.addVariable("b")
        model.addVariable("x")
        model.addConstraint("r", LinearExpression(foreign), .lessOrEqual(1))
        model.addToObjective(LinearExpression(foreign))
        model.setBounds(foreign, lower: 0, upper: 1)
        #expect(issues(model).map(\.kind) == [.unknownColumn, .unknownColumn, .unknownColumn])
    }

    @Test func longAndControlCharacterNamesAreReported() {
        var model = LinearModel()
        model.addVariable(String(repeating: "a", count: 256))
        model.addVariable("tab\there")
        let found = issues(model)
        #expect(found.map(\.kind) == [.invalidName, .invalidName])
        #expect(found[0].message.contains("256 bytes"))
        #expect(found[1].message.contains("control character"))
    }

    @Test func nameOfExactlyMaximumLengthPasses() throws {
        var model = LinearModel()
        model.addVariable(String(repeating: "é", count: 127) + "a")  // 255 bytes
        try model.validate()
    }
}
