/// One record of a CSV file with the line it starts on (1-based, the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A located CSV syntax error: the record it spoils is left out of the records.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    /// The 1-based line where the problem is (for an unclosed quote, where the quoted field began).
    public var line: Int
    /// The 0-based position of the field in its record.
    public var field: Int
    public var message: String
    /// The cells of the spoiled record that could be read (invalid UTF-8 replaced), so that a reader can
    /// tell errors that only echo this one (an id defined on this row, used elsewhere).
    public var cells: [String]
}

/// The records of a CSV text and the syntax errors found on the way.
public struct CSVText: Sendable {
    public var records: [CSVRecord]
    public var errors: [CSVSyntaxError]
}

/// A strict RFC 4180 reader: UTF-8 with or without a byte-order mark, CRLF, LF or CR line ends,
/// quoted fields with `""` escapes and embedded line breaks.
///
/// Hand-written because the CSV libraries measured on this platform accept malformed text silently or
/// stop at the first error: this one rejects an unterminated quote (naming the line where the quoted
/// field began), a quote inside an unquoted field, text after a closing quote and invalid UTF-8, names
/// the line and field of each, and resynchronises at the next record, so every error of a file is found
/// in one reading. Lines that are entirely empty are skipped.
public enum CSVParser {
    public static func parse(_ bytes: [UInt8]) -> CSVText {
        var scanner = Scanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        var text = CSVText(records: [], errors: [])
        while !scanner.atEnd {
            switch scanner.record() {
            case .record(let record): text.records.append(record)
            case .blank: break
            case .spoiled(let error): text.errors.append(error)
            }
        }
        return text
    }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

/// Reads one record at a time from `index`, keeping count of lines.
private struct Scanner {
    enum Outcome {
        case record(CSVRecord)
        case blank
        case spoiled(CSVSyntaxError)
    }

    let bytes: [UInt8]
    var index = 0
    var line = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    private func isEndOfField(_ at: Int) -> Bool {
        at >= bytes.count || bytes[at] == comma || bytes[at] == lineFeed || bytes[at] == carriageReturn
    }

    /// Consumes a line end at `index` (CRLF, LF or CR), if any.
    private mutating func consumeLineEnd() {
        guard index < bytes.count else { return }
        if bytes[index] == carriageReturn {
            index += index + 1 < bytes.count && bytes[index + 1] == lineFeed ? 2 : 1
        } else if bytes[index] == lineFeed {
            index += 1
        } else {
            return
        }
        line += 1
    }

    /// Skips the rest of the physical line: where reading resumes after a syntax error.
    private mutating func skipLine() {
        while index < bytes.count, bytes[index] != lineFeed, bytes[index] != carriageReturn { index += 1 }
        consumeLineEnd()
    }

    mutating func record() -> Outcome {
        let recordLine = line
        var fields: [String] = []
        var invalidText: (field: Int, line: Int)?
        var quotedAny = false
        func spoiled(_ line: Int, _ message: String) -> Outcome {
            .spoiled(CSVSyntaxError(line: line, field: fields.count, message: message, cells: fields))
        }
        while true {
            var raw: [UInt8] = []
            let fieldLine = line
            if index < bytes.count, bytes[index] == quote {
                quotedAny = true
                let start = index
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            raw.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if byte == lineFeed || (byte == carriageReturn && bytes[safe: index + 1] != lineFeed) {
                        line += 1
                    }
                    raw.append(byte)
                    index += 1
                }
                guard closed else {
                    // Resume on the line after the one where the quote opened.
                    index = start
                    line = fieldLine
                    skipLine()
                    return spoiled(fieldLine, "a quoted field starting here is never closed (missing \")")
                }
                guard isEndOfField(index) else {
                    let at = line
                    skipLine()
                    return spoiled(at, "text after a closing quote; a quoted field must end at a comma or line end")
                }
            } else {
                while !isEndOfField(index) {
                    if bytes[index] == quote {
                        let at = line
                        skipLine()
                        return spoiled(
                            at, "a quote (\") inside an unquoted field; quote the whole field and double the quote")
                    }
                    raw.append(bytes[index])
                    index += 1
                }
            }
            if let text = String(validating: raw, as: UTF8.self) {
                fields.append(text)
            } else {
                if invalidText == nil { invalidText = (fields.count, fieldLine) }
                fields.append(String(decoding: raw, as: UTF8.self))
            }
            if index < bytes.count, bytes[index] == comma {
                index += 1
                continue
            }
            break
        }
        consumeLineEnd()
        if let invalidText {
            return .spoiled(
                CSVSyntaxError(
                    line: invalidText.line, field: invalidText.field,
                    message: "text is not valid UTF-8 (save the file as CSV UTF-8)", cells: fields))
        }
        if fields == [""] && !quotedAny { return .blank }
        return .record(CSVRecord(line: recordLine, fields: fields))
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
