import ArgumentParser
import Foundation
import GLPKSolver
import LinearModel
import Rostering
import Workforce

/// Options shared by `scenarios` and `sweep`: how many at once, which slice, the solver's limits.
struct BatchOptions: ParsableArguments {
    @Option(name: .long, help: "The output folder (created if missing).")
    var out: String

    @Option(help: "Scenarios rostered at once (default: every core); each uses one pricing thread.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Run only the i-th of n slices of the scenarios (e.g. 3/10); join the slices with `roster merge`.")
    var shard: String?

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var logOptions: LogOptions

    /// The solver's options; each scenario gets 60 seconds unless --time-limit says otherwise.
    var options: SolveOptions {
        var options = solverOptions.options
        options.timeLimit = options.timeLimit ?? 60
        return options
    }

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a folder") }
        if !(1...1024).contains(jobs) { throw ValidationError("--jobs must be a whole number from 1 to 1024") }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard must be i/n with 1 <= i <= n <= 100000, e.g. 3/10 (got '\(shard)')")
        }
    }
}

/// The i-th of n contiguous slices of a list of scenarios.
struct Shard: Equatable {
    var index: Int
    var count: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), (1...100_000).contains(count),
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// The positions of `total` items this shard runs: a contiguous block, the blocks in order.
    func slice(of total: Int) -> Range<Int> { (index - 1) * total / count..<index * total / count }
}

/// What a batch of scenarios writes besides each scenario's own folder.
enum BatchKind: String {
    case scenarios, sweep

    var table: String { self == .scenarios ? "scenario_comparison.csv" : "sweep.csv" }
}

/// Runs scenarios of a case and writes their folders and the table that compares them.
struct Batch {
    let kind: BatchKind
    let options: BatchOptions
    /// For a sweep: each scenario's swept value, and the chart's title and axis.
    var values: [Double] = []
    var chart: (title: String, axis: String) = ("", "")

    /// Rosters `scenarios` (the baseline first) of `c`, writes the outputs, and exits as `roster solve`
    /// does: 1 when a scenario failed, 3 when stopped.
    func run(_ c: Case, _ scenarios: [Scenario]) throws {
        Interruption.install()
        let all = [Scenario(id: Scenario.baselineID, levers: [])] + scenarios
        let shard = options.shard.flatMap(Shard.init)
        let positions = shard?.slice(of: all.count) ?? all.indices
        let out = URL(fileURLWithPath: options.out)
        let runner = ScenarioRunner(solver: GLPKSolver(), options: options.options, jobs: options.jobs)
        let total = positions.count
        let progress = Counter()
        let slice = shard.map { " (slice \($0.index) of \($0.count))" } ?? ""
        log.info("rostering \(total) scenario\(total == 1 ? "" : "s")\(slice), \(min(options.jobs, total)) at a time")
        let results = runner.run(c, scenarios: Array(all[positions])) { result in
            let written: String
            do {
                // A scenario stopped before its first roster keeps its folder as it was.
                if let run = result.run, run.roster != nil || !SearchStop.isRequested {
                    try run.outputs(for: result.scenarioCase).write(to: out.appendingPathComponent(result.scenario.id))
                }
                written =
                    result.run.map { run in
                        let cost = run.evaluation.map {
                            String(format: "total cost %.2f, unmet hours %.1f", $0.totalCost, $0.unmetHours)
                        }
                        return "\(run.status.rawValue)\(cost.map { ", \($0)" } ?? "")"
                    } ?? "failed: \(result.error ?? "")"
            } catch {
                written = "its outputs could not be written: \(error)"
            }
            log.info("[\(progress.next())/\(total)] \(result.scenario.id): \(written)")
        }
        var rows = [ScenarioComparison.header(c)]
        for result in results { rows.append(ScenarioComparison.row(result, base: c)) }
        if kind == .sweep {
            // The swept value of each scenario rostered (the baseline, first, has none).
            let valueOf = Dictionary(uniqueKeysWithValues: zip(scenarios.map(\.id), values))
            rows = Self.sweepRows(rows, values: results.map { valueOf[$0.scenario.id] })
        }
        do {
            try write(rows, to: out, shard: shard, total: all.count)
        } catch {
            log.error("cannot write into '\(options.out)': \(error)")
            throw Exit.badInput
        }
        print(Self.table(rows, kind: kind))
        print("written: \(options.out)/\(kind.table) and a folder per scenario")
        if results.contains(where: { $0.run == nil }) { throw Exit.badInput }
        if SearchStop.isRequested {
            log.warning(
                "stopped on request: \(results.count) of \(total) scenarios rostered, each with its best roster so far")
            throw Exit.noSolutionFound
        }
    }

    /// The comparison at a glance: scenario, total cost, unmet and agency hours, red rows.
    static func table(_ rows: [[String]], kind: BatchKind) -> String {
        guard let header = rows.first else { return "" }
        let columns =
            (kind == .sweep ? ["value"] : []) + [
                "scenario_id", "status", "total_cost", "unmet_hours", "agency_hours", "red_rows",
            ]
        let indices = columns.compactMap { header.firstIndex(of: $0) }
        let lines = rows.map { row in indices.map { row[$0] } }
        let widths = indices.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { line in
            zip(line, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// The sweep's table: its `value` column (empty for the baseline), then the comparison's columns.
    static func sweepRows(_ rows: [[String]], values: [Double?]) -> [[String]] {
        [["value"] + rows[0]] + zip(values, rows.dropFirst()).map { value, row in [value.map(plain) ?? ""] + row }
    }

    /// Writes the comparison table (and, for a sweep, its chart); a slice also writes shard.csv.
    private func write(_ rows: [[String]], to out: URL, shard: Shard?, total: Int) throws {
        var tables: [(file: String, rows: [[String]])] = [(kind.table, rows)]
        if let shard {
            tables.append(
                (
                    "shard.csv",
                    [
                        ["key", "value"], ["kind", kind.rawValue], ["shard", String(shard.index)],
                        ["shards", String(shard.count)], ["scenarios", String(total)], ["title", chart.title],
                        ["axis", chart.axis],
                    ]
                ))
        }
        try CSVFolder.write(tables, to: out, removing: ["shard.csv"])
        if kind == .sweep { try Self.writeChart(rows, title: chart.title, axis: chart.axis, to: out) }
    }

    /// sweep.svg from the rows of sweep.csv (so that a merged sweep draws the very same chart).
    static func writeChart(_ rows: [[String]], title: String, axis: String, to out: URL) throws {
        guard let header = rows.first else { return }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let points = rows.dropFirst().compactMap { row -> SweepChart.Point? in
            guard let v = column("value"), let value = Double(row[v]) else { return nil }
            func figure(_ name: String) -> Double? { column(name).flatMap { Double(row[$0]) } }
            return SweepChart.Point(
                value: value, totalCost: figure("total_cost"), unmetHours: figure("unmet_hours"),
                agencyHours: figure("agency_hours"))
        }
        let svg = SweepChart.svg(points, title: title, axis: axis)
        try OutputCommit.commit([("sweep.svg", Data(svg.utf8))], to: out, removing: [])
    }

    /// A swept value as written in ids and tables: up to six decimals, no trailing zeros.
    static func plain(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

/// A counter shared by the threads that report progress.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// `roster scenarios CASE`: every scenario of scenarios.csv rostered and compared.
struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Roster every scenario of a scenarios.csv (and the case as it is) and compare them.",
        discussion: """
            Writes a folder per scenario (the outputs of `roster solve`, baseline included) and \
            scenario_comparison.csv: per scenario the objective, the total cost and its split by sector, \
            unmet hours, agency shifts and hours, travel, overtime, contracted hours used, red/amber/green rows \
            and the people converted. The levers are described in docs/scenarios.md. With --shard i/n only \
            the i-th slice runs (the baseline is the first scenario); `roster merge` joins the slices.
            """)

    @Argument(help: "The case folder.")
    var caseFolder: String

    @Option(help: "The scenarios file (default: scenarios.csv in the case folder).")
    var scenarios: String?

    @OptionGroup var batch: BatchOptions

    func run() throws {
        batch.logOptions.apply()
        let c = try loadCase(caseFolder)
        let file = URL(fileURLWithPath: scenarios ?? (caseFolder as NSString).appendingPathComponent("scenarios.csv"))
        guard FileManager.default.fileExists(atPath: file.path) else {
            log.error("no scenarios file '\(file.path)': give one with --scenarios FILE (see docs/scenarios.md)")
            throw Exit.badInput
        }
        let list: [Scenario]
        do {
            list = try ScenarioReader.read(file: file, for: c)
        } catch {
            report(error)
            throw Exit.badInput
        }
        try Batch(kind: .scenarios, options: batch).run(c, list)
    }
}

/// `roster sweep CASE`: one lever swept over a range, as a table and a chart.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sweep a conversion share or demand growth over a range; write the curve as CSV and SVG.",
        discussion: """
            --convert FROM:TO sweeps the share of role FROM converted to role TO; --demand-growth sweeps the \
            growth of demand (0.1 = 10% more), for --competency and/or --locality when given. Each point is a \
            scenario with its own folder; sweep.csv has the comparison's columns with the swept value first, \
            and sweep.svg draws total cost, unmet hours and agency hours against it.
            """)

    @Argument(help: "The case folder.")
    var caseFolder: String

    @Option(help: "Sweep the share of role FROM converted to role TO (FROM:TO).")
    var convert: String?

    @Flag(help: "Sweep the growth of demand.")
    var demandGrowth = false

    @Option(parsing: .unconditional, help: "The first value (a negative growth is a fall in demand).")
    var from: Double = 0

    @Option(parsing: .unconditional, help: "The last value.")
    var to: Double = 1

    @Option(help: "The step between values.")
    var step: Double = 0.1

    @Option(help: "Only staff based at these localities (convert: a ';' list), or demand at this locality (growth).")
    var locality: String?

    @Option(help: "Only demand for this competency (growth).")
    var competency: String?

    @Option(help: "Who is converted: optimiser (default) or random:<seed>.")
    var select: String?

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard (convert != nil) != demandGrowth else {
            throw ValidationError("give exactly one of --convert FROM:TO and --demand-growth")
        }
        guard from.isFinite, to.isFinite, step.isFinite, step > 0, to >= from else {
            throw ValidationError(
                "--from, --to and --step must be numbers with --step above 0 and --to at least --from")
        }
        guard ((to - from) / step).rounded(.down) < 1000 else {
            throw ValidationError("a sweep has at most 1000 points")
        }
        if let convert {
            let roles = convert.split(separator: ":")
            guard roles.count == 2, roles[0] != roles[1] else {
                throw ValidationError("--convert must be FROM:TO, two role ids (e.g. care_worker:generic_worker)")
            }
            guard from >= 0, to <= 1 else { throw ValidationError("a conversion share goes from 0 to 1") }
            if let select, ConversionSelection(select) == nil {
                throw ValidationError("--select must be optimiser or random:<seed> (a whole number), not '\(select)'")
            }
        } else {
            guard from >= -1, to <= 100 else {
                throw ValidationError("demand growth goes from -1 (no demand left) to 100 (0.1 = 10% more)")
            }
        }
    }

    /// The options' ids must name things of the case (checked here, where the message can name the option).
    private func checkNames(_ c: Case) throws {
        var unknown: [String] = []
        let roles = c.roles.map(\.id)
        for role in convert?.split(separator: ":").map(String.init) ?? [] where !roles.contains(role) {
            unknown.append("--convert: '\(role)' is not a role of roles.csv")
        }
        let places = c.localities.map(\.id)
        let given = locality.map { $0.split(separator: ";").map(String.init) } ?? []
        if demandGrowth, given.count > 1 { unknown.append("--locality: demand growth takes one locality") }
        for place in given where !places.contains(place) {
            unknown.append("--locality: '\(place)' is not a locality of localities.csv")
        }
        if let competency, !c.competencies.contains(where: { $0.id == competency }) {
            unknown.append("--competency: '\(competency)' is not a competency of competencies.csv")
        }
        guard unknown.isEmpty else {
            for message in unknown { log.error("\(message)") }
            throw Exit.badInput
        }
    }

    func run() throws {
        batch.logOptions.apply()
        let c = try loadCase(caseFolder)
        try checkNames(c)
        // The values as written in ids and tables (six decimals), from --from by --step up to --to.
        var values: [Double] = []
        var value = from
        while value <= to + 1e-9 * max(1, abs(to)) {
            values.append(Double(Batch.plain(value)) ?? value)
            value = from + Double(values.count) * step
        }
        let places = locality.map { $0.split(separator: ";").map(String.init) } ?? []
        let list = values.map { value -> Scenario in
            if let convert {
                let roles = convert.split(separator: ":").map(String.init)
                let selection = select.flatMap(ConversionSelection.init) ?? .optimiser
                return Scenario(
                    id: "convert_\(Batch.plain(value))",
                    levers: [
                        .convert(from: roles[0], to: roles[1], share: value, localities: places, selection: selection)
                    ])
            }
            return Scenario(
                id: "growth_\(Batch.plain(value))",
                levers: [.demandGrowth(competency: competency, locality: places.first, growth: value)])
        }
        let title =
            convert.map { "Converting \($0.replacingOccurrences(of: ":", with: " to "))" }
            ?? "Demand growth\(competency.map { " in \($0)" } ?? "")\(locality.map { " at \($0)" } ?? "")"
        let axis = convert != nil ? "share of the role converted" : "demand growth"
        try Batch(kind: .sweep, options: batch, values: values, chart: (title, axis)).run(c, list)
    }
}

/// `roster merge SHARD... --out DIR`: the slices of a sharded run joined into the unsharded files.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the output folders of `scenarios` or `sweep` run with --shard into one.",
        discussion: """
            Every slice 1..n of one run must be given once. The result holds exactly the files an unsharded run \
            writes: a folder per scenario and the comparison table (and, for a sweep, its chart).
            """)

    @Argument(help: "The output folders of the slices.")
    var shards: [String]

    @Option(name: .long, help: "The merged output folder.")
    var out: String

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the output folders of the slices") }
        if out.isEmpty { throw ValidationError("--out must name a folder") }
    }

    func run() throws {
        do {
            try merge()
        } catch let error as CaseError {
            report(error)
            throw Exit.badInput
        } catch {
            log.error("cannot merge into '\(out)': \(error)")
            throw Exit.badInput
        }
        print("merged \(shards.count) slices into \(out)")
    }

    private func merge() throws {
        var slices: [(index: Int, folder: URL, info: [String: String])] = []
        for path in shards {
            let folder = URL(fileURLWithPath: path)
            var info: [String: String] = [:]
            for (_, cells) in try CSVFile.rows(folder: folder, file: "shard.csv", required: ["key", "value"]) {
                info[cells["key"] ?? ""] = cells["value"] ?? ""
            }
            guard let index = info["shard"].flatMap(Int.init) else {
                throw CaseError(issues: [CaseIssue(file: path + "/shard.csv", "no shard number")])
            }
            slices.append((index, folder, info))
        }
        slices.sort { $0.index < $1.index }
        let first = slices[0].info
        let count = Int(first["shards"] ?? "") ?? 0
        guard slices.map(\.index) == Array(1...max(1, count)),
            slices.allSatisfy({ $0.info["kind"] == first["kind"] && $0.info["shards"] == first["shards"] }),
            let kind = first["kind"].flatMap(BatchKind.init(rawValue:))
        else {
            let given = slices.map { "\($0.index) of \($0.info["shards"] ?? "?")" }.joined(separator: ", ")
            throw CaseError(issues: [
                CaseIssue(file: "shard.csv", "the slices must be 1 to n of one run, each once; given: \(given)")
            ])
        }
        let out = URL(fileURLWithPath: out)
        var rows: [[String]] = []
        let manager = FileManager.default
        for slice in slices {
            guard let bytes = manager.contents(atPath: slice.folder.appendingPathComponent(kind.table).path) else {
                throw CaseError(issues: [CaseIssue(file: slice.folder.path + "/" + kind.table, "missing")])
            }
            let table = CSVParser.parse([UInt8](bytes)).records.map(\.fields)
            if rows.isEmpty {
                rows = table
            } else {
                guard table.first == rows.first else {
                    throw CaseError(issues: [
                        CaseIssue(
                            file: slice.folder.path + "/" + kind.table, line: 1, "a header unlike the first slice's")
                    ])
                }
                rows += table.dropFirst()
            }
            // The folders of the scenarios in this slice's table (not leftovers of other runs), each
            // completed first if a write was interrupted.
            let id = table.first?.firstIndex(of: "scenario_id")
            for name in table.dropFirst().compactMap({ row in id.flatMap { $0 < row.count ? row[$0] : nil } }) {
                let from = slice.folder.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard !name.contains("/"), !name.hasPrefix("."),
                    manager.fileExists(atPath: from.path, isDirectory: &isFolder), isFolder.boolValue
                else { continue }
                try OutputCommit.repair(from)
                let files = try manager.contentsOfDirectory(atPath: from.path).sorted().filter { !$0.hasPrefix(".") }
                    .map { ($0, try Data(contentsOf: from.appendingPathComponent($0))) }
                try OutputCommit.commit(files, to: out.appendingPathComponent(name), removing: Outputs.fileNames)
            }
        }
        try CSVFolder.write([(kind.table, rows)], to: out)
        if kind == .sweep {
            try Batch.writeChart(rows, title: first["title"] ?? "", axis: first["axis"] ?? "", to: out)
        }
    }
}

/// `roster compare OUT_A OUT_B`: two runs side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two output folders: the run's figures, cost against budget by sector, who changed.",
        discussion: """
            Prints each figure of summary.csv and sector_summary.csv for A and B with the difference B - A, then \
            the people whose roster differs and on how many dates. --csv writes the same as section,key,a,b,difference.
            """)

    @Argument(help: "The first output folder (A).")
    var a: String

    @Argument(help: "The second output folder (B).")
    var b: String

    @Option(help: "Also write the comparison to this CSV file.")
    var csv: String?

    func validate() throws {
        if csv?.isEmpty == true { throw ValidationError("--csv must name a file") }
    }

    func run() throws {
        let comparison: RunComparison
        let folders = (try openOutputFolder(a), try openOutputFolder(b))
        do {
            comparison = try RunComparison(folders.0, folders.1)
        } catch {
            report(error)
            throw Exit.badInput
        }
        let width = max(24, comparison.lines.map { $0.section.count + $0.key.count + 1 }.max() ?? 0)
        func cell(_ text: String) -> String { text.padding(toLength: max(14, text.count), withPad: " ", startingAt: 0) }
        var text = cell("".padding(toLength: width, withPad: " ", startingAt: 0)) + cell("A") + cell("B") + "B - A\n"
        var section = ""
        for line in comparison.lines {
            if line.section != section {
                section = line.section
                text += section + "\n"
            }
            text +=
                "  " + line.key.padding(toLength: width - 2, withPad: " ", startingAt: 0) + cell(line.a ?? "-")
                + cell(line.b ?? "-") + (line.difference.map { String(format: "%+.2f", $0) } ?? "") + "\n"
        }
        if !comparison.changes.isEmpty {
            text +=
                "people with changes (dates): "
                + comparison.changes.prefix(20).map { "\($0.staffID) (\($0.dates))" }.joined(separator: ", ")
                + (comparison.changes.count > 20 ? " and \(comparison.changes.count - 20) more" : "")
        }
        print(text)
        if let csv {
            let url = URL(fileURLWithPath: csv)
            do {
                try CSVFolder.write(
                    [(url.lastPathComponent, comparison.rows)], to: url.deletingLastPathComponent(), removing: [])
            } catch {
                log.error("cannot write '\(csv)': \(error)")
                throw Exit.badInput
            }
        }
    }
}
