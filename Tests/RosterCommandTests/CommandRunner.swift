import Foundation

/// Runs the built `roster` executable (found beside the test bundle) and captures its output.
struct CommandRunner {
    struct Output {
        /// The exit status, or the signal's number when `killed`.
        var status: Int32
        /// Whether a signal ended the process.
        var killed: Bool
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the test binary lives inside a .xctest bundle.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
            || directory.lastPathComponent == "Contents"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("roster")
    }

    /// Runs `roster` with `arguments`, in `directory` when given (else in the tests' own).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Output {
        try finish(start(arguments, environment: environment, in: directory))
    }

    /// A started `roster` process, its output collected by ``finish(_:)``.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe
    }

    static func start(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// Waits for `running` to end and returns what it wrote.
    static func finish(_ running: Running) throws -> Output {
        let (process, out, err) = (running.process, running.out, running.err)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
