import GuideSupport
import Foundation
import Testing

@Suite struct JSONWriterTests {
    @Test func roundTripsThroughAJSONParser() throws {
        let value: [String: Any] = ["b": [1, 2.5, true, "x"], "a": ["nested": "Ünïcode ✓", "empty": [Any](), "none": [String: Any]()],
                                    "quote": "\"\\\n\t\u{1}"]
        for pretty in [false, true] {
            let text = JSONWriter.encode(value, pretty: pretty)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(parsed["quote"] as? String == "\"\\\n\t\u{1}")
            #expect((parsed["a"] as? [String: Any])?["nested"] as? String == "Ünïcode ✓")
            #expect((parsed["b"] as? [Any])?.count == 4)
        }
    }

    @Test func keysAreSortedAndOutputIsStable() {
        #expect(JSONWriter.encode(["z": 1, "a": 2, "m": 3]) == #"{"a":2,"m":3,"z":1}"#)
    }

    @Test func cannotCloseAScriptElement() {
        let text = JSONWriter.encode(["title": "</script><!-- & -->"])
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text == #"{"title":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"}"#)
    }

    @Test func scriptSafeJSONEscapesLineSeparatorsAndOnlyThose() throws {
        let text = JSONWriter.encode(["t": "a\u{2028}b\u{2029}c\u{2027}d€"])
        #expect(text == #"{"t":"a\u2028b\u2029c"# + "\u{2027}d€\"}")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed["t"] == "a\u{2028}b\u{2029}c\u{2027}d€")
    }

    @Test func searchJSONKeepsMarkupCharactersAsTheyAre() {
        var writer = JSONWriter()
        writer.string("<b> & \u{2028}")
        #expect(writer.text == "\"<b> & \u{2028}\"")
    }

    @Test func numbersAreWholeWhenTheyCanBe() {
        #expect(JSONWriter.encode([2.0, 2.5, 1e16, -3]) == "[2,2.5,1e+16,-3]")
        var writer = JSONWriter()
        writer.array([2.0, 2.34567, 7.0004]) { $0.number(thousandths: $1) }
        #expect(writer.text == "[2,2.346,7.0]")
    }
}
