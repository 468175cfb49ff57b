import Foundation

/// Temporary folders for tests, all inside one folder of the test process that is removed when the
/// process exits, so test runs leave nothing behind in the system's temporary folder.
public enum Scratch {
    /// A new empty folder named `prefix` and a unique suffix.
    public static func folder(_ prefix: String) throws -> URL {
        _ = removeAtExit
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The folder of this process's temporary folders.
private let root = FileManager.default.temporaryDirectory.appendingPathComponent("roster-test-\(UUID().uuidString)")

/// Registers, once, the removal of ``root`` when the process exits.
private let removeAtExit: Void = {
    atexit { try? FileManager.default.removeItem(at: root) }
}()
