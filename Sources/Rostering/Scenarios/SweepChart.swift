import Foundation

/// The chart of a sweep as a self-contained SVG (no script, no fonts to fetch): total cost, unmet
/// hours and agency hours against the swept value, one panel each, sharing the horizontal axis.
public enum SweepChart {
    /// One point of the sweep; `nil` figures (a scenario without a roster) leave a gap.
    public struct Point: Sendable {
        public var value: Double
        public var totalCost: Double?
        public var unmetHours: Double?
        public var agencyHours: Double?

        public init(value: Double, totalCost: Double?, unmetHours: Double?, agencyHours: Double?) {
            self.value = value
            self.totalCost = totalCost
            self.unmetHours = unmetHours
            self.agencyHours = agencyHours
        }
    }

    /// The SVG text for `points` (in the order swept); `title` heads it, `axis` names the swept value
    /// (shown as a percentage).
    public static func svg(_ points: [Point], title: String, axis: String) -> String {
        let width = 760.0
        let panelHeight = 190.0
        let left = 90.0
        let right = 30.0
        let top = 50.0
        let gap = 40.0
        // Costs from a round figure below the lowest, so that their differences show; hours from 0.
        let panels: [(String, String, KeyPath<Point, Double?>, Bool)] = [
            ("Total cost (pay + agency)", "#1f5fa8", \.totalCost, true),
            ("Unmet hours", "#c0392b", \.unmetHours, false),
            ("Agency hours", "#d68910", \.agencyHours, false),
        ]
        let height = top + Double(panels.count) * (panelHeight + gap) + 30
        let values = points.map(\.value)
        let low = values.min() ?? 0
        let high = max(values.max() ?? 1, low + 1e-9)
        func x(_ value: Double) -> Double { left + (value - low) / (high - low) * (width - left - right) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(width / 2))" y="24" text-anchor="middle" font-size="16" font-weight="bold">\
            \(escaped(title))</text>

            """
        for (index, (label, colour, path, zoom)) in panels.enumerated() {
            let y0 = top + Double(index) * (panelHeight + gap)
            let figures = points.compactMap { $0[keyPath: path] }
            let (floor, ceiling) = range(figures, zoom: zoom)
            func y(_ figure: Double) -> Double { y0 + panelHeight - (figure - floor) / (ceiling - floor) * panelHeight }
            svg += "<text x=\"\(left)\" y=\"\(format(y0 - 8))\" font-weight=\"bold\">\(escaped(label))</text>\n"
            for step in 0...4 {
                let figure = floor + (ceiling - floor) * Double(step) / 4
                let at = format(y(figure))
                svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(at)\" y2=\"\(at)\" stroke=\"#ddd\"/>\n"
                svg += "<text x=\"\(left - 6)\" y=\"\(at)\" dy=\"4\" text-anchor=\"end\">\(grouped(figure))</text>\n"
            }
            svg += "<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(y0)\" y2=\"\(y0 + panelHeight)\" stroke=\"#333\"/>\n"
            var segments: [[String]] = [[]]
            for point in points {
                guard let figure = point[keyPath: path] else {
                    segments.append([])
                    continue
                }
                segments[segments.count - 1].append("\(format(x(point.value))),\(format(y(figure)))")
                svg +=
                    "<circle cx=\"\(format(x(point.value)))\" cy=\"\(format(y(figure)))\" r=\"3.5\" "
                    + "fill=\"\(colour)\"><title>\(percent(point.value)): \(grouped(figure))</title></circle>\n"
            }
            for segment in segments where segment.count > 1 {
                svg +=
                    "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\""
                    + segment.joined(separator: " ") + "\"/>\n"
            }
        }
        let axisY = top + Double(panels.count) * (panelHeight + gap) - gap + 18
        for point in points {
            svg +=
                "<text x=\"\(format(x(point.value)))\" y=\"\(format(axisY))\" text-anchor=\"middle\">"
                + "\(percent(point.value))</text>\n"
        }
        svg +=
            "<text x=\"\(Int((left + width - right) / 2))\" y=\"\(format(axisY + 20))\" text-anchor=\"middle\">"
            + "\(escaped(axis))</text>\n</svg>\n"
        return svg
    }

    /// The vertical range of a panel, in four equal steps of a round size: from 0, or with `zoom`
    /// and figures that stay above half their largest, from a round figure below the smallest.
    static func range(_ figures: [Double], zoom: Bool) -> (floor: Double, ceiling: Double) {
        let high = figures.max() ?? 0
        let low = figures.min() ?? 0
        guard high > 0 else { return (0, 1) }
        guard zoom, low > high / 2 else {
            let step = niceCeiling(high / 4)
            return (0, 4 * step)
        }
        var step = niceCeiling(max(high - low, high * 1e-6) / 4)
        var floor = (low / step).rounded(.down) * step
        while floor + 4 * step < high - 1e-9 {
            step = niceCeiling(step * 1.01)
            floor = (low / step).rounded(.down) * step
        }
        return (floor, floor + 4 * step)
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `value` (1 for nothing to show).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        return [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= value - 1e-9 } ?? 10 * power
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func percent(_ value: Double) -> String {
        let text = String(format: "%.1f", value * 100)
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + "%"
    }

    /// A figure with its thousands grouped and at most two decimals, e.g. `152,300` or `7.5`.
    private static func grouped(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 2
        formatter.locale = Locale(identifier: "en_GB")
        return formatter.string(from: NSNumber(value: value)) ?? String(Int(value.rounded()))
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
