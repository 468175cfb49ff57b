import Foundation

/// Text for an HTML page: escaping and the number formats the report shows.
enum HTML {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` as character references.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Hours to one decimal, without a trailing `.0` (`7.5`, `150`).
    static func hours(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// Money with two decimals and thousands separated by commas (`12,345.60`).
    static func money(_ value: Double) -> String {
        let text = String(format: "%.2f", abs(value) + 0.0)
        let whole = text.prefix { $0 != "." }
        var grouped = ""
        for (i, digit) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < -0.005 ? "-" : "") + grouped + text.drop { $0 != "." }
    }

    /// A fraction as a whole percentage (`0.25` -> `25%`).
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
