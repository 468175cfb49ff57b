import Foundation
import TestSupport
import Testing
import Workforce

func writeCase(_ files: [String: String]) throws -> URL { try CaseFiles.folder(files) }

/// The errors reading `files` gives (empty when the case is valid).
func caseErrors(_ files: [String: String]) throws -> [CaseIssue] {
    let folder = try writeCase(files)
    do {
        _ = try CaseReader.read(folder: folder)
        return []
    } catch {
        return error.errors
    }
}

@Suite struct CaseReaderTests {
    @Test func validCaseReads() throws {
        let c = try CaseReader.read(folder: try writeCase(MalformedCases.valid)).case
        #expect(c.staff.map(\.id) == ["ann", "bob"])
        #expect(c.days.count == 2)
        #expect(c.staff[0].competencies == ["nursing"])
        #expect(c.staff[0].localities == ["kirkwall"])  // westray is 120 min away (> 90)
        #expect(c.travel(from: "westray", to: "kirkwall")?.minutes == 120)  // one direction holds both ways
        #expect(c.shifts[1].end == 7 * 60 + 1440)  // N crosses midnight
        #expect(c.staff[0].overtimeMultiplier == 1.5 && c.staff[1].overtimeMultiplier == 1)
    }

    @Test func unknownColumnIsAWarningOnly() throws {
        var files = MalformedCases.valid
        files["localities.csv"] = "locality_id,colour\nkirkwall,red\nwestray,blue\n"
        let loaded = try CaseReader.read(folder: try writeCase(files))
        #expect(loaded.warnings.contains { $0.column == "colour" && $0.severity == .warning })
    }

    @Test(arguments: 1..<MalformedCases.all.count)
    func malformedCaseGivesLocatedError(index: Int) throws {
        let (file, text, place, column, fragment) = MalformedCases.all[index]
        var files = MalformedCases.valid
        files[file] = text
        let errors = try caseErrors(files)
        let match = errors.first { "\($0)".hasPrefix(place + ":") || "\($0)".hasPrefix(place + " ") }
        #expect(match != nil, "expected an error at \(place), got \(errors)")
        if let match {
            #expect(match.column == column, "\(match)")
            #expect(match.message.contains(fragment), "\(match)")
        }
    }

    @Test func missingRequiredFileIsNamed() throws {
        var files = MalformedCases.valid
        files["staff.csv"] = nil
        let errors = try caseErrors(files)
        #expect(errors.contains { $0.file == "staff.csv" && $0.message.contains("missing") })
    }

    @Test func allErrorsAreReportedAtOnce() throws {
        var files = MalformedCases.valid
        files["staff.csv"] = "staff_id,home_locality,contract_hours\nann,nowhere,abc\n+bob,kirkwall,1\n"
        files["shifts.csv"] = "shift_id,start,end\nE,7am,15:00\n"
        let errors = try caseErrors(files)
        #expect(errors.count >= 4)
        #expect(Set(errors.map(\.file)).isSuperset(of: ["staff.csv", "shifts.csv"]))
    }

    @Test func anUnreadableRowHidesOnlyTheErrorsThatEchoIt() throws {
        var files = MalformedCases.valid
        // bob's row is spoiled by a stray quote; ann's row is fine.
        files["staff.csv"] = "staff_id,home_locality,name\nann,kirkwall,Ann\nbob,westray,B\"ob\n"
        files["availability.csv"] =
            "staff_id,date,kind\nbob,2025-03-03,unavailable\nbob,2025-03-04,unavailable\nzed,2025-03-03,unavailable\n"
        let errors = try caseErrors(files)
        #expect(
            errors.map { "\($0.file):\($0.line ?? 0):\($0.columnLetter ?? "")" } == [
                "staff.csv:3:C", "availability.csv:4:A",
            ])
    }

    @Test func aFileThatCannotBeReadHidesTheUnknownIdsThatFollowFromIt() throws {
        var files = MalformedCases.valid
        files["shifts.csv"] = "shift_id,begin,end\nE,07:00,15:00\n"
        let errors = try caseErrors(files)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("'start' is missing") == true)
    }

    @Test func aHorizonThatEndsBeforeItStartsStillLetsDemandBeChecked() throws {
        var files = MalformedCases.valid
        files["settings.csv"] = "key,value\nhorizon_start,2025-03-05\nhorizon_end,2025-03-01\n"
        files["demand.csv"] = "date,shift_id,locality_id,competency_id\n2025-03-03,X,kirkwall,nursing\n"
        let errors = try caseErrors(files)
        #expect(errors.map { "\($0.file):\($0.line ?? 0)" } == ["settings.csv:3", "demand.csv:2"])
    }

    @Test func namesKeepTheirLeadingSpaces() throws {
        var files = MalformedCases.valid
        files["staff.csv"] = "staff_id,name,home_locality\nann,\"  Ann\",kirkwall\n"
        #expect(try CaseFiles.read(files).staff.first?.name == "  Ann")
    }

    @Test(arguments: ["folder", "dangling link", "link loop"])
    func anOptionalFileThatIsNotAFileIsAnError(kind: String) throws {
        let folder = try writeCase(MalformedCases.valid)
        let path = folder.appendingPathComponent("availability.csv").path
        let manager = FileManager.default
        switch kind {
        case "folder": try manager.createDirectory(atPath: path, withIntermediateDirectories: false)
        case "dangling link": try manager.createSymbolicLink(atPath: path, withDestinationPath: "nowhere.csv")
        default:
            try manager.createSymbolicLink(atPath: path, withDestinationPath: "loop.csv")
            try manager.createSymbolicLink(
                atPath: folder.appendingPathComponent("loop.csv").path, withDestinationPath: "availability.csv")
        }
        do {
            _ = try CaseReader.read(folder: folder)
            Issue.record("a case with availability.csv as a \(kind) was accepted")
        } catch {
            let expected = ["folder": "is a folder", "dangling link": "does not exist", "link loop": "loop"][kind]!
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.file == "availability.csv")
            #expect(error.errors.first?.message.contains(expected) == true, "\(error)")
        }
    }

    @Test func aFolderThatDoesNotExistIsOneClearError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-case-\(UUID())")
        do {
            _ = try CaseReader.read(folder: missing)
            Issue.record("a missing folder was read")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.message.contains("no such folder") == true)
        }
    }

    @Test func casesInMemoryReadAsFromAFolder() throws {
        let files = MalformedCases.valid.mapValues { Array($0.utf8) }
        let fromMemory = try CaseReader.read(.memory(files)).case
        let fromFolder = try CaseReader.read(folder: try writeCase(MalformedCases.valid)).case
        #expect(fromMemory.staff == fromFolder.staff && fromMemory.demand == fromFolder.demand)
    }

    @Test func textSavedAsUTF16OrWindows1252IsNamedWithHowToSaveIt() throws {
        let folder = try writeCase(MalformedCases.valid)
        let staff = folder.appendingPathComponent("staff.csv")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("staff_id,home_locality\nann,kirkwall\n".data(using: .utf16LittleEndian)!)
        try utf16.write(to: staff)
        #expect(
            try errors(folder).map(\.description) == [
                "staff.csv: the file is UTF-16 text (Excel's 'Unicode Text'), not CSV UTF-8: save it again as "
                    + "'CSV UTF-8 (Comma delimited)' (Excel) or 'Text CSV' with character set Unicode (UTF-8) "
                    + "(LibreOffice)"
            ])
        try Data("staff_id,name,home_locality\nann,Si\u{E2}n,kirkwall\n".data(using: .windowsCP1252)!).write(to: staff)
        let found = try errors(folder)
        #expect(
            found.count == 1
                && found[0].description.hasPrefix(
                    "staff.csv:2: column B (name): text is not valid UTF-8; it looks like Windows-1252")
        )
    }

    @Test func aRequiredFileUnderAnotherNameIsPointedOut() throws {
        var files = MalformedCases.valid
        files["Staff.csv"] = files.removeValue(forKey: "staff.csv")
        files["demand (1).csv"] = files.removeValue(forKey: "demand.csv")
        let messages = try caseErrors(files).map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("staff.csv: this required file is missing from '")
                    && $0.hasSuffix("'; there is 'Staff.csv': rename it to 'staff.csv' (names are lower case)")
            })
        #expect(
            messages.contains {
                $0.hasPrefix("demand.csv: this required file is missing") && $0.contains("'demand (1).csv'")
            })
    }

    @Test func anotherFileOfTheCaseIsNeverOfferedAsTheMissingOne() throws {
        var files = MalformedCases.valid
        files["staff.csv"] = nil
        files["staff_shift_limits.csv"] = "staff_id,shift_id,max_count\n"
        let messages = try caseErrors(files).map(\.description)
        let missing = messages.first { $0.hasPrefix("staff.csv: this required file is missing from '") }
        #expect(missing?.hasSuffix("'") == true && missing?.contains("there is") == false, "\(messages)")
    }

    @Test func issuesOnOneLineAreNeverFoldedTogether() throws {
        var files = MalformedCases.valid
        files["demand.csv"] = "a,b,c,d\n1,2,3,4\n"
        let folder = try writeCase(files)
        do {
            _ = try CaseReader.read(folder: folder)
            Issue.record("accepted")
        } catch {
            for column in ["date", "shift_id", "locality_id", "competency_id"] {
                #expect(error.description.contains("the required column '\(column)' is missing"), "\(error)")
            }
            #expect(!error.description.contains("more like it"))
        }
    }

    @Test func aProblemRepeatedDownAColumnIsShownOnceWithItsLines() throws {
        var files = MalformedCases.valid
        files["demand.csv"] =
            "date,shift_id,locality_id,competency_id\n"
            + (3...12).map { "\($0)/03/2025,E,kirkwall,nursing\n" }.joined()
        let folder = try writeCase(files)
        do {
            _ = try CaseReader.read(folder: folder)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.count >= 10)
            let lines = error.description.split(separator: "\n")
            #expect(
                lines.contains { $0.contains("demand.csv:2: column A (date): '3/03/2025' is a date as a spreadsheet") })
            #expect(lines.contains("    ... and 9 more like it in this column (lines 3, 4, 5, 6, 7, 8, 9, 10, ...)"))
            #expect(!lines.contains { $0.contains("demand.csv:3:") })
        }
    }
}

private func errors(_ folder: URL) throws -> [CaseIssue] {
    do {
        _ = try CaseReader.read(folder: folder)
        return []
    } catch {
        return error.errors
    }
}
