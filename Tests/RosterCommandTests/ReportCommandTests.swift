import Foundation
import TestSupport
import Testing

/// End-to-end tests of `roster report` and `roster explain`, and of report.html in a browser.
@Suite struct ReportCommandTests {
    /// The case folder of ``CaseFiles/shortfalls`` with its hand-made roster in `hand/`.
    static func handMade() throws -> (case: URL, hand: URL) {
        let folder = try CaseFiles.folder(CaseFiles.shortfalls)
        let hand = folder.appendingPathComponent("hand")
        try FileManager.default.createDirectory(at: hand, withIntermediateDirectories: true)
        for (name, text) in CaseFiles.shortfallRoster {
            try text.write(to: hand.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (folder, hand)
    }

    @Test func reportOfAHandMadeRosterIsWrittenBesideIt() throws {
        let (folder, hand) = try Self.handMade()
        let result = try CommandRunner.run(["report", folder.path, hand.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("report.html (8 red and amber rows explained)"))
        let html = try String(contentsOf: hand.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"x red\" id=\"x-2\">"))
        #expect(html.contains("No summary.csv beside this roster"))
    }

    @Test func explainPrintsWhyForADateALocalityOrAPerson() throws {
        let (folder, hand) = try Self.handMade()
        let day = try CommandRunner.run(["explain", folder.path, hand.path, "--date", "2025-03-04"])
        #expect(day.status == 0, "\(day.stderr)")
        let lines = day.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("2025-03-04 Tue E hub nursing: red, 8 h and 1 person short"))
        #expect(lines.contains("  lea Lea on leave: unavailable: availability.csv: unavailable for E on 2025-03-04"))
        #expect(lines.contains { $0.hasPrefix("  agency: agency cap reached: 8 of agency_max_hours 10") })
        #expect(!day.stdout.contains("2025-03-05"))
        #expect(lines.last == "5 red and amber rows of 8 in the roster")

        let person = try CommandRunner.run(["explain", folder.path, hand.path, "--staff", "nia"])
        #expect(person.status == 0, "\(person.stderr)")
        #expect(person.stdout.contains("  nia Nia after a night: rest: only 0 h rest after N on 2025-03-03"))
        #expect(person.stdout.contains("  nia Nia after a night: free but not chosen: free that day"))
        #expect(!person.stdout.contains("Lea on leave") && !person.stdout.contains("agency:"))

        let place = try CommandRunner.run(["explain", folder.path, hand.path, "--locality", "isle"])
        #expect(place.stdout.contains("2025-03-05 Wed E isle therapy: amber, 0.50 h short"))
        #expect(
            place.stdout.contains("  ida Ida of the isle: on this shift: on this shift here; care time: 8 h therapy"))
        #expect(place.stdout.split(separator: "\n").last == "1 red and amber row of 8 in the roster")

        for bad in [["--date", "2025-02-30"], ["--staff", "zed"], ["--locality", "mars"]] {
            let result = try CommandRunner.run(["explain", folder.path, hand.path] + bad)
            #expect(result.status == 64, "\(bad): \(result.stderr)")
        }
    }

    /// `roster solve` writes report.html and explanations.csv with its outputs; `roster report` on the
    /// folder renders the same page and leaves the folder whole for `roster check`.
    @Test func solveWritesTheReportAndReportKeepsTheFolderWhole() throws {
        let files = CaseFiles.single(
            days: 3, staff: "staff_id,name,home_locality,competencies,hourly_cost\nann,Ann,home,care,10\n",
            demandHours: 8, extra: ["availability.csv": "staff_id,date,kind\nann,2025-03-04,unavailable\n"])
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out")
        let solve = try CommandRunner.run(["solve", folder.path, "--out", out.path, "--time-limit", "30"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let report = out.appendingPathComponent("report.html")
        let summary = out.appendingPathComponent("summary.csv")
        let written = try Data(contentsOf: report)
        let before = try String(contentsOf: summary, encoding: .utf8)
        #expect(before.contains("checksum:report.html,"))
        let explanations = try String(contentsOf: out.appendingPathComponent("explanations.csv"), encoding: .utf8)
        #expect(
            explanations == """
                date,shift_id,locality_id,competency_id,status,hours_short,heads_short,staff_id,reason,detail
                2025-03-04,E,home,care,red,8.0000,0,,no_agency,agency_hourly_cost is 0: no agency cover
                2025-03-04,E,home,care,red,8.0000,0,ann,unavailable,availability.csv: unavailable for E on 2025-03-04

                """)

        let again = try CommandRunner.run(["report", folder.path, out.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: report) == written)
        #expect(try String(contentsOf: summary, encoding: .utf8) == before)
        #expect(try CommandRunner.run(["check", folder.path, out.path]).status == 0)

        // An edited report breaks the folder's identity; `roster report` rewrites it whole again.
        try Data("edited".utf8).write(to: report)
        #expect(try CommandRunner.run(["check", folder.path, out.path]).status == 1)
        #expect(try CommandRunner.run(["report", folder.path, out.path]).status == 1)
        try written.write(to: report)
        #expect(try CommandRunner.run(["check", folder.path, out.path]).status == 0)
    }

    static let chromium: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The page loads in headless Chromium without a script error or a console message (it has no
    /// script, so any message would be a failure to load something), and its DOM has every section.
    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func reportRendersInHeadlessChromiumWithoutErrors() throws {
        let (folder, hand) = try Self.handMade()
        #expect(try CommandRunner.run(["report", folder.path, hand.path]).status == 0)
        let profile = try Scratch.folder("command")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--enable-logging=stderr",
            "--v=0", "--dump-dom", hand.appendingPathComponent("report.html").absoluteString,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0, "\(log)")
        for element in [
            "<h2 id=\"run\" class=\"first\">Run</h2>", "<table class=\"heat\">", "<table class=\"grid\">",
            "<h2 id=\"funding\">Funding</h2>", "<div class=\"x red\" id=\"x-2\">", "<svg",
        ] {
            #expect(dom.contains(element), "\(element) missing from the DOM")
        }
        #expect(!log.contains("Uncaught"), "\(log)")
        #expect(!log.contains(":CONSOLE"), "\(log)")
    }
}
