import Foundation
import Workforce

/// roster.xlsx: a run's output tables, the very rows of its CSV files, as the sheets of one workbook for
/// spreadsheet users.
///
/// Dates are dates (`yyyy-mm-dd`), money numbers shown with two decimals, hours and shares numbers shown with up
/// to four, counts and the gap numbers with the decimals of the CSV file; times of day (`07:00`), ids and names
/// stay text, exactly as in the CSV files (so a name neutralised with a leading `'` there is the same text here).
/// The roster grid colours each shift and shades weekends; rows with a status (coverage, explanations) are red,
/// amber or green. Every sheet
/// keeps its header row (the grid also its first three columns) in view and prints on A4 landscape, one page
/// wide, with the header row on every page.
///
/// The Summary sheet leaves out `solve_seconds`, the one figure that differs between two runs of a case, so
/// that the workbook, like the CSV files, is the same for the same case and options.
enum RosterWorkbook {
    /// The sheets, in order: the CSV file each one shows and its name.
    static let sheets: [(file: String, name: String)] = [
        ("summary.csv", "Summary"), ("roster_grid.csv", "Roster grid"), ("roster.csv", "Roster"),
        ("coverage.csv", "Coverage"), ("work_split.csv", "Work split"),
        ("contract_allocation.csv", "Contract allocation"), ("sector_summary.csv", "Sector summary"),
        ("explanations.csv", "Explanations"), ("changes.csv", "Changes"),
    ]

    /// How a column's (or a summary key's) values are written.
    enum Kind: Equatable {
        case text, date, money, hours
        /// A number shown with as many decimals as its CSV text has.
        case decimal
    }

    /// The kind of the values of a column (by its header) or of a summary key.
    static func kind(of name: String) -> Kind {
        let money = ["objective", "best_bound", "budget", "variance"]
        if name == "date" { return .date }
        if name.hasPrefix("penalty_") || name.hasSuffix("cost") || money.contains(name) { return .money }
        if name.hasSuffix("hours") || name.hasPrefix("hours_") || name == "share" { return .hours }
        if ["gap", "shifts_worked", "min_staff", "heads_short", "changes", "people_changed"].contains(name)
            || ["_minutes", "_shifts", "_count", "_rows"].contains(where: name.hasSuffix)
        {
            return .decimal
        }
        return .text
    }

    /// Why `tables` do not fit in a workbook (a table with more rows or columns than a sheet holds), or nil.
    static func tooLarge(_ tables: [(file: String, rows: [[String]])]) -> String? {
        for (file, rows) in tables where sheets.contains(where: { $0.file == file }) {
            if rows.count > Workbook.maxRows {
                return "\(file) has \(rows.count) rows; a sheet holds \(Workbook.maxRows)"
            }
            if let widest = rows.map(\.count).max(), widest > Workbook.maxColumns {
                return "\(file) has \(widest) columns; a sheet holds \(Workbook.maxColumns)"
            }
        }
        return nil
    }

    /// The bytes of roster.xlsx showing `tables` (a table the workbook has no sheet for is left out).
    static func render(_ tables: [(file: String, rows: [[String]])]) throws -> Data {
        let table = { (file: String) in tables.first { $0.file == file }?.rows }
        return try Workbook.render { book in
            for (file, name) in sheets {
                guard let all = table(file), let header = all.first else { continue }
                let rows = file == "summary.csv" ? all.filter { $0.first != "solve_seconds" } : all
                let sheet = try book.addSheet(name)
                var layout = Layout(rows: rows)
                switch file {
                case "summary.csv":
                    layout.kind = { row, column in row > 0 && column == 1 ? kind(of: rows[row][0]) : .text }
                case "roster_grid.csv":
                    grid(&layout, roster: table("roster.csv") ?? [])
                default:
                    if let status = header.firstIndex(of: "status") {
                        layout.colours = { row, _ in
                            row > 0 && status < rows[row].count ? statusColours[rows[row][status]] : nil
                        }
                    }
                }
                try write(layout, to: sheet, in: book, filter: file != "summary.csv")
            }
        }
    }

    /// A table and how to show it: each cell's kind and colours (background, text), the columns kept in view.
    private struct Layout {
        let rows: [[String]]
        var kind: (_ row: Int, _ column: Int) -> Kind
        var colours: (_ row: Int, _ column: Int) -> (fill: UInt32, font: UInt32?)? = { _, _ in nil }
        var frozenColumns = 0

        init(rows: [[String]]) {
            self.rows = rows
            let kinds = rows[0].map(RosterWorkbook.kind(of:))
            self.kind = { row, column in row > 0 && column < kinds.count ? kinds[column] : .text }
        }
    }

    private static let header = Workbook.Style(fill: 0xD9E1F2, bold: true, lineBelow: true)
    private static let weekendHeader: UInt32 = 0xBFBFBF
    private static let weekend: UInt32 = 0xEDEDED
    /// Excel's own red, amber (neutral) and green cell styles: background and text.
    private static let statusColours: [String: (fill: UInt32, font: UInt32?)] = [
        "red": (0xFFC7CE, 0x9C0006), "amber": (0xFFEB9C, 0x9C5700), "green": (0xC6EFCE, 0x006100),
    ]
    /// Shift colours, given to shifts in order of their start time.
    private static let shiftPalette: [UInt32] = [
        0xFFF2CC, 0xFCE4D6, 0xDDEBF7, 0xE2EFDA, 0xE4DFEC, 0xFFD9E6, 0xD9F2F2, 0xF8CBAD,
    ]

    /// The grid's look: date headers, each shift's colour (the shift of a cell is read from roster.csv, since
    /// ids may hold `@`), weekend columns shaded, the people's columns kept in view.
    private static func grid(_ layout: inout Layout, roster: [[String]]) {
        struct Slot: Hashable {
            let staffID: String
            let date: String
        }
        let rows = layout.rows
        let people = 3
        let weekends = Set(rows[0].indices.filter { $0 >= people && Day(iso: rows[0][$0])?.isWeekend == true })
        var shiftOf: [Slot: String] = [:]
        var starts: [String: String] = [:]
        if let header = roster.first, let staff = header.firstIndex(of: "staff_id"),
            let date = header.firstIndex(of: "date"), let shift = header.firstIndex(of: "shift_id"),
            let start = header.firstIndex(of: "start")
        {
            for row in roster.dropFirst() where row.count == header.count {
                shiftOf[Slot(staffID: row[staff], date: row[date])] = row[shift]
                starts[row[shift]] = row[start]
            }
        }
        let order = starts.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        let colour = Dictionary(
            uniqueKeysWithValues: order.enumerated().map { ($1, shiftPalette[$0 % shiftPalette.count]) })
        layout.kind = { row, column in row == 0 && column >= people ? .date : .text }
        layout.colours = { row, column in
            if row == 0 { return weekends.contains(column) ? (weekendHeader, nil) : nil }
            if column >= people, !rows[row][column].isEmpty,
                let shift = shiftOf[Slot(staffID: rows[row][0], date: rows[0][column])], let fill = colour[shift]
            {
                return (fill, nil)
            }
            return weekends.contains(column) ? (weekend, nil) : nil
        }
        layout.frozenColumns = people
    }

    /// Writes a table into a sheet: its cells, column widths, frozen header and print settings.
    private static func write(_ layout: Layout, to sheet: Workbook.Sheet, in book: Workbook, filter: Bool) throws {
        var widths: [Int] = []
        for (r, row) in layout.rows.enumerated() {
            for (column, text) in row.enumerated() {
                let kind = layout.kind(r, column)
                var style = r == 0 ? header : Workbook.Style()
                if let colours = layout.colours(r, column) {
                    style.fill = colours.fill
                    style.fontColor = colours.font
                }
                style.numberFormat = numberFormat(kind, text)
                if kind == .date, let day = Day(iso: text), Workbook.dates.contains(day) {
                    try book.write(day, sheet, row: r, column: column, style: style)
                } else if kind != .text && kind != .date, let number = Double(text), number.isFinite {
                    try book.write(number, sheet, row: r, column: column, style: style)
                } else if !text.isEmpty || style != Workbook.Style() {
                    try book.write(text, sheet, row: r, column: column, style: style)
                }
                if column >= widths.count { widths.append(0) }
                // A header's filter button takes about two characters.
                widths[column] = max(widths[column], text.count + (r == 0 && filter ? 2 : 0))
            }
        }
        for (column, width) in widths.enumerated() {
            try book.setWidth(Double(min(max(width, 6), 48) + 2), sheet, column: column)
        }
        try book.freeze(sheet, rows: 1, columns: layout.frozenColumns)
        if filter { try book.autofilter(sheet, rows: layout.rows.count, columns: widths.count) }
        try book.printLandscapeFitToWidth(sheet, repeatRows: 1, repeatColumns: layout.frozenColumns)
    }

    /// Excel's number format for a value of `kind` written in the CSV file as `text`.
    private static func numberFormat(_ kind: Kind, _ text: String) -> String? {
        switch kind {
        case .text: return nil
        case .date: return "yyyy-mm-dd"
        case .money: return "0.00"
        case .hours: return "0.0###"
        case .decimal:
            let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
        }
    }
}
