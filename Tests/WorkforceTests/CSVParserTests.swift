import Testing
import Workforce

@Suite struct CSVParserTests {
    private func parse(_ text: String) -> CSVText { CSVParser.parse(Array(text.utf8)) }

    @Test func quotedFieldsEscapesAndLineBreaks() {
        let text = parse("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\nlast,\n")
        #expect(text.errors.isEmpty)
        #expect(text.records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\"\nthere"], ["last", ""]])
        #expect(text.records.map(\.line) == [1, 2, 4])
    }

    @Test func bomAndCRLFAreAccepted() {
        let text = CSVParser.parse([0xEF, 0xBB, 0xBF] + Array("id,n\r\nx,1\r\n\"a\r\nb\",2\r\ny,3\r\n".utf8))
        #expect(text.records.map(\.fields) == [["id", "n"], ["x", "1"], ["a\r\nb", "2"], ["y", "3"]])
        #expect(text.records.map(\.line) == [1, 2, 3, 5])
    }

    @Test func unterminatedQuoteNamesItsLineAndFieldAndReadingResumesOnTheNextLine() {
        let text = parse("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(text.errors.map(\.line) == [3])
        #expect(text.errors.first?.field == 1)
        #expect(text.errors.first?.message.contains("never closed") == true)
        #expect(text.errors.first?.cells == ["3"])
        #expect(text.records.map(\.fields) == [["a", "b"], ["1", "2"], ["4", "5"]])
    }

    @Test func quoteInsideUnquotedFieldIsRejectedAndTheNextRecordRead() {
        let text = parse("a,b\nx,ab\"c\ny,z\n")
        #expect(text.errors.map { [$0.line, $0.field] } == [[2, 1]])
        #expect(text.records.map(\.fields) == [["a", "b"], ["y", "z"]])
    }

    @Test func textAfterClosingQuoteIsRejectedAndTheNextRecordRead() {
        let text = parse("a\n\"x\"y\nz\n")
        #expect(text.errors.map { [$0.line, $0.field] } == [[2, 0]])
        #expect(text.records.map(\.fields) == [["a"], ["z"]])
    }

    @Test func invalidUTF8IsRejectedWithItsFieldAndEveryErrorOfTheFileIsFound() {
        let bytes = Array("a,b\n".utf8) + [0x31, 0x2C, 0xC3, 0x28, 0x0A] + Array("ok,1\nx\"y,2\n\"u,3\n".utf8)
        let text = CSVParser.parse(bytes)
        #expect(text.errors.map { [$0.line, $0.field] } == [[2, 1], [4, 0], [5, 0]])
        #expect(text.errors.first?.message.contains("UTF-8") == true)
        #expect(text.records.map(\.fields) == [["a", "b"], ["ok", "1"]])
    }

    @Test func blankLinesAreSkipped() {
        #expect(parse("a\n\n1\n\n").records.map(\.fields) == [["a"], ["1"]])
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
