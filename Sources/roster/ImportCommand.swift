import ArgumentParser
import Foundation
import Rostering
import Workforce

/// `roster import`: turns another format's instances into case folders.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a benchmark instance into a case folder.",
        subcommands: [Curtois.self]
    )
}

/// `roster import curtois INSTANCE.txt --out DIR`: a Curtois & Qu nurse rostering instance as a case.
struct Curtois: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curtois",
        abstract: "Turn a Curtois & Qu nurse rostering instance (Instance1.txt ... Instance24.txt) into a case folder.",
        discussion: """
            One ward ('ward') and one competency ('nursing') held by every nurse; shifts start at 00:00 and are \
            paid their length; cover lines become demand rows with min_staff = max_staff = the requirement; days off \
            become unavailable days and shift requests prefer_on / prefer_off rows; MaxShifts become shift limits, \
            CannotFollow forbidden sequences, and the total-minutes limits weekly averages with the same totals. \
            There are no costs, so a roster's objective is the instance's penalty. Every error of the instance \
            file is listed at once (line and field), and nothing is written then.
            """
    )

    @Argument(help: "The instance file, e.g. Instance1.txt (CRLF or LF line ends).")
    var instance: String

    @Option(name: .long, help: "The case folder to write (created if missing; its case files are replaced).")
    var out: String

    @Option(name: .long, help: "The date of day 0, a Monday (YYYY-MM-DD); the default is 2024-01-01.")
    var start: String = CurtoisImport.defaultStart.iso

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name the case folder to write; it is empty") }
        guard let day = Day(iso: start) else {
            throw ValidationError("--start '\(start)' is not a date; expected YYYY-MM-DD, e.g. 2024-01-01")
        }
        if day.weekday != 1 { throw ValidationError("--start: \(CurtoisImport.StartNotMonday(start: day))") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: instance)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error("cannot read the instance file '\(instance)'")
            throw Exit.badInput
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("\(url.lastPathComponent): the file is not text (UTF-8 or ASCII)")
            throw Exit.badInput
        }
        let parsed: CurtoisInstance
        do {
            parsed = try CurtoisInstance.parse(text, file: url.lastPathComponent)
        } catch {
            report(error)
            throw Exit.badInput
        }
        do {
            try CurtoisImport.write(parsed, start: Day(iso: start)!, to: URL(fileURLWithPath: out))
        } catch {
            log.error("cannot write the case into '\(out)': \(error)")
            throw Exit.badInput
        }
        print(
            "imported \(url.lastPathComponent): \(parsed.staff.count) staff, \(parsed.horizon) days, "
                + "\(parsed.shifts.count) shifts -> \(out)")
    }
}
