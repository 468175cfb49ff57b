import Dispatch
import Foundation
import Rostering

/// Ctrl-C (SIGINT) and SIGTERM during a solve. The first asks the search to stop (``SearchStop``):
/// the best roster found so far is written, marked `feasible`, and the run exits 3. The second ends
/// the process at once; outputs are committed all-or-nothing (``OutputCommit``), so it leaves either
/// the old run or a folder the next command completes, never half of one.
enum Interruption {
    /// The signal sources; kept for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Handles the signals from now on (signals are read on a dispatch queue, not in a C handler, so
    /// the handling may lock and write).
    static func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [source] in
                // Signals that come together are merged into one event: `data` counts them.
                if SearchStop.isRequested || source.data > 1 {
                    FileHandle.standardError.write(Data("\nroster: stopped at once; nothing more written\n".utf8))
                    _exit(128 + number)
                }
                SearchStop.request()
                FileHandle.standardError.write(
                    Data(
                        ("\nroster: stopping: the best roster found so far will be written "
                            + "(press Ctrl-C again to quit at once)\n").utf8))
            }
            source.resume()
            sources.append(source)
        }
    }
}
