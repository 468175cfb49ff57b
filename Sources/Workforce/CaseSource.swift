import Foundation

/// Where the files of a case come from: a folder on disk, or texts in memory (tests and the fuzzer).
public struct CaseSource: Sendable {
    /// What is found under one file name.
    public enum Content: Sendable, Equatable {
        /// Nothing of that name: an optional file is simply not given.
        case absent
        case bytes([UInt8])
        /// Something is there but cannot be read as a file; the reason says what it is.
        case unreadable(String)
    }

    /// Something that is not a case folder (missing, or a file), with the reason; `nil` when usable.
    public let problem: String?
    /// The names of the files there (to suggest one for a missing file).
    public let names: [String]
    /// The folder's path, for messages; `nil` for files in memory.
    public let location: String?
    private let lookup: @Sendable (String) -> Content
    private let present: @Sendable (String) -> Bool

    /// The largest file read (a case file of this size is a mistake, not a workforce).
    public static let maximumFileBytes = 256 << 20

    /// The files of the folder at `url`. A name that is present but is a folder, a symbolic link to
    /// nothing, a loop of links or another kind of entry is ``Content/unreadable(_:)``, never absent.
    public static func folder(_ url: URL) -> CaseSource {
        var isFolder: ObjCBool = false
        let problem: String?
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            problem = "no such folder: '\(url.path)'"
        } else if !isFolder.boolValue {
            problem = "'\(url.path)' is a file, not a case folder"
        } else {
            problem = nil
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
        return CaseSource(
            problem: problem, names: names, location: url.path,
            lookup: { name in Self.read(url.appendingPathComponent(name).path) },
            present: { name in
                var entry = stat()
                return lstat(url.appendingPathComponent(name).path, &entry) == 0
            })
    }

    /// The files given as texts by name.
    public static func memory(_ files: [String: [UInt8]]) -> CaseSource {
        CaseSource(
            problem: nil, names: files.keys.sorted(), location: nil,
            lookup: { name in files[name].map(Content.bytes) ?? .absent }, present: { files[$0] != nil })
    }

    /// What is under `name`.
    public func content(_ name: String) -> Content { lookup(name) }

    /// Whether anything is under `name` (without reading it): the same as ``content(_:)`` not being
    /// ``Content/absent``.
    public func has(_ name: String) -> Bool { present(name) }

    private init(
        problem: String?, names: [String], location: String?, lookup: @escaping @Sendable (String) -> Content,
        present: @escaping @Sendable (String) -> Bool
    ) {
        self.problem = problem
        self.names = names
        self.location = location
        self.present = present
        self.lookup = lookup
    }

    /// Reads one entry, telling apart a missing name from one that is there but is not a readable file.
    private static func read(_ path: String) -> Content {
        var link = stat()
        guard lstat(path, &link) == 0 else { return errno == ENOENT ? .absent : .unreadable(reason(errno)) }
        var target = stat()
        guard stat(path, &target) == 0 else {
            switch errno {
            case ENOENT: return .unreadable("is a symbolic link to something that does not exist")
            case ELOOP: return .unreadable("is a loop of symbolic links")
            default: return .unreadable(reason(errno))
            }
        }
        switch target.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable("is a folder, not a file")
        default: return .unreadable("is not a regular file")
        }
        guard Int(target.st_size) <= maximumFileBytes else {
            return .unreadable("is larger than \(maximumFileBytes >> 20) MB")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable("cannot be read (check its permissions)")
        }
        return .bytes([UInt8](data))
    }

    private static func reason(_ code: Int32) -> String {
        "cannot be read (\(String(cString: strerror(code))))"
    }
}
