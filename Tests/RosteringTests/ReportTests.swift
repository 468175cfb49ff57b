import Foundation
import Rostering
import TestSupport
import Testing
import Workforce

@Suite struct ReportTests {
    /// The heat map's cells: (data-key, status), in the page's order.
    static func heatCells(_ html: String) throws -> [(key: String, status: String)] {
        let cell = try Regex(#"<td class="c (red|amber|green)" id="c-[0-9]+" data-key="([^"]*)""#)
        return html.matches(of: cell).map { match in
            (String(match.output[2].substring ?? ""), String(match.output[1].substring ?? ""))
        }
    }

    /// The first group of every match of `pattern` in `html`.
    static func captures(_ pattern: String, _ html: String) throws -> [String] {
        html.matches(of: try Regex(pattern)).map { String($0.output[1].substring ?? "") }
    }

    @Test func heatMapHasOneCellPerDemandRowWithTheStatusOfCoverageCSV() throws {
        let folder = try CaseFiles.folder(richCase)
        let c = try CaseReader.read(folder: folder).case
        let out = folder.appendingPathComponent("out")
        try solve(c).outputs(for: c).write(to: out)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let coverage = try CSVFile.rows(
            folder: out, file: "coverage.csv", required: ["date", "shift_id", "locality_id", "competency_id", "status"])
        let expected = coverage.map { row in
            let cells = row.cells
            return "\(cells["date"]!)|\(cells["shift_id"]!)|\(cells["locality_id"]!)|\(cells["competency_id"]!)="
                + cells["status"]!
        }
        let cells = try Self.heatCells(html)
        #expect(cells.count == c.demand.count)
        #expect(Set(cells.map { "\($0.key)=\($0.status)" }) == Set(expected))
        #expect(Set(cells.map(\.key)).count == cells.count)
    }

    @Test func everyRedAndAmberCellLinksToItsExplanation() throws {
        let c = try CaseFiles.read(CaseFiles.shortfalls)
        let evaluation = Evaluator(c).evaluate(shortfallRoster)
        let shortfalls = ShortfallExplainer(c, roster: shortfallRoster, evaluation: evaluation).shortfalls()
        let html = RosterReport(
            case: c, roster: shortfallRoster, evaluation: evaluation, shortfalls: shortfalls, summary: nil, changes: nil
        ).html
        let links = Set(try Self.captures(##"href="#(x-[0-9]+)""##, html))
        let targets = Set(try Self.captures(#"<div class="x [a-z]+" id="(x-[0-9]+)""#, html))
        #expect(links.count == shortfalls.count)
        #expect(links == targets)
        let short = try Self.heatCells(html).filter { $0.status != "green" }
        #expect(short.count == shortfalls.count)
        // Each explanation names its person and the reason built into the case.
        #expect(html.contains("Lea on leave <small>lea</small></td><td><span class=\"tag unavailable\">"))
        #expect(html.contains("<span class=\"tag rest\">rest</span></td><td>only 0 h rest after N on 2025-03-03"))
        #expect(html.contains("<span class=\"tag locality_not_allowed\">not allowed here</span>"))
        #expect(html.contains("No summary.csv beside this roster"))
        #expect(!html.contains("id=\"changes\""))
    }

    @Test func textFromTheCaseIsEscaped() throws {
        var files = CaseFiles.shortfalls
        files["staff.csv"] = files["staff.csv"]!.replacingOccurrences(
            of: "Lea on leave", with: "\"<script>alert('x')</script> & <b>Lea\"\"</b>\"")
        let c = try CaseFiles.read(files)
        #expect(c.staff[0].name == "<script>alert('x')</script> & <b>Lea\"</b>")
        let evaluation = Evaluator(c).evaluate(shortfallRoster)
        let shortfalls = ShortfallExplainer(c, roster: shortfallRoster, evaluation: evaluation).shortfalls()
        let changes = [
            ["staff_id": "lea", "date": "2025-03-04", "before": "", "after": "E@hub", "why": "<i>cover</i>"]
        ]
        let html = RosterReport(
            case: c, roster: shortfallRoster, evaluation: evaluation, shortfalls: shortfalls, summary: nil,
            changes: changes
        ).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>Lea") && !html.contains("<i>cover"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Lea&quot;&lt;/b&gt;"))
        #expect(html.contains("<td>&lt;i&gt;cover&lt;/i&gt;</td>"))
        #expect(html.contains("<h2 id=\"changes\">Changes against the baseline</h2>\n<p>1 change (changes.csv).</p>"))
    }

    @Test func reportListsTheChangesAgainstTheBaseline() throws {
        let files = CaseFiles.single(
            days: 3, staff: "staff_id,name,home_locality,competencies,hourly_cost\nann,Ann,home,care,10\n",
            demandHours: 8,
            extra: [
                "availability.csv": "staff_id,date,kind\nann,2025-03-04,unavailable\n",
                "baseline.csv":
                    "staff_id,date,shift_id,locality_id\nann,2025-03-03,E,home\nann,2025-03-04,E,home\n"
                    + "ann,2025-03-05,E,home\n",
            ])
        let c = try CaseFiles.read(files)
        let outputs = try solve(c).outputs(for: c)
        let changes = try #require(outputs.tables.first { $0.file == "changes.csv" }?.rows)
        #expect(changes.count == 2)
        let html = String(decoding: try #require(outputs.documents.first?.bytes), as: UTF8.self)
        #expect(html.contains("<a href=\"#changes\">Changes</a>"))
        #expect(html.contains("<p>1 change (changes.csv).</p>"))
        #expect(html.contains("<tr><td>ann <small>Ann</small></td><td>2025-03-04</td>"))
        #expect(html.contains("<td>\(changes[1][2])</td><td>\(changes[1][3])</td><td>\(changes[1][4])</td></tr>"))
    }

    @Test func reportShowsTheRunsSummaryAndTheJointWorkersSplit() throws {
        let c = try CaseFiles.read(richCase)
        let run = try solve(c)
        let outputs = run.outputs(for: c)
        let html = try #require(outputs.documents.first { $0.file == "report.html" }).bytes
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("<div class=\"kpi\"><b>optimal</b><span>status</span></div>"))
        #expect(text.contains("<h3>Joint workers: how each one's pay is split</h3>"))
        // Gus, the joint worker, is charged to both sectors he gave care to.
        let gus = try #require(run.evaluation?.people.first { $0.staffID == "gus" })
        for (sector, _) in gus.sectorHours { #expect(text.contains("<th class=\"n\">\(sector)</th>")) }
        #expect(text.contains("Gus Rendall <small>gus</small>"))
        #expect(text.contains("@page { size: A4 landscape"))
        #expect(!text.contains("<script") && !text.contains("http://") && !text.contains("https://"))
    }
}
