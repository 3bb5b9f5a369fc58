@testable import CertGuide
import Foundation
import Testing

@Suite struct JSONTextTests {
    @Test func roundTripsThroughAJSONParser() throws {
        let value: [String: Any] = ["b": [1, 2.5, true, "x"], "a": ["nested": "Ünïcode ✓", "empty": [Any](), "none": [String: Any]()],
                                    "quote": "\"\\\n\t\u{1}"]
        for pretty in [false, true] {
            let text = JSONText.encode(value, pretty: pretty)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(parsed["quote"] as? String == "\"\\\n\t\u{1}")
            #expect((parsed["a"] as? [String: Any])?["nested"] as? String == "Ünïcode ✓")
            #expect((parsed["b"] as? [Any])?.count == 4)
        }
    }

    @Test func keysAreSortedAndOutputIsStable() {
        #expect(JSONText.encode(["z": 1, "a": 2, "m": 3]) == #"{"a":2,"m":3,"z":1}"#)
    }

    @Test func cannotCloseAScriptElement() {
        let text = JSONText.encode(["title": "</script><!-- & -->"])
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text == #"{"title":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"}"#)
    }
}
