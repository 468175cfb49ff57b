import Foundation
import Workforce

/// report.html: a roster on one self-contained page (inline CSS and SVG, no script, nothing fetched)
/// for a laptop screen or A4 landscape paper.
///
/// Its sections: the run (status, objective, bound, gap, penalties, broken hard rules); coverage as a
/// red/amber/green map, a table per locality with a cell per demand row, each red or amber cell
/// linking to its explanation; the roster grid, people grouped by home locality with their hours and
/// pay against their contract; funding, cost by sector against budget and each joint worker's split;
/// the changes against a baseline (changes.csv, when the run has one); and every red and amber row
/// explained (``ShortfallExplainer``). Every text from the case is escaped.
public struct RosterReport {
    let c: Case
    let roster: Roster
    let evaluation: Evaluation
    let shortfalls: [Shortfall]
    /// summary.csv's values by key; `nil` for a roster without one (made by hand).
    let summary: [String: String]?
    /// changes.csv's rows by column; `nil` without the file.
    let changes: [[String: String]]?
    let dayIndex: [Day: Int]
    let staffByID: [String: Staff]

    /// A report of `roster`, its `evaluation` and `shortfalls`, with the run's `summary` (summary.csv
    /// by key, `nil` when there is none) and `changes` (changes.csv's rows by column, `nil` when none).
    public init(
        case c: Case, roster: Roster, evaluation: Evaluation, shortfalls: [Shortfall], summary: [String: String]?,
        changes: [[String: String]]?
    ) {
        self.c = c
        self.roster = roster
        self.evaluation = evaluation
        self.shortfalls = shortfalls
        self.summary = summary
        self.changes = changes
        dayIndex = Dictionary(uniqueKeysWithValues: c.days.enumerated().map { ($1, $0) })
        staffByID = Dictionary(c.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A report with the summary and changes taken from a run's output tables (file, rows with the
    /// header first): summary.csv and, when the run writes it, changes.csv.
    public init(
        case c: Case, roster: Roster, evaluation: Evaluation, shortfalls: [Shortfall],
        outputs tables: [(file: String, rows: [[String]])]
    ) {
        func records(_ file: String) -> [[String: String]]? {
            guard let rows = tables.first(where: { $0.file == file })?.rows, let header = rows.first else { return nil }
            return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
        }
        let summary = records("summary.csv").map { rows in
            Dictionary(
                rows.compactMap { row in row["key"].map { ($0, row["value"] ?? "") } }, uniquingKeysWith: { a, _ in a })
        }
        self.init(
            case: c, roster: roster, evaluation: evaluation, shortfalls: shortfalls, summary: summary,
            changes: records("changes.csv"))
    }

    /// The page.
    public var html: String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Roster report \(HTML.escape(horizon))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>

            """
        page += header() + run() + coverage() + grid() + funding() + changesMade() + explanations()
        page += "</body>\n</html>\n"
        return page
    }

    var horizon: String { "\(c.days.first?.iso ?? "") to \(c.days.last?.iso ?? "")" }

    // MARK: Header and run

    func header() -> String {
        var links = [("run", "Run"), ("coverage", "Coverage"), ("roster", "Roster"), ("funding", "Funding")]
        if changes != nil { links.append(("changes", "Changes")) }
        links.append(("explanations", "Red and amber explained"))
        return """
            <header>
            <h1>Roster report</h1>
            <p class="sub">\(HTML.escape(horizon)) (\(c.days.count) days) · \(c.staff.count) staff · \
            \(c.localities.count) localities · \(c.demand.count) demand rows</p>
            <nav>\(links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined())</nav>
            </header>

            """
    }

    func run() -> String {
        let e = evaluation
        let status = summary?["status"] ?? "not solved here"
        func figure(_ key: String, _ computed: Double) -> Double { summary?[key].flatMap(Double.init) ?? computed }
        let gap = summary?["gap"].flatMap(Double.init).map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        let bound = summary?["best_bound"].flatMap(Double.init).map(HTML.money) ?? "–"
        let counts = ["red", "amber", "green"].map { status in e.coverage.filter { $0.status == status }.count }
        var html = "<h2 id=\"run\" class=\"first\">Run</h2>\n<div class=\"kpis\">\n"
        let kpis: [(String, String)] = [
            ("status", status), ("objective", HTML.money(figure("objective", e.objective))), ("best bound", bound),
            ("gap", gap), ("pay and agency cost", HTML.money(figure("total_cost", e.totalCost))),
            ("unmet hours", HTML.hours(figure("unmet_hours", e.unmetHours))),
            ("agency hours", HTML.hours(figure("agency_hours", e.agencyHours))),
            ("shifts worked", String(roster.assignments.count)),
            ("red · amber · green rows", counts.map(String.init).joined(separator: " · ")),
        ]
        for (label, value) in kpis {
            html += "<div class=\"kpi\"><b>\(HTML.escape(value))</b><span>\(label)</span></div>\n"
        }
        html += "</div>\n"
        if summary == nil {
            html +=
                "<p>No summary.csv beside this roster (made by hand?): every figure is recomputed from the case "
                + "by the evaluator.</p>\n"
        } else if let source = summary?["bound_source"], !source.isEmpty {
            html += "<p class=\"sub\">Best bound from \(HTML.escape(source)).</p>\n"
        }
        let p = e.penalties
        let penalties: [(String, String, Double)] = [
            ("penalty_unmet_hours", "unmet hours", p.unmetHours), ("penalty_under_staff", "people short", p.underStaff),
            ("penalty_over_staff", "people over max_staff", p.overStaff),
            ("penalty_preference", "broken preferences", p.preference),
            ("penalty_change", "changes against the baseline", p.change),
            ("penalty_fairness", "weekend fairness", p.fairness),
        ]
        html += "<table><thead><tr><th>Penalty</th><th class=\"n\">Amount</th></tr></thead><tbody>\n"
        for (key, label, computed) in penalties {
            html += "<tr><td>\(label)</td><td class=\"n\">\(HTML.money(figure(key, computed)))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if !e.violations.isEmpty {
            html +=
                "<div class=\"warn\"><b>This roster breaks \(e.violations.count) hard "
                + "rule\(e.violations.count == 1 ? "" : "s"):</b><ul>\n"
            for violation in e.violations.prefix(50) { html += "<li>\(HTML.escape(violation.description))</li>\n" }
            if e.violations.count > 50 { html += "<li>and \(e.violations.count - 50) more</li>\n" }
            html += "</ul></div>\n"
        }
        return html
    }

    // MARK: Coverage

    func coverage() -> String {
        let e = evaluation
        let counts = ["red", "amber", "green"].map { status in e.coverage.filter { $0.status == status }.count }
        var html = """
            <h2 id="coverage">Coverage</h2>
            <p>\(e.coverage.count) demand rows: \(counts[0]) red, \(counts[1]) amber, \(counts[2]) green. One cell per \
            demand row, a table per locality; a red or amber cell shows the hours short (or the people short, \
            ‘p’) and links to its explanation.</p>
            <div class="legend"><span><span class="swatch c green"></span>green: hours and people met</span>\
            <span><span class="swatch c amber"></span>amber: the worse of hours and people at least \
            \(HTML.percent(c.settings.amberThreshold)) met</span>\
            <span><span class="swatch c red"></span>red: below \(HTML.percent(c.settings.amberThreshold))</span>\
            <span><span class="swatch we"></span>weekend</span></div>

            """
        var rowsAt: [String: [Int]] = [:]
        for (i, row) in e.coverage.enumerated() { rowsAt[row.demand.localityID, default: []].append(i) }
        let shortfallOf = Dictionary(shortfalls.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        let short = localitiesByGroup().compactMap { locality -> String? in
            let count = rowsAt[locality.id]?.filter { shortfallOf[$0] != nil }.count ?? 0
            guard count > 0 else { return nil }
            return "<a href=\"#\(anchor(locality))\">\(HTML.escape(locality.name))</a> (\(count))"
        }
        if !short.isEmpty { html += "<p>Red and amber rows at: \(short.joined(separator: ", ")).</p>\n" }
        for locality in localitiesByGroup() {
            guard let indices = rowsAt[locality.id] else { continue }
            html += "<h3 id=\"\(anchor(locality))\">\(HTML.escape(title(of: locality)))</h3>\n"
            html +=
                "<table class=\"heat\"><thead><tr><th>competency · shift</th>\(dateHeaders())</tr></thead>"
                + "<tbody>\n"
            var cells: [String: [Int: Int]] = [:]
            var lines: [(competency: String, shift: String)] = []
            for i in indices {
                let d = e.coverage[i].demand
                let line = "\(d.competencyID)|\(d.shiftID)"
                if cells[line] == nil { lines.append((d.competencyID, d.shiftID)) }
                if let day = dayIndex[d.day] { cells[line, default: [:]][day] = i }
            }
            let competencyOrder = Dictionary(c.competencies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
            let shiftOrder = Dictionary(c.shifts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
            lines.sort {
                (competencyOrder[$0.competency] ?? 0, shiftOrder[$0.shift] ?? 0)
                    < (competencyOrder[$1.competency] ?? 0, shiftOrder[$1.shift] ?? 0)
            }
            for line in lines {
                html += "<tr><th class=\"row\">\(HTML.escape(line.competency)) · \(HTML.escape(line.shift))</th>"
                let row = cells["\(line.competency)|\(line.shift)"] ?? [:]
                for day in c.days.indices {
                    guard let i = row[day] else {
                        html += "<td class=\"c none\(c.days[day].isWeekend ? " we" : "")\"></td>"
                        continue
                    }
                    html += cell(e.coverage[i], index: i, shortfall: shortfallOf[i])
                }
                html += "</tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html
    }

    /// One demand row's cell: its status, a tooltip with its figures, and for a red or amber row the
    /// shortfall linked to its explanation.
    func cell(_ row: CoverageRow, index: Int, shortfall: Shortfall?) -> String {
        let d = row.demand
        let key = "\(d.day.iso)|\(d.shiftID)|\(d.localityID)|\(d.competencyID)"
        let tip =
            "\(d.day.iso) \(d.day.weekdayName) \(d.shiftID) \(d.localityID) \(d.competencyID): demand "
            + "\(HTML.hours(d.hours)) h, staff \(HTML.hours(row.staffHours)) h, agency \(row.agencyShifts) shift(s), "
            + "unmet \(HTML.hours(row.unmetHours)) h; people \(row.staffCount + row.agencyShifts) of \(d.minStaff) "
            + "— \(row.status)"
        var html =
            "<td class=\"c \(row.status)\" id=\"c-\(index)\" data-key=\"\(HTML.escape(key))\" "
            + "title=\"\(HTML.escape(tip))\">"
        if let shortfall {
            let text =
                shortfall.hoursShort > 1e-9
                ? HTML.hours(shortfall.hoursShort) : "\(shortfall.headsShort)p"
            html += "<a href=\"#x-\(index)\">\(text)</a>"
        }
        return html + "</td>"
    }

    func dateHeaders() -> String {
        c.days.map { day in
            let weekday = String(day.weekdayName.prefix(2))
            let date = String(day.iso.suffix(2)).drop { $0 == "0" }
            return "<th class=\"d\(day.isWeekend ? " we" : "")\" title=\"\(day.iso)\">\(weekday)<b>\(date)</b></th>"
        }.joined()
    }

    /// Localities ordered by group (groups in order of first appearance), then as in localities.csv.
    func localitiesByGroup() -> [Locality] {
        var groups: [String] = []
        for locality in c.localities where !groups.contains(locality.group) { groups.append(locality.group) }
        return groups.flatMap { group in c.localities.filter { $0.group == group } }
    }

    /// The anchor of a locality's coverage table, by its position (ids may hold spaces; anchors may not).
    func anchor(_ locality: Locality) -> String {
        "loc-\(c.localities.firstIndex { $0.id == locality.id } ?? 0)"
    }

    func title(of locality: Locality) -> String {
        let name = locality.name.isEmpty ? locality.id : locality.name
        return locality.group.isEmpty ? name : "\(locality.group) · \(name)"
    }

    // MARK: Roster grid

    func grid() -> String {
        let e = evaluation
        let codes = localityCodes()
        let shiftIndex = Dictionary(c.shifts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        var worked: [String: [Int: Assignment]] = [:]
        for a in roster.assignments {
            if let day = dayIndex[a.day] { worked[a.staffID, default: [:]][day] = a }
        }
        var off: Set<String> = []
        for rule in c.availability where rule.kind == .unavailable && rule.shiftID == nil {
            off.insert("\(rule.staffID)|\(rule.day.iso)")
        }
        let costs = Dictionary(e.people.map { ($0.staffID, $0) }, uniquingKeysWith: { a, _ in a })
        var away: Set<String> = []
        var html = "<h2 id=\"roster\">Roster</h2>\n<div class=\"legend\">"
        for (i, shift) in c.shifts.enumerated() {
            let colour = ReportStyle.shiftColours[i % ReportStyle.shiftColours.count]
            html +=
                "<span><span class=\"swatch\" style=\"background:\(colour.background)\"></span>"
                + "\(HTML.escape(shift.id)) \(HTML.escape(shift.name)) "
                + "\(Outputs.clock(shift.start))–\(Outputs.clock(shift.end))</span>"
        }
        html +=
            "<span><span class=\"swatch off\" style=\"background:repeating-linear-gradient(45deg,#fff 0 3px,"
            + "#c9ced6 3px 5px)\"></span>unavailable</span><span><span class=\"swatch we\"></span>weekend</span>"
            + "<span>small letters: worked away from home (see below)</span></div>\n"
        html += "<table class=\"grid\"><thead><tr><th>person</th><th>role</th>\(dateHeaders())"
        html += "<th class=\"n\">paid h</th><th class=\"n\">contract h</th><th class=\"n\">pay</th></tr></thead>\n"
        let columns = c.days.count + 5
        var totals = (paid: 0.0, contracted: 0.0, pay: 0.0)
        for locality in localitiesByGroup() {
            let people = c.staff.filter { $0.homeLocality == locality.id }
            guard !people.isEmpty else { continue }
            html +=
                "<tbody><tr class=\"grp\"><th colspan=\"\(columns)\">\(HTML.escape(title(of: locality))) "
                + "<small>(\(people.count))</small></th></tr>\n"
            for person in people {
                let name = person.name.isEmpty ? person.id : person.name
                html +=
                    "<tr><td class=\"name\" title=\"\(HTML.escape(person.id))\">\(HTML.escape(name)) "
                    + "<small>\(HTML.escape(person.id))</small></td><td>\(HTML.escape(person.roleID))</td>"
                for day in c.days.indices {
                    guard let a = worked[person.id]?[day] else {
                        let leave = off.contains("\(person.id)|\(c.days[day].iso)")
                        html +=
                            leave
                            ? "<td class=\"off\" title=\"unavailable (availability.csv)\"></td>"
                            : c.days[day].isWeekend ? "<td class=\"we\"></td>" : "<td></td>"
                        continue
                    }
                    let colour = ReportStyle.shiftColours[(shiftIndex[a.shiftID] ?? 0) % ReportStyle.shiftColours.count]
                    let place =
                        a.localityID == person.homeLocality
                        ? "" : "<sub>\(HTML.escape(codes[a.localityID] ?? a.localityID))</sub>"
                    if !place.isEmpty { away.insert(a.localityID) }
                    html +=
                        "<td class=\"s\" style=\"background:\(colour.background);color:\(colour.text)\" "
                        + "title=\"\(HTML.escape("\(a.day.iso) \(a.shiftID) at \(a.localityID)"))\">"
                        + "\(HTML.escape(a.shiftID))\(place)</td>"
                }
                let cost = costs[person.id]
                let paid = cost?.paidHours ?? 0
                let contracted = person.contractHours * c.weeks
                let load = paid > contracted + 1e-6 ? " over" : (paid < contracted - 0.05 ? " under" : "")
                html +=
                    "<td class=\"n\(load)\">\(HTML.hours(paid))</td><td class=\"n\">\(HTML.hours(contracted))</td>"
                    + "<td class=\"n\">\(HTML.money(cost?.pay ?? 0))</td></tr>\n"
                totals.paid += paid
                totals.contracted += contracted
                totals.pay += cost?.pay ?? 0
            }
            html += "</tbody>\n"
        }
        html +=
            "<tfoot><tr><th colspan=\"\(c.days.count + 2)\">all staff</th><th class=\"n\">\(HTML.hours(totals.paid))"
            + "</th><th class=\"n\">\(HTML.hours(totals.contracted))</th><th class=\"n\">\(HTML.money(totals.pay))</th>"
            + "</tr></tfoot></table>\n"
        html +=
            "<p class=\"sub\">Paid hours include travel; in bold when above the contract (overtime), grey when "
            + "below it (contracted time not rostered).</p>\n"
        if !away.isEmpty {
            let listed = c.localities.filter { away.contains($0.id) }.map {
                "<b>\(HTML.escape(codes[$0.id] ?? $0.id))</b> \(HTML.escape($0.name.isEmpty ? $0.id : $0.name))"
            }
            html += "<p class=\"legend\">Away: \(listed.joined(separator: " · "))</p>\n"
        }
        return html
    }

    /// A short code per locality for the grid: the shortest start of its name (letters only, at least
    /// three) that no other locality's name starts with.
    func localityCodes() -> [String: String] {
        let names = c.localities.map { locality in
            Array((locality.name.isEmpty ? locality.id : locality.name).filter(\.isLetter))
        }
        var codes: [String: String] = [:]
        for (i, locality) in c.localities.enumerated() {
            var length = min(3, names[i].count)
            while length < names[i].count,
                names.indices.contains(where: { $0 != i && names[$0].starts(with: names[i].prefix(length)) })
            {
                length += 1
            }
            codes[locality.id] = String(names[i].prefix(length))
        }
        return codes
    }

    // MARK: Funding

    func funding() -> String {
        let e = evaluation
        let scale = e.sectors.map { max($0.totalCost, $0.budget ?? 0) }.max() ?? 0
        let colours = sectorColours()
        var html = """
            <h2 id="funding">Funding</h2>
            <h3>Cost by sector against budget</h3>
            <table><thead><tr><th>sector</th><th class="n">demand h</th><th class="n">staff h</th>\
            <th class="n">agency h</th><th class="n">unmet h</th><th class="n">staff cost</th>\
            <th class="n">agency cost</th><th class="n">total cost</th><th class="n">budget</th>\
            <th class="n">variance</th><th>cost (bar) against budget (line)</th></tr></thead><tbody>

            """
        for row in e.sectors {
            let name = c.sectors.first { $0.id == row.sectorID }?.name ?? ""
            let over = (row.variance ?? 0) < -0.005
            html +=
                "<tr><td>\(HTML.escape(row.sectorID))\(name.isEmpty ? "" : " <small>\(HTML.escape(name))</small>")</td>"
                + [row.demandHours, row.staffHours, row.agencyHours, row.unmetHours].map {
                    "<td class=\"n\">\(HTML.hours($0))</td>"
                }.joined()
                + [row.staffCost, row.agencyCost, row.totalCost].map { "<td class=\"n\">\(HTML.money($0))</td>" }
                .joined()
                + "<td class=\"n\">\(row.budget.map(HTML.money) ?? "–")</td>"
                + "<td class=\"n\"\(over ? " style=\"color:#b42318;font-weight:700\"" : "")>"
                + "\(row.variance.map(HTML.money) ?? "–")</td>"
                + "<td>\(budgetBar(row, scale: scale, colour: colours[row.sectorID] ?? "#6b7a8f"))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        html += jointWorkers(colours)
        return html
    }

    /// A bar of a sector's cost with its budget as a line, on a scale shared by every sector.
    func budgetBar(_ row: SectorRow, scale: Double, colour: String) -> String {
        let width = 240.0
        let x = { (value: Double) in scale > 0 ? max(0, min(width, value / scale * width)) : 0 }
        var svg =
            "<svg width=\"\(Int(width) + 4)\" height=\"16\" viewBox=\"0 0 \(Int(width) + 4) 16\" role=\"img\" "
            + "aria-label=\"\(HTML.escape("cost \(HTML.money(row.totalCost))"))\">"
            + "<rect x=\"0\" y=\"3\" width=\"\(String(format: "%.1f", x(row.totalCost)))\" height=\"10\" "
            + "fill=\"\(colour)\"/>"
        if let budget = row.budget {
            let at = String(format: "%.1f", x(budget) + 1)
            svg += "<line x1=\"\(at)\" x2=\"\(at)\" y1=\"0\" y2=\"16\" stroke=\"#1f2933\" stroke-width=\"2\"/>"
        }
        return svg + "</svg>"
    }

    /// A colour per sector: those of sectors.csv first, then any other in order of appearance.
    func sectorColours() -> [String: String] {
        var order = c.sectors.map(\.id)
        for row in evaluation.sectors where !order.contains(row.sectorID) { order.append(row.sectorID) }
        for person in evaluation.people {
            for (sector, _) in person.sectorHours where !order.contains(sector) { order.append(sector) }
        }
        return Dictionary(
            order.enumerated().map { ($1, ReportStyle.sectorColours[$0 % ReportStyle.sectorColours.count]) },
            uniquingKeysWith: { a, _ in a })
    }

    func jointWorkers(_ colours: [String: String]) -> String {
        let joint = c.staff.filter { $0.employer == Sector.joint }
        var html = "<h3>Joint workers: how each one's pay is split</h3>\n"
        guard !joint.isEmpty else { return html + "<p>No one has a joint (cross-sector) contract.</p>\n" }
        let costs = Dictionary(evaluation.people.map { ($0.staffID, $0) }, uniquingKeysWith: { a, _ in a })
        var sectors: [String] = []
        for id in colours.keys.sorted(by: { (colourOrder($0, colours), $0) < (colourOrder($1, colours), $1) }) {
            if joint.contains(where: { person in costs[person.id]?.sectorHours.contains { $0.sector == id } == true }) {
                sectors.append(id)
            }
        }
        html +=
            "<table><thead><tr><th>person</th><th>home</th><th class=\"n\">paid h</th><th class=\"n\">charged h</th>"
        html += sectors.map { "<th class=\"n\">\(HTML.escape($0))</th>" }.joined()
        html += "<th class=\"n\">pay</th><th>split</th></tr></thead><tbody>\n"
        for person in joint {
            let cost = costs[person.id]
            let charged = cost?.chargeableHours ?? 0
            html +=
                "<tr><td>\(HTML.escape(person.name.isEmpty ? person.id : person.name)) <small>"
                + "\(HTML.escape(person.id))</small></td><td>\(HTML.escape(person.homeLocality))</td>"
                + "<td class=\"n\">\(HTML.hours(cost?.paidHours ?? 0))</td><td class=\"n\">\(HTML.hours(charged))</td>"
            var x = 0.0
            var bar = "<svg width=\"164\" height=\"14\" viewBox=\"0 0 164 14\" role=\"img\" aria-label=\"split\">"
            for sector in sectors {
                let hours = cost?.sectorHours.filter { $0.sector == sector }.reduce(0) { $0 + $1.hours } ?? 0
                let share = charged > 0 ? hours / charged : 0
                let figures =
                    hours > 0
                    ? "\(HTML.hours(hours)) h · \(HTML.percent(share))<br>"
                        + "<small>\(HTML.money((cost?.pay ?? 0) * share))</small>" : ""
                html += "<td class=\"n\">\(figures)</td>"
                if share > 0 {
                    let left = String(format: "%.1f", x * 160)
                    let width = String(format: "%.1f", share * 160)
                    bar +=
                        "<rect x=\"\(left)\" y=\"2\" width=\"\(width)\" height=\"10\" "
                        + "fill=\"\(colours[sector] ?? "#6b7a8f")\"><title>\(HTML.escape(sector)) "
                        + "\(HTML.percent(share))</title></rect>"
                    x += share
                }
            }
            html += "<td class=\"n\">\(HTML.money(cost?.pay ?? 0))</td><td>\(bar)</svg></td></tr>\n"
        }
        html += "</tbody></table>\n<div class=\"legend\">"
        for sector in sectors {
            html +=
                "<span><span class=\"swatch\" style=\"background:\(colours[sector] ?? "#6b7a8f")\"></span>"
                + "\(HTML.escape(sector))</span>"
        }
        html += "</div>\n"
        html +=
            "<p class=\"sub\">Each sector is charged its care hours; the rest of the larger of paid and contracted "
            + "hours (travel, idle contracted time) in proportion to them (contract_allocation.csv).</p>\n"
        return html
    }

    func colourOrder(_ sector: String, _ colours: [String: String]) -> Int {
        ReportStyle.sectorColours.firstIndex(of: colours[sector] ?? "") ?? Int.max
    }

    // MARK: Changes

    func changesMade() -> String {
        guard let changes else { return "" }
        var html = "<h2 id=\"changes\">Changes against the baseline</h2>\n"
        guard !changes.isEmpty else { return html + "<p>No changes: the baseline roster is kept.</p>\n" }
        html += "<p>\(changes.count) change\(changes.count == 1 ? "" : "s") (changes.csv).</p>\n"
        html +=
            "<table><thead><tr><th>person</th><th>date</th><th>before</th><th>after</th><th>why</th></tr></thead>"
            + "<tbody>\n"
        for change in changes {
            let id = change["staff_id"] ?? ""
            let name = staffByID[id].map { $0.name.isEmpty ? "" : " <small>\(HTML.escape($0.name))</small>" } ?? ""
            html +=
                "<tr><td>\(HTML.escape(id))\(name)</td><td>\(HTML.escape(change["date"] ?? ""))</td>"
                + "<td>\(HTML.escape(change["before"] ?? ""))</td><td>\(HTML.escape(change["after"] ?? ""))</td>"
                + "<td>\(HTML.escape(change["why"] ?? ""))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    // MARK: Explanations

    /// Reasons shared by many people alike (on another shift, not allowed there, travel too long):
    /// shown one line per reason, people grouped by the detail (where they are, where they live).
    static let groupedReasons: Set<ShortfallReason> = [.otherShift, .localityNotAllowed, .travelTooLong]

    func explanations() -> String {
        var html = """
            <h2 id="explanations">Red and amber rows explained</h2>
            <p>For each red or amber row: how short it is, why agency did not cover it, and what kept each person \
            holding the competency off it. Each person off that day was tried on the shift: the rules it would \
            break are named; someone it breaks none for was free, and the solver left them idle for their cost \
            (explanations.csv has the same rows).</p>

            """
        let unexplained = summary?["unexplained_rows"]
        if let unexplained {
            html += """
                <p>\(HTML.escape(unexplained)) more red or amber rows are not explained here: the run's time limit \
                ended first. <code>roster report CASE DIR</code> explains every row.</p>

                """
        }
        guard !shortfalls.isEmpty || unexplained != nil else {
            return html + "<p>Every demand row is green.</p>\n"
        }
        let shiftNames = Dictionary(c.shifts.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let localityNames = Dictionary(c.localities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let staffOrder = Dictionary(c.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        for shortfall in shortfalls {
            let row = shortfall.coverage
            let d = row.demand
            let shiftName = shiftNames[d.shiftID].flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
            let place = localityNames[d.localityID].flatMap { $0.isEmpty ? nil : $0 } ?? d.localityID
            var short: [String] = []
            if shortfall.hoursShort > 1e-9 { short.append("<b>\(HTML.hours(shortfall.hoursShort)) h</b>") }
            if shortfall.headsShort > 0 {
                short.append("<b>\(shortfall.headsShort) \(shortfall.headsShort == 1 ? "person" : "people")</b>")
            }
            html += """
                <div class="x \(row.status)" id="x-\(shortfall.index)">
                <h3><span class="status \(row.status)">\(row.status)</span> \(d.day.weekdayName) \(d.day.iso) · \
                \(HTML.escape(d.shiftID))\(HTML.escape(shiftName)) · \(HTML.escape(place)) · \
                \(HTML.escape(d.competencyID))</h3>
                <p>Short \(short.joined(separator: " and ")): demand \(HTML.hours(d.hours)) h and \(d.minStaff) \
                \(d.minStaff == 1 ? "person" : "people"); staff gave \(HTML.hours(row.staffHours)) h with \
                \(row.staffCount) on the shift; agency \(row.agencyShifts) shift(s). \
                <a class="back" href="#c-\(shortfall.index)">back to the map</a></p>
                <p>Agency: <span class="tag \(shortfall.agency.reason.rawValue)">\(shortfall.agency.reason.label)\
                </span> \(HTML.escape(shortfall.agency.detail))</p>

                """
            guard !shortfall.people.isEmpty else {
                html += "<p>No one holds \(HTML.escape(d.competencyID)).</p></div>\n"
                continue
            }
            var tally: [ShortfallReason: Int] = [:]
            for obstacle in shortfall.people { tally[obstacle.reason, default: 0] += 1 }
            let counts = ShortfallReason.allCases.compactMap { reason in tally[reason].map { "\($0) \(reason.label)" } }
            html +=
                "<p class=\"sub\">\(shortfall.people.count) hold \(HTML.escape(d.competencyID)): "
                + "\(counts.joined(separator: ", ")).</p>\n"
            html += "<table><thead><tr><th>person</th><th>why not on it</th><th>detail</th></tr></thead><tbody>\n"
            let people = shortfall.people.sorted {
                ($0.reason, staffOrder[$0.staffID ?? ""] ?? 0) < ($1.reason, staffOrder[$1.staffID ?? ""] ?? 0)
            }
            func person(_ obstacle: Obstacle) -> String {
                let id = obstacle.staffID ?? ""
                let name = staffByID[id].map { $0.name.isEmpty ? $0.id : $0.name } ?? id
                return "\(HTML.escape(name)) <small>\(HTML.escape(id))</small>"
            }
            func tag(_ reason: ShortfallReason) -> String {
                "<td><span class=\"tag \(reason.rawValue)\">\(reason.label)</span></td>"
            }
            for (i, obstacle) in people.enumerated() {
                guard Self.groupedReasons.contains(obstacle.reason) else {
                    html +=
                        "<tr><td>\(person(obstacle))</td>\(tag(obstacle.reason))"
                        + "<td>\(HTML.escape(obstacle.detail))</td></tr>\n"
                    continue
                }
                guard i == 0 || people[i - 1].reason != obstacle.reason else { continue }
                let alike = people.filter { $0.reason == obstacle.reason }
                var details: [String] = []
                var names: [String: [String]] = [:]
                for other in alike {
                    if names[other.detail] == nil { details.append(other.detail) }
                    names[other.detail, default: []].append(person(other))
                }
                let text = details.map { "\(HTML.escape($0)): \(names[$0]!.joined(separator: ", "))" }
                html +=
                    "<tr><td>\(alike.count) \(alike.count == 1 ? "person" : "people")</td>\(tag(obstacle.reason))"
                    + "<td>\(text.joined(separator: "<br>"))</td></tr>\n"
            }
            html += "</tbody></table></div>\n"
        }
        return html
    }
}
