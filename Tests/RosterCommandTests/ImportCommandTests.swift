import Foundation
import TestSupport
import Testing

/// End-to-end tests of `roster import curtois` on a small hand-written instance.
@Suite struct ImportCommandTests {
    /// Two nurses, two shifts, one week (written for this test, not a copy of the benchmark files).
    static let instance = """
        # A small instance for the command tests
        SECTION_HORIZON
        7

        SECTION_SHIFTS
        # ShiftID, Length in mins, Shifts which cannot follow this shift | separated
        D,480,
        N,720,D

        SECTION_STAFF
        # ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, ...
        A,D=7|N=2,2400,960,5,1,1,1
        B,D=7|N=0,2400,960,5,1,1,1

        SECTION_DAYS_OFF
        A,3
        B,

        SECTION_SHIFT_ON_REQUESTS
        A,0,N,2

        SECTION_SHIFT_OFF_REQUESTS
        B,1,D,1

        SECTION_COVER
        0,D,1,100,1
        0,N,1,100,1
        1,D,2,100,1

        """

    private func write(_ text: String, name: String) throws -> URL {
        let url = try Scratch.folder("command").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func importsAValidCase() throws {
        let file = try write(Self.instance.replacingOccurrences(of: "\n", with: "\r\n"), name: "small.txt")
        let out = file.deletingLastPathComponent().appendingPathComponent("case").path
        let result = try CommandRunner.run(["import", "curtois", file.path, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "imported small.txt: 2 staff, 7 days, 2 shifts -> \(out)\n")
        let validate = try CommandRunner.run(["validate", out])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(
            validate.stdout.contains(
                "case OK: 2 staff, 7 days (2024-01-01 to 2024-01-07), 2 shifts, 1 localities, "
                    + "3 demand rows"))
        let later = try CommandRunner.run(["import", "curtois", file.path, "--out", out, "--start", "2025-03-03"])
        #expect(later.status == 0)
        #expect(try String(contentsOfFile: out + "/settings.csv", encoding: .utf8).contains("horizon_start,2025-03-03"))
    }

    @Test func malformedInstanceExitsOneWithEveryLocatedError() throws {
        var text = Self.instance.replacingOccurrences(of: "A,D=7|N=2,2400,960", with: "A,D=7|N=2,2400,lots")
        text = text.replacingOccurrences(of: "1,D,2,100,1", with: "1,X,2,100,1")
        let file = try write(text, name: "bad.txt")
        let out = file.deletingLastPathComponent().appendingPathComponent("case").path
        let result = try CommandRunner.run(["import", "curtois", file.path, "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("2 errors"))
        #expect(
            result.stderr.contains(
                "bad.txt:12: column 4 (MinTotalMinutes): 'lots' is not a whole number; "
                    + "expected 0 or more"))
        #expect(result.stderr.contains("bad.txt:28: column 2 (ShiftID): 'X' is not a shift defined in SECTION_SHIFTS"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func startThatIsNotAMondayIsAUsageError() throws {
        let file = try write(Self.instance, name: "small.txt")
        let out = file.deletingLastPathComponent().appendingPathComponent("case").path
        let result = try CommandRunner.run(["import", "curtois", file.path, "--out", out, "--start", "2024-01-02"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("2024-01-02 is a Tuesday"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func emptyOutIsAUsageError() throws {
        let file = try write(Self.instance, name: "small.txt")
        let current = try Scratch.folder("command")
        let result = try CommandRunner.run(["import", "curtois", file.path, "--out", ""], in: current)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--out must name the case folder to write; it is empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: current.path).isEmpty)
    }

    @Test func missingFileIsBadInput() throws {
        let out = try Scratch.folder("command").appendingPathComponent("case").path
        let result = try CommandRunner.run(["import", "curtois", "/nonexistent/Instance99.txt", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read the instance file '/nonexistent/Instance99.txt'"))
    }

    @Test func helpDescribesTheMapping() throws {
        let help = try CommandRunner.run(["import", "curtois", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--start"))
        #expect(help.stdout.contains("min_staff = max_staff"))
        #expect(try CommandRunner.run(["--help"]).stdout.contains("import"))
    }
}
