import Foundation
import TestSupport

/// The sample case beside these sources (`Data/orkney`), a seed of every run.
private let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Data/orkney")

#if FUZZING
// Built with `-sanitize=fuzzer -DFUZZING`: libFuzzer drives the reader with coverage feedback.
private let fuzzer = CaseFuzzer(sample: sample)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let problem = fuzzer.check(fuzzer.decode(bytes)) { fatalError(problem) }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM names an executable's entry point after its module; libFuzzer's driver runs from it.
@_cdecl("roster_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOne)
}
#else
import ArgumentParser

/// Without libFuzzer: a seeded mutation run for a bounded time, the one CI runs.
@main
struct RosterFuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster-fuzz",
        abstract: "Fuzz the case reader with seeded mutations of the sample and every malformed test case.",
        discussion: """
            Each input is a case with one file mutated; reading it must give a case or located errors, never \
            a crash. Input n of seed s is always the same, so a failure is repeated with --seed s --from n \
            --count 1. For coverage-guided fuzzing build this target with libFuzzer (see the README).
            """)

    @Option(help: "Stop after this many seconds.")
    var seconds: Double = 60

    @Option(help: "The run's seed.")
    var seed: UInt64 = 1

    @Option(help: "The first input's number.")
    var from: Int = 0

    @Option(help: "Stop after this many inputs.")
    var count: Int = .max

    @Option(help: "Write the seeds, encoded for libFuzzer, into this folder and stop.")
    var writeCorpus: String?

    func validate() throws {
        guard seconds.isFinite, seconds > 0, seconds <= 1e7 else {
            throw ValidationError("--seconds must be from 0 to 10000000")
        }
        guard from >= 0, count > 0 else { throw ValidationError("--from must be 0 or more and --count above 0") }
    }

    func run() throws {
        let fuzzer = CaseFuzzer(sample: sample)
        if let writeCorpus {
            let folder = URL(fileURLWithPath: writeCorpus)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (number, seed) in fuzzer.seeds.enumerated() {
                try Data(fuzzer.encode(seed)).write(to: folder.appendingPathComponent("seed-\(number)"))
            }
            print("wrote \(fuzzer.seeds.count) seeds into \(writeCorpus)")
            return
        }
        CrashReport.install(seed: seed)
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
        var number = from
        var failures = 0
        while number - from < count, clock.now < end {
            CrashReport.current = number
            if let problem = fuzzer.check(fuzzer.input(number, seed: seed)) {
                failures += 1
                print("input \(number) of seed \(seed): \(problem)")
            }
            number += 1
        }
        print(
            "fuzzed the case reader: \(number - from) inputs (seed \(seed), from \(from)) from "
                + "\(fuzzer.seeds.count) seeds; \(failures) failure\(failures == 1 ? "" : "s"), no crash")
        if failures > 0 { throw ExitCode(1) }
    }
}

/// Names the input being read when the process crashes, so that it can be repeated.
enum CrashReport {
    nonisolated(unsafe) static var current = 0
    nonisolated(unsafe) static var seed: UInt64 = 0

    static func install(seed: UInt64) {
        Self.seed = seed
        for number in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS] {
            signal(number) { signal in
                // Best effort: the process is crashing anyway.
                let text =
                    "\nroster-fuzz: crashed on input \(CrashReport.current) of seed \(CrashReport.seed); "
                    + "repeat with --seed \(CrashReport.seed) --from \(CrashReport.current) --count 1\n"
                FileHandle.standardError.write(Data(text.utf8))
                Foundation.signal(signal, SIG_DFL)
                raise(signal)
            }
        }
    }
}
#endif
