import Foundation
import Testing

/// The case reader's fuzzer, for a bounded time (`ROSTER_FUZZ_SECONDS`, default a minute): seeded
/// mutations of the sample case and of every malformed test case; any crash or unlocated error fails.
@Suite struct ReaderFuzzTests {
    @Test func theCaseReaderSurvivesMutatedCases() throws {
        let seconds = ProcessInfo.processInfo.environment["ROSTER_FUZZ_SECONDS"] ?? "60"
        // A new seed each day, so that CI explores new inputs; the seed is in the output to repeat a failure.
        let seed = Int(Date().timeIntervalSince1970 / 86_400)
        let fuzz = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("roster-fuzz")
        let process = Process()
        process.executableURL = fuzz
        process.arguments = ["--seconds", seconds, "--seed", String(seed)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(output)")
        #expect(output.contains("0 failures, no crash"), "\(output)")
    }
}
