import ArgumentParser
import Foundation
import LinearModel
import Workforce

/// Shows a solve's progress on standard error, named as in summary.csv (objective, best_bound, gap).
/// At a terminal: one line, rewritten every second, with the phase and the elapsed time against the
/// limit. Otherwise (piped or redirected): a log line at each phase, at each better roster and at
/// least every five seconds, so a log shows the solve moving. Silent with `--quiet`.
final class ProgressPrinter: @unchecked Sendable {
    private let terminal: Bool
    private let label: String
    private let limit: Double?
    private let quiet: Bool
    private let lock = NSLock()
    private var printed = false
    private var last: SolveProgress?
    private var lastPhase: String?
    private var lastLine = -Double.infinity
    private let started = ContinuousClock.now
    private var timer: DispatchSourceTimer?

    init(
        label: String = "objective", limit: Double? = nil, quiet: Bool = LogOptions.quiet,
        terminal: Bool = isatty(STDERR_FILENO) == 1
    ) {
        self.terminal = terminal
        self.label = label
        self.limit = limit
        self.quiet = quiet
        guard !quiet else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: terminal ? 1 : 5)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    func report(_ progress: SolveProgress) -> ProgressAction {
        lock.withLock {
            last = progress
            guard !quiet else { return }
            if terminal {
                show(progress)
            } else if progress.phase != lastPhase || progress.newIncumbent {
                show(progress)
            }
            lastPhase = progress.phase
        }
        return .proceed
    }

    /// The heartbeat: the elapsed time moves at a terminal; in a log, a line when none came for a while.
    private func tick() {
        lock.withLock {
            guard var progress = last, printed || !terminal else { return }
            progress.elapsed = (ContinuousClock.now - started).inSeconds
            if terminal || progress.elapsed - lastLine >= 5 { show(progress) }
        }
    }

    private func show(_ progress: SolveProgress) {
        let best = progress.incumbent.map { String(format: "%.2f", $0) } ?? "-"
        let bound = progress.bestBound.map { String(format: "%.2f", $0) } ?? "-"
        let gap = progress.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "-"
        let time = String(format: "%.1fs", progress.elapsed) + (limit.map { String(format: " of %.0fs", $0) } ?? "")
        let phase = progress.phase.map { "\($0): " } ?? ""
        let text = "\(time)  \(phase)\(label) \(best)  best_bound \(bound)  gap \(gap)"
        if terminal {
            FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
            printed = true
        } else {
            log.info("\(text)")
        }
        lastLine = progress.elapsed
    }

    /// Ends the progress line and the heartbeat.
    func finish() {
        lock.withLock {
            timer?.cancel()
            timer = nil
            if printed { FileHandle.standardError.write(Data("\n".utf8)) }
            printed = false
        }
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
