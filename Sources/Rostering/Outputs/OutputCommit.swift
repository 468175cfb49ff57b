import Foundation

/// Replaces a folder's output files all together, safely against a failure or a kill at any instant.
///
/// 1. Every new file is written and flushed to disk in a staging folder inside the output folder,
///    and the targets are checked (a folder where a file must go stops the run here).
/// 2. A journal (`.roster-commit`) naming the staging folder, the files to install and those to
///    remove is written, flushed and renamed into place: the commit point.
/// 3. The staged files are renamed over the old ones, the old files this run does not write are
///    removed, the folder is flushed, and the journal and the staging folder are removed.
///
/// Killed before the commit point, the folder still holds the old run (and a staging folder that
/// ``repair(_:)`` removes); killed after it, ``repair(_:)`` finishes step 3 from the journal. Every
/// command that reads or writes an output folder repairs it first, so a folder never shows two runs.
/// Two processes writing the same folder take turns (an exclusive lock on the folder).
public enum OutputCommit {
    static let journalName = ".roster-commit"
    static let stagingPrefix = ".roster-staging-"

    /// A failure to write, with the path and the reason.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` (name, bytes) into `folder` (created if missing) and removes the files named in
    /// `removing` that this run does not write.
    /// - Throws: ``Failure`` when something cannot be written; the folder then holds the old run.
    public static func commit(_ files: [(name: String, bytes: Data)], to folder: URL, removing: [String]) throws {
        for name in files.map(\.name) + removing where !isPlainName(name) {
            throw Failure(description: "'\(name)' is not a plain file name")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the folder '\(folder.path)': \(error.localizedDescription)")
        }
        try locked(folder) {
            try finishCommit(in: folder)
            let fault = FaultInjection()
            let staging = folder.appendingPathComponent(stagingPrefix + UUID().uuidString)
            try check(mkdir(staging.path, 0o755) == 0, "cannot create '\(staging.path)'")
            do {
                for (name, bytes) in files {
                    fault.step()
                    try writeDurably(bytes, to: staging.appendingPathComponent(name).path)
                }
                try syncFolder(staging.path)
                fault.step()
                let written = Set(files.map(\.name))
                for name in files.map(\.name) + removing {
                    let target = folder.appendingPathComponent(name).path
                    var info = stat()
                    if lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                        let role = written.contains(name) ? "replaced" : "removed"
                        throw Failure(description: "'\(target)' is a folder, so it cannot be \(role) by a file")
                    }
                }
                let journal =
                    (["roster-commit 1", "staging \(staging.lastPathComponent)"]
                    + files.map { "install \($0.name)" }
                    + removing.filter { !written.contains($0) }.map { "remove \($0)" })
                    .joined(separator: "\n") + "\n"
                let temporary = folder.appendingPathComponent(journalName + ".new").path
                try writeDurably(Data(journal.utf8), to: temporary)
                fault.step()
                try check(
                    rename(temporary, folder.appendingPathComponent(journalName).path) == 0,
                    "cannot write the journal in '\(folder.path)'")
                try syncFolder(folder.path)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(journalName + ".new"))
                throw error
            }
            // The commit point is passed: from here on the new run is the folder's run.
            try finishCommit(in: folder, fault: fault)
        }
    }

    /// Brings `folder` back to exactly one run after a failure or a kill: finishes a commit whose
    /// journal was written, and removes staging folders of runs that never reached it.
    /// - Returns: whether anything had to be repaired.
    @discardableResult
    public static func repair(_ folder: URL) throws -> Bool {
        guard FileManager.default.fileExists(atPath: folder.path) else { return false }
        return try locked(folder) { try finishCommit(in: folder) }
    }

    /// Whether `name` is a file name the commit may write (no folder, no hidden file).
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    /// Step 3 from the journal, if there is one; then removes stray staging folders.
    @discardableResult
    private static func finishCommit(in folder: URL, fault: FaultInjection? = nil) throws -> Bool {
        let manager = FileManager.default
        let journalPath = folder.appendingPathComponent(journalName).path
        var repaired = false
        if let data = manager.contents(atPath: journalPath) {
            repaired = true
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            guard lines.first == "roster-commit 1", lines.count >= 2, lines[1].hasPrefix("staging ") else {
                throw Failure(description: "'\(journalPath)' is not a journal this tool wrote; move it away")
            }
            let staging = folder.appendingPathComponent(String(lines[1].dropFirst("staging ".count)))
            for line in lines.dropFirst(2) {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, isPlainName(parts[1]) else {
                    throw Failure(description: "'\(journalPath)' has a line it cannot follow: \(line)")
                }
                let target = folder.appendingPathComponent(parts[1]).path
                if parts[0] == "install" {
                    let staged = staging.appendingPathComponent(parts[1]).path
                    // Already moved when a kill came after this rename.
                    if manager.fileExists(atPath: staged) {
                        fault?.step()
                        try check(rename(staged, target) == 0, "cannot move the new '\(parts[1])' into place")
                    }
                } else if parts[0] == "remove" {
                    fault?.step()
                    try check(unlink(target) == 0 || errno == ENOENT, "cannot remove the old '\(parts[1])'")
                }
            }
            try syncFolder(folder.path)
            fault?.step()
            try? manager.removeItem(at: staging)
            try check(unlink(journalPath) == 0, "cannot remove the journal '\(journalPath)'")
            try syncFolder(folder.path)
        }
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(stagingPrefix) || name == journalName + ".new" {
            repaired = true
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        return repaired
    }

    /// Runs `body` holding an exclusive lock on `folder`.
    private static func locked<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        let descriptor = open(folder.path, O_RDONLY | O_CLOEXEC)
        try check(descriptor >= 0, "cannot open the folder '\(folder.path)'")
        defer { close(descriptor) }
        try check(flock(descriptor, LOCK_EX) == 0, "cannot lock the folder '\(folder.path)'")
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Writes `bytes` to a new file at `path` and flushes it to disk.
    private static func writeDurably(_ bytes: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        try check(descriptor >= 0, "cannot create '\(path)'")
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                try check(count > 0, "cannot write '\(path)'")
                offset += count
            }
        }
        try check(fsync(descriptor) == 0, "cannot flush '\(path)' to disk")
    }

    /// Flushes a folder's entries (new names, renames, removals) to disk.
    private static func syncFolder(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try check(descriptor >= 0, "cannot open the folder '\(path)'")
        defer { close(descriptor) }
        try check(fsync(descriptor) == 0, "cannot flush the folder '\(path)' to disk")
    }

    private static func check(_ condition: Bool, _ what: @autoclosure () -> String) throws {
        if !condition { throw Failure(description: "\(what()): \(String(cString: strerror(errno)))") }
    }
}

/// A test hook: with `ROSTER_TEST_KILL_AT_COMMIT_STEP=n` in the environment, the process kills itself
/// (SIGKILL, as a power cut or `kill -9` would) at the n-th step of a commit, so that tests can check
/// that every instant leaves a folder holding one run or one that ``OutputCommit/repair(_:)`` completes.
private final class FaultInjection {
    private let killAt = ProcessInfo.processInfo.environment["ROSTER_TEST_KILL_AT_COMMIT_STEP"].flatMap { Int($0) }
    private var count = 0

    func step() {
        count += 1
        if count == killAt { kill(getpid(), SIGKILL) }
    }
}
