import Foundation

/// The shared referees beside this clone (`../shared/tools`), which CI has and a user's clone has not.
public enum Referee {
    /// The folder of the shared referees, `nil` when this clone has none beside it.
    public static var tools: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let tools = root.deletingLastPathComponent().appendingPathComponent("shared/tools")
        return FileManager.default.fileExists(atPath: tools.appendingPathComponent("check_roster.py").path)
            ? tools : nil
    }

    /// The last line `check_roster.py` prints for a case and an output folder (`nil` without the referee).
    public static func verdict(case caseFolder: URL, out: URL) throws -> String? {
        guard tools != nil else { return nil }
        return try lastLine(of: "check_roster.py", [caseFolder.path, out.path])
    }

    /// The last line a shared referee (a script in ``tools``) prints, its output and errors together.
    public static func lastLine(of script: String, _ arguments: [String]) throws -> String? {
        guard let tools else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tools.appendingPathComponent(script).path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").last.map(String.init) ?? text
    }
}
