import ArgumentParser
import Foundation
import Logging

/// `roster`: workforce and generic-worker rostering with GLPK.
@main
struct RosterCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Workforce and generic-worker rostering optimiser (GLPK).",
        discussion: """
            Exit codes:
              0  solved: a solution was found (optimal, or feasible at a limit)
              1  bad input: unreadable or invalid files, an invalid model
              2  no solution exists: the problem is infeasible (or unbounded)
              3  no solution was found within the time limit, or the solve was stopped
              4  the solver failed
              5  (check) the roster breaks a hard rule
             64  the command line is wrong
            """,
        version: version,
        subcommands: [
            Solve.self, Validate.self, Check.self, Report.self, Explain.self, Scenarios.self, Sweep.self, Merge.self,
            Compare.self,
            SolveModel.self,
            Import.self,
            Plan.self,
        ]
    )
}

/// The documented exit codes.
enum Exit {
    static let badInput = ExitCode(1)
    static let noSolutionExists = ExitCode(2)
    static let noSolutionFound = ExitCode(3)
    static let solverFailed = ExitCode(4)
}

/// A logger writing `roster: level: message` lines to standard error; set up once per process.
let log: Logger = {
    LoggingSystem.bootstrap { _ in TerminalLogHandler() }
    return Logger(label: "roster")
}()

/// Plain one-line messages for people at a terminal (no timestamps or labels).
struct TerminalLogHandler: LogHandler {
    /// The level of every message shown (`--log-level`, `--quiet`); set once, before any work starts.
    nonisolated(unsafe) static var level: Logger.Level = .info

    var logLevel: Logger.Level {
        get { Self.level }
        set { Self.level = newValue }
    }
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = "roster: \(event.level == .info ? "" : "\(event.level): ")\(event.message)"
        FileHandle.standardError.write(Data((Self.visible(text) + "\n").utf8))
    }

    /// `text` with control characters (terminal escape sequences from a cell or a file name) shown as
    /// `\u{1B}` instead of acting on the terminal; line breaks and tabs are kept.
    static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control, scalar != "\n", scalar != "\t" {
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--log-level` and `--quiet`, for the commands that solve.
struct LogOptions: ParsableArguments {
    @Option(help: "Show messages from this level up: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @Flag(name: .customLong("quiet"), help: "Show only warnings and errors, and no progress.")
    var quietFlag = false

    /// Whether `--quiet` was given (read by the progress line); set once by ``apply()``.
    nonisolated(unsafe) static var quiet = false

    /// Sets the level of every message from now on.
    func apply() {
        Self.quiet = quietFlag
        TerminalLogHandler.level = quietFlag ? max(logLevel, .warning) : logLevel
    }
}
