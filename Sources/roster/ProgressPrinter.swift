import Foundation
import LinearModel

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
