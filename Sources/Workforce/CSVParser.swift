/// One record of a CSV file with the line it starts on (1-based, the header is line 1).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
}

/// A located CSV syntax error.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// A strict RFC 4180 reader: UTF-8 with or without a byte-order mark, CRLF or LF line ends,
/// quoted fields with `""` escapes and embedded line breaks.
///
/// Unlike the CSV libraries measured on this platform, it rejects an unterminated quote (naming
/// the line where the quoted field began), a quote inside an unquoted field and text after a
/// closing quote, and it tells the line of every record. Lines that are entirely empty are skipped.
public enum CSVParser {
    public static func parse(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var fieldStarted = false  // whether the current record has any content yet

        func text(_ raw: [UInt8], _ line: Int) throws(CSVSyntaxError) -> String {
            guard let string = String(validating: raw, as: UTF8.self) else {
                throw CSVSyntaxError(line: line, message: "text is not valid UTF-8 (save the file as CSV UTF-8)")
            }
            return string
        }
        func endRecord() {
            if !(fields.isEmpty && !fieldStarted) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
            fieldStarted = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard field.isEmpty else {
                    throw CSVSyntaxError(
                        line: line,
                        message: "a quote (\") inside an unquoted field; quote the whole field and double the quote")
                }
                let quoteLine = line
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(inner)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == UInt8(ascii: "\n") { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw CSVSyntaxError(
                        line: quoteLine, message: "a quoted field starting here is never closed (missing \")")
                }
                if index < bytes.count,
                    ![UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(bytes[index])
                {
                    throw CSVSyntaxError(
                        line: line,
                        message: "text after a closing quote; a quoted field must end at a comma or line end")
                }
                fieldStarted = true
                // Mark that the field was quoted even when empty, so `""` is a field.
                fields.append(try text(field, quoteLine))
                field = []
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    if index == bytes.count || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
                    {
                        fields.append("")
                    }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(try text(field, line))
                field = []
                fieldStarted = true
                index += 1
                if index == bytes.count || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                    fields.append("")
                }
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if !field.isEmpty {
                    fields.append(try text(field, line))
                    field = []
                    fieldStarted = true
                }
                index +=
                    (byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
                    ? 2 : 1
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
                fieldStarted = true
                index += 1
            }
        }
        if !field.isEmpty { fields.append(try text(field, line)) }
        endRecord()
        return records
    }
}
