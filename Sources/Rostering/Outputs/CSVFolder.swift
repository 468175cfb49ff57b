import CSV
import Foundation

/// Writes CSV tables into a folder all together: each file is written under a temporary name in
/// a staging folder first, and only when every one is complete are they renamed into place.
public enum CSVFolder {
    /// Writes `tables` (file name, rows with the header first) into `folder`, creating it if missing.
    /// - Parameter removing: file names of an earlier run to delete when this run does not write them.
    public static func write(
        _ tables: [(file: String, rows: [[String]])], to folder: URL, removing: [String] = []
    ) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".roster-staging-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        defer { try? manager.removeItem(at: staging) }
        for (file, rows) in tables {
            try render(rows).write(to: staging.appendingPathComponent(file), options: .atomic)
        }
        let written = Set(tables.map(\.file))
        for file in removing where !written.contains(file) {
            let url = folder.appendingPathComponent(file)
            if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        }
        for (file, _) in tables {
            let target = folder.appendingPathComponent(file)
            if rename(staging.appendingPathComponent(file).path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        }
    }

    /// RFC 4180 text of `rows` (LF line ends, UTF-8), through CSV.swift's writer.
    static func render(_ rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return data
    }
}
