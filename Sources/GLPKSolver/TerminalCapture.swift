import CGLPK

/// Routes GLPK's terminal output on the current thread to a handler (or nowhere) while a body runs.
///
/// GLPK's terminal hook is per thread (per environment), so concurrent solves on separate threads
/// capture their own output.
final class TerminalCapture {
    private let sink: ((String) -> Void)?
    private(set) var text = ""

    init(sink: ((String) -> Void)?) { self.sink = sink }

    /// The last two lines GLPK printed (its error message and location).
    var lastLines: String {
        text.split(separator: "\n").suffix(2).joined(separator: "; ")
    }

    func receive(_ line: String) {
        if text.utf8.count < 65_536 { text += line }
        sink?(line)
    }

    /// Runs `body` with GLPK's output captured; restores GLPK's default output afterwards.
    func during<T>(_ body: () throws -> T) rethrows -> T {
        let info = Unmanaged.passUnretained(self).toOpaque()
        glp_term_hook(
            { info, text in
                guard let info, let text else { return 1 }
                Unmanaged<TerminalCapture>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
                return 1  // non-zero: GLPK prints nothing itself
            }, info)
        defer { glp_term_hook(nil, nil) }
        return try withExtendedLifetime(self) { try body() }
    }
}
