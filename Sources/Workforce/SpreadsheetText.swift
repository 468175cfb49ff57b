/// What spreadsheets do to CSV files, recognised so that the message says how to save the file again.
enum SpreadsheetText {
    /// UTF-16 text (Excel's "Unicode Text"), told by its byte-order mark or by zero bytes.
    static func encodingProblem(_ bytes: [UInt8]) -> String? {
        let utf16 =
            bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(4096).contains(0)
        guard utf16 else { return nil }
        return "the file is UTF-16 text (Excel's 'Unicode Text'), not CSV UTF-8: save it again as "
            + "'CSV UTF-8 (Comma delimited)' (Excel) or 'Text CSV' with character set Unicode (UTF-8) (LibreOffice)"
    }

    /// Whether text that is not UTF-8 reads as single-byte Windows-1252 (Excel's "CSV (Comma delimited)"
    /// on Windows): bytes above 127 that never form UTF-8 sequences.
    static func looksLikeWindows1252(_ bytes: [UInt8]) -> Bool {
        guard String(validating: bytes, as: UTF8.self) == nil else { return false }
        var index = 0
        var lone = 0
        while index < bytes.count {
            if bytes[index] >= 0x80 {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next < 0x80 || next >= 0xC0 { lone += 1 }
                index += 1
                while index < bytes.count, bytes[index] >= 0x80 { index += 1 }
            } else {
                index += 1
            }
        }
        return lone > 0
    }

    static let windows1252Advice =
        "text is not valid UTF-8; it looks like Windows-1252 (Excel's 'CSV (Comma delimited)'), which garbles "
        + "accented names: save the file as 'CSV UTF-8 (Comma delimited)'"

    /// A header of one cell holding `;` or tab: the columns were saved with another separator.
    static func wrongSeparator(header: [String], required: [String]) -> String? {
        guard header.count == 1, let only = header.first else { return nil }
        for (separator, name) in [(";", "';' (semicolon)"), ("\t", "tabs")] where only.contains(separator) {
            return "the columns are separated by \(name), not commas: save the file as 'CSV UTF-8 (Comma "
                + "delimited)' (Excel) or choose ',' as the field delimiter (LibreOffice); the header should be "
                + required.joined(separator: ",") + ",..."
        }
        return nil
    }

    /// Advice for a date written as a spreadsheet shows it (26/03/2025, 3/26/2025, 26.03.2025).
    static func dateAdvice(_ value: String) -> String? {
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts[2].count == 4, let first = Int(parts[0]), let second = Int(parts[1])
        else { return nil }
        let (day, month) = first > 12 || second <= 12 ? (first, second) : (second, first)
        let iso = "\(parts[2])-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return "'\(value)' is a date as a spreadsheet shows it; write it as YYYY-MM-DD (\(iso) if that is "
            + "\(day) \(monthName(month))): format the column as YYYY-MM-DD before saving"
    }

    /// Advice for a time with seconds or AM/PM (07:00:00, 7:00 AM).
    static func timeAdvice(_ value: String) -> String? {
        let upper = value.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM") {
            return "'\(value)' is a 12-hour time; write it as 24-hour HH:MM (e.g. 19:30): format the column as "
                + "text or HH:MM before saving"
        }
        let parts = value.split(separator: ":")
        if parts.count == 3, parts.allSatisfy({ $0.count == 2 }) {
            return "'\(value)' has seconds; write it as HH:MM (\(parts[0]):\(parts[1])): format the column as HH:MM"
        }
        return nil
    }

    private static func monthName(_ month: Int) -> String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return (1...12).contains(month) ? names[month - 1] : "month \(month)"
    }
}

/// Near-miss ids and file names: "did you mean 'stromness'?".
enum Suggestion {
    /// The one candidate within two edits of `text` (or equal ignoring case), `nil` when none or several.
    /// Hand-written: the standard library has no edit distance, and this is its textbook form.
    static func nearest(to text: String, in candidates: [String]) -> String? {
        let lowered = text.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lowered && $0 != text }) { return same }
        let close = candidates.filter { candidate in
            candidate != text && abs(candidate.count - text.count) <= 2
                && distance(lowered, candidate.lowercased()) <= 2
        }
        return close.count == 1 && text.count > 3 ? close[0] : nil
    }

    /// Levenshtein distance between two strings (by characters).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
