import Foundation
import Testing
import Workforce

@testable import Rostering

/// The checks ``Workbook`` makes before any call to libxlsxwriter.
@Suite struct WorkbookTests {
    /// Each refused argument is a Swift error naming the problem; the process goes on.
    @Test(arguments: [
        ("Roster/2025", "cannot hold '/'"), (String(repeating: "a", count: 32), "1 to 31 characters"),
        ("", "1 to 31 characters"), ("'quoted'", "begin or end with '"), ("history", "reserves the name History"),
        ("summary", "has a sheet of that name"), ("tab\there", "cannot hold '\\t'"),
    ])
    func aBadSheetNameIsRefused(name: String, message: String) throws {
        let error = #expect(throws: Workbook.Failure.self) {
            _ = try Workbook.render { book in
                _ = try book.addSheet("Summary")
                _ = try book.addSheet(name)
            }
        }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "-")")
    }

    @Test func badCellsAreRefusedAndAGoodWorkbookIsStillWritten() throws {
        let refused: [(String, (Workbook, Workbook.Sheet) throws -> Void)] = [
            (
                "longer than a cell holds",
                { try $0.write(String(repeating: "é", count: 32_768), $1, row: 0, column: 0) }
            ),
            ("NUL", { try $0.write("a\0b", $1, row: 0, column: 0) }),
            ("outside a sheet", { try $0.write("x", $1, row: Workbook.maxRows, column: 0) }),
            ("outside a sheet", { try $0.write("x", $1, row: 0, column: -1) }),
            ("outside a sheet", { try $0.write(1.5, $1, row: 0, column: Workbook.maxColumns) }),
            ("not a number", { try $0.write(Double.nan, $1, row: 0, column: 0) }),
            (
                "outside the dates",
                {
                    try $0.write(
                        Day(iso: "1899-12-31")!, $1, row: 0, column: 0, style: Workbook.Style(numberFormat: "yyyy"))
                }
            ),
            ("0xRRGGBB", { try $0.write("x", $1, row: 0, column: 0, style: Workbook.Style(fill: 0x1_000_000)) }),
            ("a column width", { try $0.setWidth(256, $1, column: 0) }),
        ]
        for (message, call) in refused {
            let error = #expect(throws: Workbook.Failure.self) {
                _ = try Workbook.render { book in try call(book, try book.addSheet("Sheet")) }
            }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "-")")
        }
        let bytes = try Workbook.render { book in
            let sheet = try book.addSheet("Sheet")
            try book.write(String(repeating: "é", count: Workbook.maxTextLength), sheet, row: 0, column: 0)
            try book.write(
                Day(iso: "9999-12-31")!, sheet, row: Workbook.maxRows - 1, column: Workbook.maxColumns - 1,
                style: Workbook.Style(numberFormat: "yyyy-mm-dd"))
        }
        #expect(bytes.starts(with: [0x50, 0x4B]))
    }

    @Test func aSheetOfAnotherWorkbookOrAClosedWorkbookIsRefused() throws {
        let foreign = #expect(throws: Workbook.Failure.self) {
            _ = try Workbook.render { outer in
                _ = try outer.addSheet("Sheet")
                _ = try Workbook.render { inner in try outer.write("x", try inner.addSheet("Sheet"), row: 0, column: 0)
                }
            }
        }
        #expect(foreign?.description == "a sheet of another workbook")
        var kept: (Workbook, Workbook.Sheet)?
        _ = try Workbook.render { book in kept = (book, try book.addSheet("Sheet")) }
        let (book, sheet) = try #require(kept)
        let closed = #expect(throws: Workbook.Failure.self) { try book.write(1, sheet, row: 0, column: 0) }
        #expect(closed?.description.contains("closed already") == true)
    }
}
