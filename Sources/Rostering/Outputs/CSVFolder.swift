import CSV
import Foundation

/// Writes CSV tables into a folder all together, through ``OutputCommit``.
public enum CSVFolder {
    /// Writes `tables` (file name, rows with the header first) into `folder`, creating it if missing.
    /// - Parameter removing: file names of an earlier run to delete when this run does not write them.
    public static func write(
        _ tables: [(file: String, rows: [[String]])], to folder: URL, removing: [String] = []
    ) throws {
        try OutputCommit.commit(tables.map { ($0.file, try render($0.rows)) }, to: folder, removing: removing)
    }

    /// RFC 4180 text of `rows` (LF line ends, UTF-8, after a byte-order mark when `byteOrderMark`), through
    /// CSV.swift's writer.
    static func render(_ rows: [[String]], byteOrderMark: Bool = false) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) + data : data
    }
}
