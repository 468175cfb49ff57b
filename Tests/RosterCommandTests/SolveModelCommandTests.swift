import Foundation
import TestSupport
import Testing

/// End-to-end tests of `roster solve-model` on hand-written model files.
@Suite struct SolveModelCommandTests {
    /// max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18; y integer (MPS gives marked integers an
    /// upper bound of 1 unless BOUNDS says otherwise). Optimum 36 at (2, 6).
    static let dantzigMPS = """
        NAME dantzig
        OBJSENSE
            MAX
        ROWS
         N obj
         L plant1
         L plant2
         L plant3
        COLUMNS
         x obj 3 plant1 1
         x plant3 3
         M1 'MARKER' 'INTORG'
         y obj 5 plant2 2
         y plant3 2
         M2 'MARKER' 'INTEND'
        RHS
         RHS plant1 4 plant2 12
         RHS plant3 18
        BOUNDS
         UP BND y 100
        ENDATA

        """

    private func write(_ text: String, name: String) throws -> String {
        let path = try Scratch.folder("command").appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func solvesMPSAndReportsOptimum() throws {
        let path = try write(Self.dantzigMPS, name: "dantzig.mps")
        let values = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("values.csv").path
        let output = try CommandRunner.run(["solve-model", path, "--output", values])
        #expect(output.status == 0)
        #expect(output.stdout.contains("status      optimal"))
        #expect(output.stdout.contains("objective   36\n"))
        #expect(output.stdout.contains("best_bound  36\n"))
        #expect(output.stdout.contains("gap         0\n"))
        #expect(try String(contentsOfFile: values, encoding: .utf8) == "column,value\nx,2\ny,6\n")
    }

    @Test func infeasibleModelExitsWithTwo() throws {
        let path = try write("Minimize\n obj: x\nSubject To\n c1: x >= 5\n c2: x <= 3\nEnd\n", name: "infeasible.lp")
        let output = try CommandRunner.run(["solve-model", path])
        #expect(output.status == 2)
        #expect(output.stdout.contains("status      infeasible"))
    }

    @Test func unboundedLinearProgramExitsWithTwo() throws {
        // No integer columns; GLPK's dual simplex starts from x = y = 0, which breaks c1.
        let path = try write("Minimize\n obj: - x\nSubject To\n c1: x + y >= 1\nEnd\n", name: "unbounded.lp")
        for presolve in [[], ["--no-presolve"]] {
            let output = try CommandRunner.run(["solve-model", path] + presolve)
            #expect(output.status == 2, "\(presolve)")
            #expect(output.stdout.contains("status      unbounded\n"), "\(presolve)")
        }
    }

    @Test func infeasibleLinearProgramWithUnboundedDirectionExitsWithTwo() throws {
        // x could fall without limit, but 2 <= y <= 1 has no solution: infeasible, not unbounded.
        let path = try write(
            "Minimize\n obj: - x\nSubject To\n c1: y >= 2\n c2: y <= 1\nEnd\n", name: "infeasible-dual.lp")
        for presolve in [[], ["--no-presolve"]] {
            let output = try CommandRunner.run(["solve-model", path] + presolve)
            #expect(output.status == 2, "\(presolve)")
            #expect(output.stdout.contains("status      infeasible\n"), "\(presolve)")
        }
    }

    @Test func unreadableFileExitsWithOneAndNamesTheLine() throws {
        let path = try write("Minimize\n obj: x +\nSubject To\nEnd\n", name: "broken.lp")
        let output = try CommandRunner.run(["solve-model", path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("broken.lp:3"))
    }

    @Test func wrongExtensionIsAUsageError() throws {
        let output = try CommandRunner.run(["solve-model", "model.txt"])
        #expect(output.status == 64)
        #expect(output.stderr.contains(".mps or .lp"))
    }

    @Test func emptyOutputPathIsAUsageError() throws {
        let path = try write(Self.dantzigMPS, name: "dantzig.mps")
        let current = try Scratch.folder("command")
        for option in ["--output", "-o"] {
            let output = try CommandRunner.run(["solve-model", path, option, ""], in: current)
            #expect(output.status == 64)
            #expect(output.stderr.contains("--output must name a CSV file; it is empty"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: current.path).isEmpty)
    }

    @Test func negativeTimeLimitIsAUsageError() throws {
        let output = try CommandRunner.run(["solve-model", "model.mps", "--time-limit", "-1"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--time-limit must be a number of seconds greater than 0"))
    }

    @Test func versionAndHelp() throws {
        #expect(try CommandRunner.run(["--version"]).stdout.hasPrefix("0."))
        let help = try CommandRunner.run(["--help"])
        #expect(help.stdout.contains("solve-model"))
        #expect(help.stdout.contains("Exit codes"))
    }
}
