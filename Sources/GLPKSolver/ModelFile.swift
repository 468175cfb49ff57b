import CGLPK
import Foundation
import LinearModel

/// Model file formats that any LP/MIP solver reads.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free MPS: names are kept whole (fixed MPS would truncate them to 8 characters), but for a
    /// space, `#` or `$`, which are escaped (see ``FileNames``). A maximised objective is written as an
    /// `OBJSENSE MAX` section, which GLPK itself does not know but HiGHS, CBC, CPLEX and Gurobi read;
    /// ``ModelFile`` reads it back.
    case freeMPS = "mps"
    /// CPLEX LP. Names are written with `[`, `]` and `-` as `(`, `)` and `~`, and other characters
    /// that LP syntax does not allow escaped (see ``FileNames``); GLPK's writer adds a column for each
    /// ranged row, so a model read back may differ in names and size (not in its optimum).
    case cplexLP = "lp"

    /// The format for a file name's extension (`.mps` or `.lp`), `nil` for any other.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

/// Reads and writes model files through GLPK.
public enum ModelFile {
    /// Writes `model` to `path`: its rows and columns under names valid in the format and distinct
    /// (see ``FileNames``), and a non-zero objective constant as the objective coefficient of a column
    /// `objective_constant` fixed at 1, so that every reader of either format finds the same objective.
    /// - Throws: ``ModelError`` for an invalid model, ``GLPKError`` when the file cannot be written.
    public static func write(_ model: LinearModel, to path: String, format: ModelFileFormat) throws {
        try model.validate()
        let written = fileModel(model, format)
        let capture = TerminalCapture(sink: nil)
        try capture.during {
            let problem = GLPKProblem(capture: capture)
            try problem.load(written)
            let code = try problem.guarded("write \(format.rawValue)") { prob in
                switch format {
                case .freeMPS: return cglpk_write_mps(prob, GLP_MPS_FILE, path)
                case .cplexLP: return cglpk_write_lp(prob, path)
                }
            }
            if code != 0 { throw GLPKError.file(operation: "write", path: path, detail: detail(capture.text)) }
        }
        if format == .freeMPS, model.sense == .maximize { try addObjectiveSense(toMPS: path) }
    }

    /// `model` as written to a file in `format`: renamed, its objective constant moved into a column.
    static func fileModel(_ model: LinearModel, _ format: ModelFileFormat) -> LinearModel {
        var columns = model.columns
        for (index, name) in FileNames.names(columns.map(\.name), kind: "c", format: format).enumerated() {
            columns[index].name = name
        }
        var rows = model.rows
        for (index, name) in FileNames.names(rows.map(\.name), kind: "r", format: format).enumerated() {
            rows[index].name = name
        }
        var objective = model.objectiveCoefficients
        if model.objectiveConstant != 0 {
            columns.append(Column(name: FileNames.objectiveConstant, kind: .continuous, lower: 1, upper: 1))
            objective.append(model.objectiveConstant)
        }
        return LinearModel(
            name: model.name, columns: columns, objectiveCoefficients: objective, objectiveConstant: 0,
            sense: model.sense, rows: rows)
    }

    /// Reads a model from `path`.
    /// - Throws: ``GLPKError/file(operation:path:detail:)`` with GLPK's message (file, line) on a bad file.
    public static func read(from path: String, format: ModelFileFormat) throws -> LinearModel {
        var source = path
        var maximize = false
        if format == .freeMPS, let stripped = try objectiveSenseRemoved(fromMPS: path) {
            source = stripped
            maximize = true
        }
        defer { if source != path { try? FileManager.default.removeItem(atPath: source) } }
        let capture = TerminalCapture(sink: nil)
        var model: LinearModel = try capture.during {
            let problem = GLPKProblem(capture: capture)
            let code = try problem.guarded("read \(format.rawValue)") { prob in
                switch format {
                case .freeMPS: return cglpk_read_mps(prob, GLP_MPS_FILE, source)
                case .cplexLP: return cglpk_read_lp(prob, source)
                }
            }
            if code != 0 {
                throw GLPKError.file(
                    operation: "read", path: path,
                    detail: detail(capture.text).replacingOccurrences(of: source, with: path))
            }
            return try problem.model()
        }
        if maximize { model.sense = .maximize }
        return model
    }

    private static func detail(_ log: String) -> String {
        let lines = log.split(separator: "\n").map(String.init)
        return lines.last(where: { !$0.hasPrefix("Reading") && !$0.hasPrefix("Writing") }) ?? lines.last
            ?? "unknown error"
    }

    /// Inserts `OBJSENSE` / `    MAX` before the ROWS section of a free MPS file GLPK wrote.
    private static func addObjectiveSense(toMPS path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let rows = text.range(of: "\nROWS\n") else { return }
        let updated = text.replacingCharacters(in: rows, with: "\nOBJSENSE\n    MAX\nROWS\n")
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// If the MPS file has an `OBJSENSE MAX` section, writes a copy without it (for GLPK's reader)
    /// and returns the copy's path.
    private static func objectiveSenseRemoved(fromMPS path: String) throws -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard
            let index = lines.firstIndex(where: {
                $0.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("OBJSENSE")
            })
        else { return nil }
        let header = lines[index].split(separator: " ", omittingEmptySubsequences: true)
        var sense = header.count > 1 ? String(header[1]) : ""
        lines.remove(at: index)
        if sense.isEmpty, index < lines.count {
            sense = lines[index].trimmingCharacters(in: .whitespaces)
            lines.remove(at: index)
        }
        guard sense.uppercased().hasPrefix("MAX") else { return nil }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).mps").path
        try lines.joined(separator: "\n").write(toFile: copy, atomically: true, encoding: .utf8)
        return copy
    }
}
