import LinearModel

/// The names a model file gives a model's rows and columns: valid in the format, so GLPK's writer
/// keeps them as they are, and one-to-one, so that distinct names stay distinct and the file can be
/// read back.
///
/// A character the format cannot hold is written as `#` and its UTF-8 bytes in hexadecimal (`s 001`
/// becomes `s#20001`, while `s_001` stays), and so is `#` itself. In LP files `[`, `]` and `-` become
/// `(`, `)` and `~` for readability, as GLPK would write them, so `(`, `)` and `~` themselves are
/// escaped; a leading digit, `.` or `-` is escaped too (LP names cannot begin with them, and GLPK
/// names the columns of ranged rows `~r_N`). In MPS files a space, `#` and `$` (which begins a
/// comment) are escaped. A name whose escaped form is empty, longer than GLPK's 255 bytes, taken by an
/// earlier row or column, or reserved by the format is clipped and suffixed with `#r` or `#c` and its
/// 1-based position: escaped names never hold `#` followed by a lower-case letter, so no two names
/// meet.
enum FileNames {
    /// The column fixed at 1 whose objective coefficient is the model's objective constant: GLPK's LP
    /// writer keeps the constant only as a comment, and MPS readers disagree on the sign of an
    /// objective right-hand side (GLPK reads it as the constant, CPLEX and HiGHS as its negative).
    static let objectiveConstant = "objective_constant"

    /// Names for the model's rows (`kind` "r") or columns (`kind` "c") in `format`, pairwise distinct.
    static func names(_ names: [String], kind: Character, format: ModelFileFormat) -> [String] {
        var used = reserved(format)
        return names.enumerated().map { index, name in
            let units = escapedUnits(name, format)
            let escaped = units.joined()
            if !escaped.isEmpty, escaped.utf8.count <= LinearModel.maximumNameLength,
                used.insert(key(escaped, format)).inserted
            {
                return escaped
            }
            let suffix = "#\(kind)\(index + 1)"
            var prefix = ""
            for unit in units {
                if prefix.utf8.count + unit.utf8.count + suffix.utf8.count > LinearModel.maximumNameLength { break }
                prefix += unit
            }
            return prefix + suffix
        }
    }

    /// Names a reader would take for something else: GLPK's MPS writer calls the objective row
    /// `R0000000`, and a row `'MARKER'` would read as an integer marker; GLPK's LP reader takes `inf`
    /// and `infinity` in any case for bounds. Both keep `objective_constant` for the constant.
    private static func reserved(_ format: ModelFileFormat) -> Set<String> {
        switch format {
        case .freeMPS: return [objectiveConstant, "R0000000", "'MARKER'"]
        case .cplexLP: return [objectiveConstant, "inf", "infinity"]
        }
    }

    /// The form of `name` compared with the reserved names (LP keywords ignore case).
    private static func key(_ name: String, _ format: ModelFileFormat) -> String {
        format == .cplexLP && ["inf", "infinity"].contains(name.lowercased()) ? name.lowercased() : name
    }

    /// `name` escaped for `format`, one piece per character of the name (a piece is never split when
    /// a name is clipped).
    private static func escapedUnits(_ name: String, _ format: ModelFileFormat) -> [String] {
        name.unicodeScalars.enumerated().map { offset, scalar in
            switch format {
            case .freeMPS:
                return scalar == " " || scalar == "#" || scalar == "$" ? hex(scalar) : String(scalar)
            case .cplexLP:
                if offset == 0, scalar == "." || scalar == "-" || ("0"..."9").contains(scalar) { return hex(scalar) }
                switch scalar {
                case "[": return "("
                case "]": return ")"
                case "-": return "~"
                default: return lpVerbatim.contains(scalar) ? String(scalar) : hex(scalar)
                }
            }
        }
    }

    /// Characters an LP name may hold as they are: letters, digits and the punctuation of the CPLEX LP
    /// format, except `#` (the escape) and `(`, `)`, `~` (which stand for `[`, `]`, `-`).
    private static let lpVerbatim = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!\"$%&/,.;?@_`'{}|".unicodeScalars)

    /// `#` and the scalar's UTF-8 bytes in upper-case hexadecimal, e.g. `#20` for a space.
    private static func hex(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return "#" + (digits.count == 1 ? "0" : "") + digits
        }.joined()
    }
}
