import ArgumentParser
import Foundation
import LinearModel
import Workforce

/// Prints a solve's progress on standard error when it is a terminal: elapsed time,
/// best objective, bound and gap, overwriting one line.
final class ProgressPrinter: @unchecked Sendable {
    private let enabled: Bool
    private let label: String
    private var printed = false

    init(label: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
        self.label = label
    }

    func report(_ progress: SolveProgress) -> ProgressAction {
        guard enabled else { return .proceed }
        let best = progress.incumbent.map { String(format: "%.2f", $0) } ?? "-"
        let bound = progress.bestBound.map { String(format: "%.2f", $0) } ?? "-"
        let gap = progress.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "-"
        let line = String(format: "\r%6.1fs  %@ %@  bound %@  gap %@  nodes %d\u{1B}[K",
                          progress.elapsed, label, best, bound, gap, progress.nodes)
        FileHandle.standardError.write(Data(line.utf8))
        printed = true
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
