import CGLPK
import LinearModel

/// A `glp_prob` owned by one thread for the duration of one call.
///
/// GLPK keeps its environment in thread-local storage: a problem must be created, used and
/// deleted on one OS thread. This type is deliberately not `Sendable` and never lives across
/// an `await`. If a guarded call reports that GLPK's environment was lost, the pointer is
/// dangling and is never touched again.
final class GLPKProblem {
    private(set) var pointer: OpaquePointer?
    private let generation: UInt
    /// GLPK's output on this thread, for the message of an internal error.
    private let capture: TerminalCapture

    init(capture: TerminalCapture) {
        self.capture = capture
        generation = cglpk_generation()
        pointer = glp_create_prob()
    }

    deinit {
        if let pointer, cglpk_generation() == generation { glp_delete_prob(pointer) }
    }

    /// The live pointer.
    /// - Throws: ``GLPKError/environmentLost(operation:)`` after GLPK's environment was freed.
    func live(_ operation: String) throws -> OpaquePointer {
        guard let pointer, cglpk_generation() == generation else {
            self.pointer = nil
            throw GLPKError.environmentLost(operation: operation, detail: "")
        }
        return pointer
    }

    /// Runs a guarded C call; maps `CGLPK_ENV_LOST` to a thrown error and returns GLPK's code.
    func guarded(_ operation: String, _ call: (OpaquePointer) -> Int32) throws -> Int32 {
        let code = call(try live(operation))
        if code == CGLPK_ENV_LOST {
            pointer = nil
            throw GLPKError.environmentLost(operation: operation, detail: capture.lastLines)
        }
        return code
    }

    /// Copies a validated model into the problem: columns, rows, one `glp_load_matrix`, objective.
    func load(_ model: LinearModel) throws {
        let prob = try live("load")
        glp_set_prob_name(prob, model.name.isEmpty ? nil : model.name)
        glp_set_obj_dir(prob, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(prob, 0, model.objectiveConstant)
        if !model.rows.isEmpty { glp_add_rows(prob, Int32(model.rows.count)) }
        if !model.columns.isEmpty { glp_add_cols(prob, Int32(model.columns.count)) }
        for (offset, column) in model.columns.enumerated() {
            let j = Int32(offset + 1)
            if !column.name.isEmpty { glp_set_col_name(prob, j, column.name) }
            var (lower, upper) = (column.lower, column.upper)
            if column.kind != .continuous {
                // GLPK answers GLP_EBOUND to fractional bounds of integer columns. Kind is set
                // before bounds: glp_set_col_kind(GLP_BV) would reset them.
                glp_set_col_kind(prob, j, GLP_IV)
                (lower, upper) = (lower.rounded(.up), upper.rounded(.down))
            }
            let (type, lb, ub) = Self.boundType(lower, upper)
            glp_set_col_bnds(prob, j, type, lb, ub)
            glp_set_obj_coef(prob, j, model.objectiveCoefficients[offset])
        }
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        let count = model.entryCount
        ia.reserveCapacity(count + 1)
        ja.reserveCapacity(count + 1)
        ar.reserveCapacity(count + 1)
        for (offset, row) in model.rows.enumerated() {
            let i = Int32(offset + 1)
            if !row.name.isEmpty { glp_set_row_name(prob, i, row.name) }
            let (type, lb, ub) = Self.boundType(row.lower, row.upper)
            glp_set_row_bnds(prob, i, type, lb, ub)
            for term in row.terms {
                ia.append(i)
                ja.append(Int32(term.variable.index + 1))
                ar.append(term.coefficient)
            }
        }
        if count > 0 {
            _ = try guarded("glp_load_matrix") { prob in cglpk_load_matrix(prob, Int32(count), ia, ja, ar) }
        }
    }

    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// Reads the problem back as a ``LinearModel`` (after a model file was read into it).
    func model() throws -> LinearModel {
        let prob = try live("read back")
        let rowCount = Int(glp_get_num_rows(prob))
        let columnCount = Int(glp_get_num_cols(prob))
        func string(_ c: UnsafePointer<CChar>?) -> String { c.map { String(cString: $0) } ?? "" }
        func limits(_ type: Int32, _ lb: Double, _ ub: Double) -> (Double, Double) {
            switch type {
            case GLP_FR: return (-.infinity, .infinity)
            case GLP_LO: return (lb, .infinity)
            case GLP_UP: return (-.infinity, ub)
            default: return (lb, ub)
            }
        }
        var columns: [Column] = []
        var objective: [Double] = []
        for j in 1...max(columnCount, 1) where j <= columnCount {
            let j32 = Int32(j)
            let (lower, upper) = limits(
                glp_get_col_type(prob, j32), glp_get_col_lb(prob, j32), glp_get_col_ub(prob, j32))
            let kind: VariableKind
            switch glp_get_col_kind(prob, j32) {
            case GLP_BV: kind = .binary
            case GLP_IV: kind = (lower == 0 && upper == 1) ? .binary : .integer
            default: kind = .continuous
            }
            columns.append(Column(name: string(glp_get_col_name(prob, j32)), kind: kind, lower: lower, upper: upper))
            objective.append(glp_get_obj_coef(prob, j32))
        }
        var rows: [Row] = []
        var indices = [Int32](repeating: 0, count: columnCount + 1)
        var values = [Double](repeating: 0, count: columnCount + 1)
        for i in 1...max(rowCount, 1) where i <= rowCount {
            let i32 = Int32(i)
            let (lower, upper) = limits(
                glp_get_row_type(prob, i32), glp_get_row_lb(prob, i32), glp_get_row_ub(prob, i32))
            let length = Int(glp_get_mat_row(prob, i32, &indices, &values))
            let terms = (0..<length).map { Term(Variable(index: Int(indices[$0 + 1]) - 1), values[$0 + 1]) }
            rows.append(Row(name: string(glp_get_row_name(prob, i32)), lower: lower, upper: upper, terms: terms))
        }
        return LinearModel(
            name: string(glp_get_prob_name(prob)), columns: columns, objectiveCoefficients: objective,
            objectiveConstant: glp_get_obj_coef(prob, 0),
            sense: glp_get_obj_dir(prob) == GLP_MAX ? .maximize : .minimize, rows: rows)
    }
}
