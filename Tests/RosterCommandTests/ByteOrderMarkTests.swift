import Foundation
import TestSupport
import Testing

/// `roster solve --bom`: CSV files for Excel on Windows, still read by the tool itself.
@Suite struct ByteOrderMarkTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The first bytes of every file of `folder`, by name.
    private func starts(_ folder: String) throws -> [String: [UInt8]] {
        var starts: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            starts[name] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)).prefix(6))
        }
        return starts
    }

    @Test func bomBeginsEveryCSVFileOnceAndCheckStillReadsThem() throws {
        let folder = try CaseFiles.folder(CaseCommandTests.files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["solve", folder.path, "--out", out, "--time-limit", "30", "--bom"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try starts(out)
        #expect(files["roster.xlsx"]?.starts(with: [0x50, 0x4B]) == true, "\(files)")
        #expect(files.keys.filter { $0.hasSuffix(".csv") }.count >= 7, "\(files.keys.sorted())")
        for (name, start) in files {
            if name.hasSuffix(".csv") {
                #expect(start.starts(with: Self.bom) && !start.dropFirst(3).starts(with: Self.bom), "\(name): \(start)")
            } else {
                #expect(!start.starts(with: Self.bom), "\(name): the mark is for CSV files only")
            }
        }
        // check verifies summary.csv's checksums against the files as written, then reads them.
        let check = try CommandRunner.run(["check", folder.path, out])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("shifts              3") && check.stdout.contains("hard_violations     0"))
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        let objective = try #require(summary.split(separator: "\n").first { $0.hasPrefix("objective,") })
        #expect(check.stdout.contains("objective           \(objective.dropFirst("objective,".count))"))
        // roster report rewrites summary.csv (report.html's checksum) and keeps its mark.
        #expect(try CommandRunner.run(["report", folder.path, out]).status == 0)
        #expect(try starts(out)["summary.csv"]?.starts(with: Self.bom) == true)
        // The case reader takes the roster back as a baseline, its first column found by name.
        try FileManager.default.copyItem(atPath: out + "/roster.csv", toPath: folder.path + "/baseline.csv")
        let validate = try CommandRunner.run(["validate", folder.path])
        #expect(validate.status == 0 && validate.stdout.hasPrefix("case OK"), "\(validate.stderr)")
        #expect(!validate.stderr.contains("unknown column"), "\(validate.stderr)")
    }

    @Test func withoutBomNoFileHasOne() throws {
        let folder = try CaseFiles.folder(CaseCommandTests.files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["solve", folder.path, "--out", out, "--time-limit", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try starts(out)
        #expect(files.keys.filter { $0.hasSuffix(".csv") }.count >= 7, "\(files.keys.sorted())")
        #expect(!files.values.contains { $0.starts(with: Self.bom) }, "\(files)")
    }
}
