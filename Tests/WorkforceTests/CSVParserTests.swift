import Testing
import Workforce

@Suite struct CSVParserTests {
    private func parse(_ text: String) throws -> [CSVRecord] { try CSVParser.parse(Array(text.utf8)) }

    @Test func quotedFieldsEscapesAndLineBreaks() throws {
        let records = try parse("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\nlast,\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\"\nthere"], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let records = try CSVParser.parse([0xEF, 0xBB, 0xBF] + Array("id,n\r\nx,1\r\n".utf8))
        #expect(records.map(\.fields) == [["id", "n"], ["x", "1"]])
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        #expect { try parse("a,b\n1,2\n\"open,3\n4,5\n") } throws: { error in
            (error as? CSVSyntaxError)?.line == 3 && "\(error)".contains("never closed")
        }
    }

    @Test func quoteInsideUnquotedFieldIsRejected() {
        #expect { try parse("a\nab\"c\n") } throws: { ($0 as? CSVSyntaxError)?.line == 2 }
    }

    @Test func textAfterClosingQuoteIsRejected() {
        #expect { try parse("a\n\"x\"y\n") } throws: { ($0 as? CSVSyntaxError)?.line == 2 }
    }

    @Test func invalidUTF8IsRejected() {
        #expect { try CSVParser.parse(Array("a\n".utf8) + [0xC3, 0x28, 0x0A]) } throws: {
            ($0 as? CSVSyntaxError)?.line == 2
        }
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try parse("a\n\n1\n\n").map(\.fields) == [["a"], ["1"]])
    }
}

@Suite struct DayTests {
    @Test func parsesAndFormatsDates() throws {
        let day = try #require(Day(iso: "2025-03-03"))
        #expect(day.iso == "2025-03-03")
        #expect(day.weekday == 1)
        #expect(day.adding(days: 5).isWeekend)
        #expect(Day(iso: "2024-02-29") != nil)
        for bad in ["2025-02-29", "2025-13-01", "2025-3-1", "03/03/2025", "2025-03-03T00:00"] {
            #expect(Day(iso: bad) == nil)
        }
    }
}
