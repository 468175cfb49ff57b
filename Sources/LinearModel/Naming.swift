extension LinearModel {
    /// A readable column or row name, e.g. `x[ann,2025-03-04,N,kirkwall]`, clipped (with `...`) to
    /// ``maximumNameLength`` bytes, which solvers' names may not exceed.
    public static func name(_ prefix: String, _ parts: [String]) -> String {
        let text = "\(prefix)[\(parts.joined(separator: ","))]"
        guard text.utf8.count > maximumNameLength else { return text }
        var clipped = ""
        for character in text {
            if clipped.utf8.count + String(character).utf8.count > maximumNameLength - 3 { break }
            clipped.append(character)
        }
        return clipped + "..."
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
