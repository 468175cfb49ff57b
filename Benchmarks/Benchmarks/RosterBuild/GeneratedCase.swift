import Foundation

/// The script that writes generated cases; harness.py rosters the same case with `--generated`.
let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("generate_case.py")

/// A synthetic case of `staff` people over four weeks (`localities` localities in clusters of four,
/// three sectors, generic workers), written by Benchmarks/generate_case.py into a new temporary
/// folder. Seeded: the same arguments give the same files.
func generatedCase(staff: Int, localities: Int) throws -> URL {
    struct GeneratorFailed: Error, CustomStringConvertible {
        var description: String
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "generated-\(staff)-\(UUID().uuidString)")
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
        "python3", generator.path, "--staff", String(staff), "--localities", String(localities), folder.path,
    ]
    try python.run()
    python.waitUntilExit()
    guard python.terminationStatus == 0 else {
        throw GeneratorFailed(description: "\(generator.path) exited with \(python.terminationStatus)")
    }
    return folder
}
