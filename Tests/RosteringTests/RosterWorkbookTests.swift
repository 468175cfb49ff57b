import Foundation
import TestSupport
import Testing
import Workforce

@testable import Rostering

/// A workbook as openpyxl reads it (Debian's python3-openpyxl, run by `/usr/bin/python3`).
struct WorkbookDump: Decodable {
    struct Cell: Decodable {
        /// `s` text, `n` number, `d` date, `f` formula, `b` boolean, `blank`.
        var t: String
        var s: String?
        var n: Double?
        /// The number format, and the background colour as ARGB hex (nil without a fill).
        var format: String
        var fill: String?
    }

    struct Sheet: Decodable {
        var name: String
        var freeze: String?
        var orientation: String?
        var paper: String?
        var fitToWidth: Int?
        var fitToHeight: Int?
        var fitToPage: Bool
        var titleRows: String?
        var titleColumns: String?
        var filter: String?
        var cells: [[Cell]]
    }

    var sheets: [Sheet]

    static let python = "/usr/bin/python3"

    /// Whether openpyxl is there to read workbooks back.
    static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import openpyxl"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    private static let script = """
        import datetime, json, sys
        import openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        def cell(c):
            fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
            out = {"format": c.number_format, "fill": fill}
            v = c.value
            if c.data_type == "f":
                out.update(t="f", s=str(v))
            elif v is None:
                out.update(t="blank")
            elif isinstance(v, datetime.datetime):
                out.update(t="d", s=v.date().isoformat() if v.time() == datetime.time() else v.isoformat())
            elif isinstance(v, bool):
                out.update(t="b", s=str(v))
            elif isinstance(v, (int, float)):
                out.update(t="n", n=v)
            else:
                out.update(t="s", s=v)
            return out
        sheets = []
        for ws in book.worksheets:
            setup = ws.sheet_properties.pageSetUpPr
            sheets.append({
                "name": ws.title, "freeze": ws.freeze_panes, "orientation": ws.page_setup.orientation,
                "paper": None if ws.page_setup.paperSize is None else str(ws.page_setup.paperSize),
                "fitToWidth": None if ws.page_setup.fitToWidth is None else int(ws.page_setup.fitToWidth),
                "fitToHeight": None if ws.page_setup.fitToHeight is None else int(ws.page_setup.fitToHeight),
                "fitToPage": bool(setup is not None and setup.fitToPage),
                "titleRows": ws.print_title_rows, "titleColumns": ws.print_title_cols, "filter": ws.auto_filter.ref,
                "cells": [[cell(c) for c in row] for row in ws.iter_rows()],
            })
        json.dump({"sheets": sheets}, sys.stdout)
        """

    /// Reads the workbook at `path` with openpyxl.
    static func read(_ path: URL) throws -> WorkbookDump {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, path.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "openpyxl: \(problem)"])
        }
        return try JSONDecoder().decode(WorkbookDump.self, from: data)
    }

    func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }) }
}

/// The rows of a CSV file of `folder`, read with the case reader's parser.
private func csv(_ folder: URL, _ file: String) throws -> [[String]] {
    let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
    return CSVParser.parse([UInt8](bytes)).records.map(\.fields)
}

/// roster.xlsx read back: the CSV files' values, cell for cell, with their formats, colours and print settings.
@Suite struct RosterWorkbookTests {
    /// Solves the rich case, with a baseline for changes.csv and care on a skerry nobody reaches for
    /// explanations.csv, and writes its outputs; returns the output folder and the workbook read back.
    private func written() throws -> (out: URL, book: WorkbookDump) {
        var files = richCase
        files["baseline.csv"] = "staff_id,date,shift_id,locality_id\ngus,2025-03-08,E,isle\nbea,2025-03-09,E,hub\n"
        files["localities.csv", default: ""] += "skerry,Skerry\n"
        files["demand.csv", default: ""] += "2025-03-09,E,skerry,care,30,2,\n"
        let folder = try CaseFiles.folder(files)
        let c = try CaseReader.read(folder: folder).case
        let out = folder.appendingPathComponent("out")
        try solve(c).outputs(for: c).write(to: out)
        return (out, try WorkbookDump.read(out.appendingPathComponent("roster.xlsx")))
    }

    @Test(.enabled(if: WorkbookDump.available))
    func everySheetHoldsItsCSVFileCellForCell() throws {
        let (out, book) = try written()
        #expect(book.sheets.map(\.name) == RosterWorkbook.sheets.map(\.name))
        for (file, name) in RosterWorkbook.sheets {
            var rows = try csv(out, file)
            if file == "summary.csv" {
                // The workbook's own checksum cannot be in it; solve_seconds is left out to keep it reproducible.
                #expect(rows.contains { $0.first == "checksum:roster.xlsx" })
                rows.removeAll { ["checksum:roster.xlsx", "solve_seconds"].contains($0.first) }
                #expect(rows.contains { $0.first == "run_id" })
            }
            let sheet = try book.sheet(name)
            #expect(sheet.cells.count == rows.count, "\(name)")
            for (r, (cells, texts)) in zip(sheet.cells, rows).enumerated() {
                #expect(cells.count == texts.count, "\(name) row \(r + 1)")
                for (column, (cell, text)) in zip(cells, texts).enumerated() {
                    let place = "\(name) row \(r + 1) column \(column + 1): \(cell) for '\(text)'"
                    switch cell.t {
                    case "blank": #expect(text.isEmpty, "\(place)")
                    case "n":
                        let value = try #require(Double(text), "\(place)")
                        #expect(abs(try #require(cell.n) - value) <= 1e-9, "\(place)")
                    case "s", "d": #expect(cell.s == text, "\(place)")
                    default: Issue.record("\(place): a cell of type \(cell.t)")
                    }
                }
            }
        }
    }

    @Test(.enabled(if: WorkbookDump.available))
    func datesAreDatesTimesAreTextAndFiguresAreFormatted() throws {
        let (out, book) = try written()
        let formats = ["date": "yyyy-mm-dd", "cost": "0.00", "total_cost": "0.00", "hours": "0.0###"]
        for (file, name) in RosterWorkbook.sheets where file != "summary.csv" {
            let header = try csv(out, file)[0]
            let sheet = try book.sheet(name)
            for row in sheet.cells.dropFirst() {
                for (column, cell) in row.enumerated() where cell.t != "blank" {
                    switch header[column] {
                    case "date": #expect(cell.t == "d" && cell.format == "yyyy-mm-dd", "\(name): \(cell)")
                    case "start", "end":
                        #expect(cell.t == "s" && cell.s?.wholeMatch(of: /\d\d:\d\d/) != nil, "\(name): \(cell)")
                    case "staff_id", "shift_id", "locality_id", "name", "status": #expect(cell.t == "s")
                    case let key where formats[key] != nil:
                        #expect(cell.t == "n" && cell.format == formats[key], "\(name) \(key): \(cell)")
                    default: break
                    }
                }
            }
        }
        let grid = try book.sheet("Roster grid")
        #expect(grid.cells[0].dropFirst(3).allSatisfy { $0.t == "d" && $0.format == "yyyy-mm-dd" })
        let summary = try book.sheet("Summary").cells
        let objective = try #require(summary.first { $0.first?.s == "objective" })
        #expect(objective[1].t == "n" && objective[1].format == "0.00")
        let status = try #require(summary.first { $0.first?.s == "status" })
        #expect(status[1].t == "s" && status[1].s == "optimal")
    }

    @Test(.enabled(if: WorkbookDump.available))
    func aFormulaLikeNameStaysText() throws {
        let (_, book) = try written()
        let cells = try book.sheet("Roster grid").cells.flatMap { $0 }
        #expect(!cells.contains { $0.t == "f" })
        #expect(cells.contains { $0.t == "s" && $0.s == "'=Ann Flett" })
    }

    @Test(.enabled(if: WorkbookDump.available))
    func headersStayInViewAndSheetsPrintOnePageWideInLandscape() throws {
        let (_, book) = try written()
        for sheet in book.sheets {
            #expect(sheet.freeze == (sheet.name == "Roster grid" ? "D2" : "A2"), "\(sheet.name)")
            #expect(sheet.orientation == "landscape" && sheet.paper == "9", "\(sheet.name)")
            // One page wide (fitToWidth's default, 1) and as many tall as needed (0).
            #expect(sheet.fitToPage && (sheet.fitToWidth ?? 1) == 1 && sheet.fitToHeight == 0, "\(sheet.name)")
            #expect(sheet.titleRows == "1:1" || sheet.titleRows == "$1:$1", "\(sheet.name): \(sheet.titleRows ?? "-")")
            #expect((sheet.filter != nil) == (sheet.name != "Summary"), "\(sheet.name)")
        }
        let grid = try book.sheet("Roster grid")
        #expect(grid.titleColumns == "A:C" || grid.titleColumns == "$A:$C", "\(grid.titleColumns ?? "-")")
    }

    @Test(.enabled(if: WorkbookDump.available))
    func theGridColoursShiftsAndShadesWeekendsAndCoverageShowsItsStatus() throws {
        let (out, book) = try written()
        let roster = try csv(out, "roster.csv")
        let grid = try book.sheet("Roster grid").cells
        var shiftFill: [String: String] = [:]
        for row in grid.dropFirst() {
            for (column, cell) in row.enumerated().dropFirst(3) {
                let date = try #require(grid[0][column].s)
                let weekend = try #require(Day(iso: date)).isWeekend
                if cell.t == "blank" {
                    #expect(cell.fill == (weekend ? "FFEDEDED" : nil), "\(date): \(cell)")
                    continue
                }
                let staff = try #require(row[0].s)
                let shift = try #require(roster.first { $0[0] == staff && $0[1] == date }?[2])
                let fill = try #require(cell.fill, "\(staff) \(date)")
                #expect(shiftFill[shift, default: fill] == fill, "one colour per shift")
                shiftFill[shift] = fill
            }
        }
        #expect(shiftFill.count == 2 && Set(shiftFill.values).count == 2, "\(shiftFill)")
        let fills = ["red": "FFFFC7CE", "amber": "FFFFEB9C", "green": "FFC6EFCE"]
        for name in ["Coverage", "Explanations"] {
            let cells = try book.sheet(name).cells
            let status = try #require(cells[0].firstIndex { $0.s == "status" })
            #expect(cells.count > 1, "\(name)")
            for row in cells.dropFirst() {
                let expected = try #require(fills[row[status].s ?? ""])
                #expect(row.allSatisfy { $0.fill == expected }, "\(name): \(row)")
            }
        }
    }

    @Test func theWorkbookIsTiedToItsRunAndReproducible() throws {
        let folder = try CaseFiles.folder(richCase)
        let c = try CaseReader.read(folder: folder).case
        let first = folder.appendingPathComponent("first")
        let second = folder.appendingPathComponent("second")
        try solve(c).outputs(for: c).write(to: first)
        try solve(c).outputs(for: c).write(to: second)
        let bytes = try Data(contentsOf: first.appendingPathComponent("roster.xlsx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip file, as every .xlsx is
        #expect(bytes == (try Data(contentsOf: second.appendingPathComponent("roster.xlsx"))))
        #expect(RunIdentity.verify(first).isEmpty)
        // roster report rewrites report.html and summary.csv's identity: the id, which the workbook shows, stays.
        let summary = try csv(first, "summary.csv")
        let report = try String(contentsOf: first.appendingPathComponent("report.html"), encoding: .utf8)
        try ReportFolder.write(report, to: first)
        #expect(try csv(first, "summary.csv") == summary)
        // Another run's workbook, or an edited one, is not the one summary.csv was written with.
        try (bytes + [0]).write(to: first.appendingPathComponent("roster.xlsx"))
        #expect(RunIdentity.verify(first).map(\.description).contains { $0.hasPrefix("roster.xlsx") })
    }

    @Test func aTableLargerThanASheetIsNamed() {
        let fits: [(file: String, rows: [[String]])] = [("coverage.csv", [["date"], ["2025-03-07"]])]
        #expect(RosterWorkbook.tooLarge(fits) == nil)
        let long = [[String]](repeating: ["x"], count: Workbook.maxRows + 1)
        #expect(
            RosterWorkbook.tooLarge([("coverage.csv", long)]) == "coverage.csv has 1048577 rows; a sheet holds 1048576")
        #expect(RosterWorkbook.tooLarge([("not_a_sheet.csv", long)]) == nil)
    }
}
