import Foundation

/// Writes a synthetic case of `staff` people over four weeks (E/L/N shifts, `localities`
/// localities in clusters of four linked by travel, three sectors, generic workers) into a new
/// temporary folder. Seeded: the same arguments give the same files.
func generatedCase(staff: Int, localities: Int) throws -> URL {
    var state: UInt64 = 0x5EED
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "generated-\(staff)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    func write(_ name: String, _ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let places = (0..<localities).map { "loc\($0)" }
    try write("localities.csv", ["locality_id,group"] + places.enumerated().map { "\($1),cluster\($0 / 4)" })
    var travel = ["from_locality,to_locality,minutes,cost"]
    for (i, place) in places.enumerated() where i % 4 != 0 {
        travel.append("\(places[i - i % 4]),\(place),\(20 + 15 * (i % 4)),\(i % 4 * 3)")
    }
    try write("travel.csv", travel)
    try write("sectors.csv", ["sector_id,budget", "nhs,", "council,", "voluntary,"])
    try write(
        "competencies.csv",
        [
            "competency_id,sector_id", "nursing,nhs", "medication,nhs", "personal_care,council",
            "domestic,council", "befriending,voluntary",
        ])
    try write(
        "roles.csv",
        [
            "role_id,competencies,hourly_cost,generic", "rn,nursing;medication,25,false",
            "hca,personal_care;medication,14,false", "cw,personal_care;domestic,13,false",
            "gw,personal_care;medication;domestic,15.5,true", "sw,befriending;domestic,12.5,false",
        ])
    try write(
        "shifts.csv", ["shift_id,start,end,paid_hours", "E,07:00,15:00,7.5", "L,14:00,22:00,7.5", "N,21:30,07:30,9.5"])
    let roles = ["rn", "hca", "cw", "gw", "gw", "cw", "sw"]
    let employers = ["rn": "nhs", "hca": "nhs", "cw": "council", "gw": "joint", "sw": "voluntary"]
    var people = ["staff_id,role_id,employer,home_locality,contract_hours,max_weekends"]
    for p in 0..<staff {
        let role = roles[next(roles.count)]
        people.append(
            "p\(p),\(role),\(employers[role]!),\(places[next(localities)]),\([0, 22.5, 30, 37.5, 37.5][next(5)]),\(next(3) == 0 ? "2" : "")"
        )
    }
    try write("staff.csv", people)
    var demand = ["date,shift_id,locality_id,competency_id,hours,min_staff"]
    let start = DateComponents(calendar: Calendar(identifier: .gregorian), year: 2025, month: 3, day: 3).date!
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    let perPlace = Double(staff) / Double(localities)
    for d in 0..<28 {
        let date = formatter.string(from: start.addingTimeInterval(Double(d) * 86_400))
        for place in places {
            demand.append(
                "\(date),E,\(place),personal_care,\(String(format: "%.1f", perPlace * 2.2)),\(max(1, Int(perPlace / 5)))"
            )
            demand.append("\(date),E,\(place),nursing,\(String(format: "%.1f", perPlace * 0.8)),1")
            demand.append("\(date),L,\(place),personal_care,\(String(format: "%.1f", perPlace * 1.2)),1")
            demand.append("\(date),N,\(place),nursing,\(String(format: "%.1f", perPlace * 0.5)),0")
        }
    }
    try write("demand.csv", demand)
    try write(
        "settings.csv", ["key,value", "agency_hourly_cost,40", "agency_max_hours,2000", "unmet_hour_penalty,200"])
    return folder
}
