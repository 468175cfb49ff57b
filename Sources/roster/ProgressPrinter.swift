import ArgumentParser
import Foundation
import LinearModel
import Workforce

/// Prints a solve's progress on standard error: at a terminal one line, overwritten, with the
/// phase, elapsed time, best objective, bound and gap; otherwise (piped or redirected) one line
/// per phase and per better roster, at most one every few seconds, so a log shows the solve moving.
final class ProgressPrinter: @unchecked Sendable {
    private let terminal: Bool
    private let label: String
    private var printed = false
    private var lastPhase: String?
    private var lastLine = -Double.infinity

    init(label: String, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.terminal = terminal
        self.label = label
    }

    func report(_ progress: SolveProgress) -> ProgressAction {
        let best = progress.incumbent.map { String(format: "%.2f", $0) } ?? "-"
        let bound = progress.bestBound.map { String(format: "%.2f", $0) } ?? "-"
        let gap = progress.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "-"
        let phase = progress.phase.map { "\($0): " } ?? ""
        let text = String(format: "%6.1fs  %@%@ %@  bound %@  gap %@", progress.elapsed, phase, label, best, bound, gap)
        if terminal {
            FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
            printed = true
        } else if progress.phase != lastPhase || (progress.newIncumbent && progress.elapsed - lastLine >= 5) {
            FileHandle.standardError.write(Data((text + "\n").utf8))
            lastLine = progress.elapsed
        }
        lastPhase = progress.phase
        return .proceed
    }

    /// Ends the progress line.
    func finish() {
        if printed { FileHandle.standardError.write(Data("\n".utf8)) }
        printed = false
    }
}

/// Runs a solve with `printer`'s progress line, then maps what went wrong to the documented exit
/// codes: a bad case, model or options is bad input (1); any other error is a solver failure (4).
func solving<T>(_ printer: ProgressPrinter, _ body: () throws -> T) throws -> T {
    let result: T
    do {
        result = try body()
    } catch {
        printer.finish()
        switch error {
        case let exit as ExitCode: throw exit
        case let error as CaseError: report(error)
        case is ModelError, is OptionsError: log.error("\(error)")
        default:
            log.error("\(error)")
            throw Exit.solverFailed
        }
        throw Exit.badInput
    }
    printer.finish()
    return result
}
