import CXlsxWriter
import Foundation
import Workforce

/// An Excel workbook (.xlsx) written by libxlsxwriter: the only code that calls it.
///
/// Every argument is checked in Swift before the C call, so that libxlsxwriter never sees one it would refuse:
/// sheet names Excel accepts, text without NUL and within a cell's 32,767 characters (a Swift string is valid
/// UTF-8 by construction), rows and columns within a sheet, finite numbers, dates Excel can show, colours and
/// widths in range. Every `lxw_error` libxlsxwriter still returns comes back as a ``Failure``. Text is always
/// written as text (`worksheet_write_string`), never as a formula.
///
/// A workbook exists only inside ``render(_:)``, which builds it in a private temporary folder and returns
/// the file's bytes. The same calls give the same bytes: the file's creation time is fixed (``created``).
final class Workbook {
    /// A refused argument or a failure of libxlsxwriter, with the sheet and cell concerned.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The rows of a sheet (Excel's limit).
    static let maxRows = 1_048_576
    /// The columns of a sheet (Excel's limit).
    static let maxColumns = 16_384
    /// The characters of a cell's text (Excel's limit, in UTF-16 code units).
    static let maxTextLength = 32_767
    /// The dates a cell can hold as dates: Excel counts days from 1900 and miscounts them before March 1900.
    static let dates = Day(iso: "1900-03-01")!...Day(iso: "9999-12-31")!

    /// The creation time recorded in every workbook, 2000-01-01 00:00 UTC: a workbook's bytes depend on its
    /// contents alone, as the CSV files' do.
    static let created = 946_684_800

    /// The look of a cell: a number format (Excel's codes, e.g. `0.00`), a background and text colour
    /// (`0xRRGGBB`), bold, and a thin line below (for header rows).
    struct Style: Hashable {
        var numberFormat: String?
        var fill: UInt32?
        var fontColor: UInt32?
        var bold = false
        var lineBelow = false
    }

    /// A worksheet of the workbook it was added to.
    struct Sheet {
        fileprivate let book: ObjectIdentifier
        fileprivate let index: Int
    }

    private let book: UnsafeMutablePointer<lxw_workbook>
    private var sheets: [(name: String, pointer: UnsafeMutablePointer<lxw_worksheet>)] = []
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false

    private init(_ book: UnsafeMutablePointer<lxw_workbook>) { self.book = book }

    /// Builds a workbook with `body` and returns the bytes of its .xlsx file.
    /// - Throws: ``Failure`` for a refused argument or a failure to write; whatever `body` throws.
    static func render(_ body: (Workbook) throws -> Void) throws -> Data {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("roster-xlsx-\(UUID().uuidString)")
        // Private: the workbook holds people's names and rosters.
        let privately: [FileAttributeKey: Any] = [.posixPermissions: 0o700]
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: false, attributes: privately)
        } catch {
            throw Failure(description: "cannot create a temporary folder for the workbook: \(error)")
        }
        defer { try? manager.removeItem(at: folder) }
        let path = folder.appendingPathComponent("workbook.xlsx").path
        guard let book = workbook_new(path) else { throw Failure(description: "libxlsxwriter cannot start a workbook") }
        let workbook = Workbook(book)
        do {
            var properties = lxw_doc_properties()
            properties.created = time_t(created)
            try check(workbook_set_properties(book, &properties), "cannot set the workbook's properties")
            try body(workbook)
        } catch {
            _ = workbook.close()
            throw error
        }
        try check(workbook.close(), "cannot write the workbook")
        guard let bytes = manager.contents(atPath: path) else {
            throw Failure(description: "cannot read the workbook libxlsxwriter wrote at '\(path)'")
        }
        return bytes
    }

    /// Adds a worksheet named `name`: 1 to 31 characters, none of `[ ] : * ? / \`, no control character, not
    /// beginning or ending with `'`, not `History` (reserved by Excel), unlike every other sheet's name
    /// (ignoring case).
    func addSheet(_ name: String) throws -> Sheet {
        try checkOpen()
        let quoted = "sheet name '\(name.debugDescription.dropFirst().dropLast())'"
        guard !name.isEmpty, name.utf16.count <= 31 else {
            throw Failure(description: "\(quoted): a sheet name has 1 to 31 characters")
        }
        if let bad = name.unicodeScalars.first(where: { "[]:*?/\\".unicodeScalars.contains($0) || $0.value < 0x20 }) {
            throw Failure(description: "\(quoted): a sheet name cannot hold '\(bad.escaped(asASCII: true))'")
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw Failure(description: "\(quoted): a sheet name cannot begin or end with '")
        }
        guard name.lowercased() != "history" else {
            throw Failure(description: "\(quoted): Excel reserves the name History")
        }
        guard !sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Failure(description: "\(quoted): the workbook has a sheet of that name already")
        }
        guard let pointer = workbook_add_worksheet(book, name) else {
            throw Failure(description: "\(quoted): libxlsxwriter refused the sheet")
        }
        sheets.append((name, pointer))
        return Sheet(book: ObjectIdentifier(self), index: sheets.count - 1)
    }

    /// Writes `text` as text (never a formula) into a cell; empty text leaves the cell blank but styled.
    func write(_ text: String, _ sheet: Sheet, row: Int, column: Int, style: Style = Style()) throws {
        let (pointer, format) = try prepare(sheet, row, column, style)
        guard !text.unicodeScalars.contains("\0") else {
            throw Failure(description: "\(cell(sheet, row, column)): text cannot hold a NUL character")
        }
        guard text.utf16.count <= Self.maxTextLength else {
            throw Failure(
                description: "\(cell(sheet, row, column)): text of \(text.utf16.count) characters is longer than "
                    + "a cell holds (\(Self.maxTextLength))")
        }
        let result =
            text.isEmpty
            ? worksheet_write_blank(pointer, lxw_row_t(row), lxw_col_t(column), format)
            : worksheet_write_string(pointer, lxw_row_t(row), lxw_col_t(column), text, format)
        try Self.check(result, cell(sheet, row, column))
    }

    /// Writes a finite number into a cell.
    func write(_ number: Double, _ sheet: Sheet, row: Int, column: Int, style: Style = Style()) throws {
        let (pointer, format) = try prepare(sheet, row, column, style)
        guard number.isFinite else {
            throw Failure(description: "\(cell(sheet, row, column)): \(number) is not a number a cell holds")
        }
        try Self.check(
            worksheet_write_number(pointer, lxw_row_t(row), lxw_col_t(column), number, format),
            cell(sheet, row, column))
    }

    /// Writes a date (within ``dates``) into a cell; `style` should give a date format.
    func write(_ day: Day, _ sheet: Sheet, row: Int, column: Int, style: Style) throws {
        let (pointer, format) = try prepare(sheet, row, column, style)
        guard Self.dates.contains(day) else {
            throw Failure(description: "\(cell(sheet, row, column)): \(day.iso) is outside the dates Excel shows")
        }
        let parts = day.iso.split(separator: "-").compactMap { Int32($0) }
        var date = lxw_datetime(year: parts[0], month: parts[1], day: parts[2], hour: 0, min: 0, sec: 0)
        try Self.check(
            worksheet_write_datetime(pointer, lxw_row_t(row), lxw_col_t(column), &date, format),
            cell(sheet, row, column))
    }

    /// Sets the width of a column, in characters (0 to 255).
    func setWidth(_ width: Double, _ sheet: Sheet, column: Int) throws {
        let (pointer, _) = try prepare(sheet, 0, column, nil)
        guard (0...255).contains(width) else {
            throw Failure(description: "sheet '\(sheets[sheet.index].name)': a column width of \(width)")
        }
        try Self.check(
            worksheet_set_column(pointer, lxw_col_t(column), lxw_col_t(column), width, nil),
            "sheet '\(sheets[sheet.index].name)'")
    }

    /// Keeps the first `rows` rows and `columns` columns in view when scrolling.
    func freeze(_ sheet: Sheet, rows: Int, columns: Int) throws {
        let (pointer, _) = try prepare(sheet, rows, columns, nil)
        worksheet_freeze_panes(pointer, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Puts filter buttons on the first row over the first `rows` rows and `columns` columns.
    func autofilter(_ sheet: Sheet, rows: Int, columns: Int) throws {
        let (pointer, _) = try prepare(sheet, rows - 1, columns - 1, nil)
        try Self.check(
            worksheet_autofilter(pointer, 0, 0, lxw_row_t(rows - 1), lxw_col_t(columns - 1)),
            "sheet '\(sheets[sheet.index].name)'")
    }

    /// Prints the sheet on A4 landscape, scaled to one page wide, the first `repeatRows` rows (and the first
    /// `repeatColumns` columns) on every page, the sheet's name and page number at the foot.
    func printLandscapeFitToWidth(_ sheet: Sheet, repeatRows: Int, repeatColumns: Int = 0) throws {
        let (pointer, _) = try prepare(sheet, repeatRows, repeatColumns, nil)
        let name = "sheet '\(sheets[sheet.index].name)'"
        worksheet_set_landscape(pointer)
        worksheet_set_paper(pointer, 9)  // A4
        worksheet_fit_to_pages(pointer, 1, 0)  // one page wide, as many tall as needed
        if repeatRows > 0 { try Self.check(worksheet_repeat_rows(pointer, 0, lxw_row_t(repeatRows - 1)), name) }
        if repeatColumns > 0 {
            try Self.check(worksheet_repeat_columns(pointer, 0, lxw_col_t(repeatColumns - 1)), name)
        }
        try Self.check(worksheet_set_footer(pointer, "&L&A&RPage &P of &N"), name)
    }

    /// Checks that the workbook is open, `sheet` is one of its sheets and the cell within a sheet; returns the
    /// sheet and the format for `style` (added to the workbook the first time it is used).
    private func prepare(
        _ sheet: Sheet, _ row: Int, _ column: Int, _ style: Style?
    )
        throws -> (UnsafeMutablePointer<lxw_worksheet>, UnsafeMutablePointer<lxw_format>?)
    {
        try checkOpen()
        guard sheet.book == ObjectIdentifier(self), sheets.indices.contains(sheet.index) else {
            throw Failure(description: "a sheet of another workbook")
        }
        guard (0..<Self.maxRows).contains(row), (0..<Self.maxColumns).contains(column) else {
            throw Failure(
                description: "sheet '\(sheets[sheet.index].name)': row \(row + 1), column \(column + 1) is outside "
                    + "a sheet (\(Self.maxRows) rows, \(Self.maxColumns) columns)")
        }
        return (sheets[sheet.index].pointer, try style.map(format))
    }

    /// The libxlsxwriter format for `style`, made once.
    private func format(_ style: Style) throws -> UnsafeMutablePointer<lxw_format> {
        if let made = formats[style] { return made }
        for colour in [style.fill, style.fontColor].compactMap({ $0 }) where colour > 0xFF_FFFF {
            throw Failure(description: "colour \(String(colour, radix: 16)) is not 0xRRGGBB")
        }
        if let code = style.numberFormat, code.isEmpty || code.utf8.count > 255 || code.contains("\0") {
            throw Failure(description: "number format '\(code)' is not 1 to 255 characters without NUL")
        }
        guard let made = workbook_add_format(book) else { throw Failure(description: "libxlsxwriter is out of memory") }
        if let code = style.numberFormat { format_set_num_format(made, code) }
        // libxlsxwriter takes 0x000000 for "no colour" and black as LXW_COLOR_BLACK.
        let black = lxw_color_t(LXW_COLOR_BLACK.rawValue)
        if let fill = style.fill { format_set_bg_color(made, fill == 0 ? black : fill) }
        if let colour = style.fontColor { format_set_font_color(made, colour == 0 ? black : colour) }
        if style.bold { format_set_bold(made) }
        if style.lineBelow { format_set_bottom(made, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[style] = made
        return made
    }

    private func checkOpen() throws {
        if closed { throw Failure(description: "the workbook is written and closed already") }
    }

    /// Writes the file and frees the workbook (libxlsxwriter frees it whatever the outcome).
    private func close() -> lxw_error {
        closed = true
        return workbook_close(book)
    }

    /// `Sheet!B12` style reference to a cell, for messages.
    private func cell(_ sheet: Sheet, _ row: Int, _ column: Int) -> String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + letters
            rest = (rest - 1) / 26
        }
        return "sheet '\(sheets[sheet.index].name)', cell \(letters)\(row + 1)"
    }

    private static func check(_ result: lxw_error, _ context: @autoclosure () -> String) throws {
        guard result != LXW_NO_ERROR else { return }
        throw Failure(description: "\(context()): libxlsxwriter: \(String(cString: lxw_strerror(result)))")
    }
}
