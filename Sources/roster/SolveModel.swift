import ArgumentParser
import Foundation
import GLPKSolver
import LinearModel

/// `roster solve-model FILE`: solves an MPS or LP model file and reports honestly.
struct SolveModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve-model",
        abstract: "Solve a model file (free MPS or CPLEX LP) with GLPK.",
        discussion:
            "Prints status, objective, best bound, gap and time. The format follows the extension (.mps or .lp)."
    )

    @Argument(help: "The model file (.mps or .lp).")
    var file: String

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var logOptions: LogOptions

    @Option(name: .shortAndLong, help: "Write column values to this CSV file (column,value).")
    var output: String?

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output must name a CSV file; it is empty") }
        guard ModelFileFormat(path: file) != nil else {
            throw ValidationError("'\(file)': the extension must be .mps or .lp")
        }
    }

    func run() throws {
        let format = ModelFileFormat(path: file)!
        let model: LinearModel
        do {
            model = try ModelFile.read(from: file, format: format)
        } catch {
            log.error("\(error)")
            throw Exit.badInput
        }
        logOptions.apply()
        let printer = ProgressPrinter(label: "objective", limit: solverOptions.options.timeLimit)
        let result = try solving(printer) {
            try GLPKSolver().solve(model, options: solverOptions.options, progress: printer.report, log: nil)
        }
        func number(_ value: Double?) -> String { value.map { String(format: "%.10g", $0) } ?? "" }
        print(
            """
            status      \(result.status.rawValue)\(result.termination == .completed ? "" : " (\(result.termination.rawValue))")
            objective   \(number(result.objective))
            best_bound  \(number(result.bestBound))
            gap         \(number(result.gap))
            seconds     \(String(format: "%.3f", result.elapsed))
            columns     \(model.columns.count)
            rows        \(model.rows.count)
            message     \(result.message)
            """)
        if let output, let values = result.values {
            let lines =
                ["column,value"]
                + zip(model.columns, values).enumerated().map { index, pair in
                    let name = pair.0.name.isEmpty ? "C\(index + 1)" : pair.0.name
                    return "\(csvField(name)),\(String(format: "%.10g", pair.1))"
                }
            do {
                try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                log.error("cannot write '\(output)': \(error.localizedDescription)")
                throw Exit.badInput
            }
        }
        switch result.status {
        case .optimal, .feasible: return
        case .infeasible, .unbounded: throw Exit.noSolutionExists
        case .noSolution, .stopped: throw Exit.noSolutionFound
        }
    }
}

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Options shared by every command that solves.
struct SolverOptions: ParsableArguments {
    /// The longest `--time-limit` in seconds (about 115 days).
    static let longestTimeLimit: Double = 1e7

    // `.unconditional`: `--time-limit -1` reaches validate() (and its message), not "missing value".
    @Option(
        name: .long, parsing: .unconditional,
        help: "Stop after this many seconds (more than 0, at most 1e7) and report the best solution found.")
    var timeLimit: Double?

    @Option(
        name: .long, parsing: .unconditional,
        help: "Stop when the relative gap between solution and bound is at most this (0 to 1, e.g. 0.01).")
    var gap: Double?

    @Flag(name: .long, help: "Turn GLPK's presolver off.")
    var noPresolve = false

    @Flag(name: .long, help: "Turn all cutting planes off.")
    var noCuts = false

    @Flag(name: .long, help: "Run GLPK's feasibility pump heuristic.")
    var feasibilityPump = false

    @Flag(name: .long, help: "Run GLPK's proximity search heuristic.")
    var proximitySearch = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.longestTimeLimit) {
            throw ValidationError(
                "--time-limit must be a number of seconds greater than 0 and at most 1e7 (115 days), "
                    + "not '\(timeLimit)'")
        }
        if let gap, !(0...1).contains(gap) {
            throw ValidationError("--gap must be a relative gap from 0 to 1 (e.g. 0.01 for 1%), not '\(gap)'")
        }
    }

    var options: SolveOptions {
        SolveOptions(
            timeLimit: timeLimit, relativeGap: gap, presolve: !noPresolve, cuts: noCuts ? [] : .all,
            feasibilityPump: feasibilityPump, proximitySearch: proximitySearch)
    }
}
