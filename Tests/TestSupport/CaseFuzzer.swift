import Foundation
import Workforce

/// Fuzzing the case reader: mutated cases must give a case or a located ``CaseError``, never a crash.
///
/// An input is one base case (the small valid case of ``MalformedCases`` or the sample case in
/// `Data/`) with one of its files replaced. Inputs come from the seeds (every file of each base, every
/// malformed case) mutated a few times; the `n`-th input of a seed depends only on the seed and `n`,
/// so a crash is repeated by its number. libFuzzer (the `roster-fuzz` target built with
/// `-sanitize=fuzzer`) uses the same inputs, encoded by ``encode(_:)``.
public struct CaseFuzzer: Sendable {
    /// A base case with one file replaced.
    public struct Input: Sendable {
        public var base: Int
        public var file: String
        public var bytes: [UInt8]
    }

    /// The base cases (file name -> bytes).
    public let bases: [[String: [UInt8]]]
    /// The inputs mutations start from.
    public let seeds: [Input]

    /// The small valid case, and the case in `sample` when given and readable.
    public init(sample: URL?) {
        var bases = [MalformedCases.valid.mapValues { Array($0.utf8) }]
        if let sample, let names = try? FileManager.default.contentsOfDirectory(atPath: sample.path) {
            var files: [String: [UInt8]] = [:]
            for name in names where name.hasSuffix(".csv") {
                files[name] = FileManager.default.contents(atPath: sample.appendingPathComponent(name).path).map {
                    [UInt8]($0)
                }
            }
            if !files.isEmpty { bases.append(files) }
        }
        var seeds: [Input] = []
        for (base, files) in bases.enumerated() {
            for (file, bytes) in files.sorted(by: { $0.key < $1.key }) {
                seeds.append(Input(base: base, file: file, bytes: bytes))
            }
        }
        for (file, text, _, _, _) in MalformedCases.all {
            seeds.append(Input(base: 0, file: file, bytes: Array(text.utf8)))
        }
        self.bases = bases
        self.seeds = seeds
    }

    /// The case files of `input`.
    public func files(_ input: Input) -> [String: [UInt8]] {
        var files = bases[min(input.base, bases.count - 1)]
        files[input.file] = input.bytes
        return files
    }

    /// The `number`-th input of the run seeded `seed`: a seed mutated one to eight times.
    public func input(_ number: Int, seed: UInt64) -> Input {
        var random = SeededGenerator(seed: seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        var input = seeds[Int.random(in: 0..<seeds.count, using: &random)]
        for _ in 0..<Int.random(in: 1...8, using: &random) { Self.mutate(&input.bytes, using: &random) }
        return input
    }

    /// Reads `input`; returns what is wrong with the outcome (`nil` when it is a case, or an error
    /// that names a file and a line from 1 for every issue). A crash ends the process, as it should.
    public func check(_ input: Input) -> String? {
        do {
            let loaded = try CaseReader.read(.memory(files(input)))
            if loaded.case.days.count > Limits.horizonDays { return "a horizon of \(loaded.case.days.count) days" }
            return nil
        } catch {
            if error.errors.isEmpty { return "a case error without an error" }
            for issue in error.issues where issue.file.isEmpty || (issue.line ?? 1) < 1 || issue.message.isEmpty {
                return "an issue without a place or a message: \(issue)"
            }
            return nil
        }
    }

    /// Bytes for libFuzzer: the base, the file's position among the base's names, then the content.
    public func encode(_ input: Input) -> [UInt8] {
        let names = bases[input.base].keys.sorted()
        let position = names.firstIndex(of: input.file) ?? 0
        return [UInt8(input.base), UInt8(position)] + input.bytes
    }

    /// The input libFuzzer's `bytes` stand for (any bytes make an input).
    public func decode(_ bytes: [UInt8]) -> Input {
        let base = Int(bytes.first ?? 0) % bases.count
        let names = bases[base].keys.sorted()
        let file = names[Int(bytes.dropFirst().first ?? 0) % names.count]
        return Input(base: base, file: file, bytes: Array(bytes.dropFirst(2)))
    }

    /// Cells that have broken readers: huge, tiny, signed, odd dates and times, quotes and separators.
    static let interesting: [String] = [
        "1e308", "1e400", "1e-320", "9223372036854775807", "9223372036854775808", "18446744073709551616", "-1",
        "-0", "+5", "nan", "inf", "", "\"", "\"\"", ",", ";", ";;", "=1+1", "@x", "\t", " x", "x ",
        "0001-01-01", "9999-12-31", "2025-02-29", "24:00", "+7:30", "-0:30", "99:99", "0", ".5", "5.", ".",
        "\u{2028}", "\u{1B}[31m", "é", "\u{FEFF}", String(repeating: "9", count: 400), "true", "unlimited",
        "horizon_start", "horizon_end", "max_consecutive_days", "agency_max_hours",
    ]

    static func mutate(_ bytes: inout [UInt8], using random: inout SeededGenerator) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<8, using: &random) {
        case 0 where !bytes.isEmpty:  // flip a bit
            let at = min(position, bytes.count - 1)
            bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1:  // insert a structural byte
            let choices: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x3B, 0x2D, 0x2E, 0x65, 0x39, 0x09, 0xFF, 0xC3, 0x00]
            bytes.insert(choices.randomElement(using: &random)!, at: position)
        case 2 where !bytes.isEmpty:  // delete a stretch
            let count = Int.random(in: 1...min(16, bytes.count), using: &random)
            let start = min(position, bytes.count - count)
            bytes.removeSubrange(start..<start + count)
        case 3:  // replace a field with an interesting cell
            let field = fieldRange(in: bytes, around: position)
            bytes.replaceSubrange(field, with: Array(interesting.randomElement(using: &random)!.utf8))
        case 4 where !bytes.isEmpty:  // repeat a line
            let line = lineRange(in: bytes, around: min(position, bytes.count - 1))
            bytes.insert(contentsOf: bytes[line], at: line.upperBound)
        case 5:  // cut the file short
            bytes.removeSubrange(position..<bytes.count)
        case 6 where !bytes.isEmpty:  // swap two lines' starts
            let a = lineRange(in: bytes, around: min(position, bytes.count - 1))
            let b = lineRange(in: bytes, around: Int.random(in: 0..<bytes.count, using: &random))
            if a.upperBound <= b.lowerBound {
                let second = Array(bytes[b])
                bytes.replaceSubrange(b, with: bytes[a])
                bytes.replaceSubrange(a, with: second)
            }
        default:  // insert an interesting cell as a new field
            bytes.insert(contentsOf: Array(("," + interesting.randomElement(using: &random)!).utf8), at: position)
        }
    }

    /// The field around `position` (between commas or line ends).
    private static func fieldRange(in bytes: [UInt8], around position: Int) -> Range<Int> {
        let stops: Set<UInt8> = [0x2C, 0x0A, 0x0D]
        var start = min(position, bytes.count)
        while start > 0, !stops.contains(bytes[start - 1]) { start -= 1 }
        var end = start
        while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
        return start..<end
    }

    /// The line around `position`, its line feed included.
    private static func lineRange(in bytes: [UInt8], around position: Int) -> Range<Int> {
        var start = position
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = position
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return start..<min(end + 1, bytes.count)
    }
}
