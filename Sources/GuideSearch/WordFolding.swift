/// Light English folding: conflates the inflections readers mix up ("certified",
/// "certification", "certifications" -> `certify`; "renew", "renewal", "renewed" -> `renew`)
/// without a full stemmer. Only words of four or more letters a–z are touched; the rules run
/// in this order, each group at most once, and `search.js` applies the same ones.
///
/// 1. Plural: `-ies` -> `-y`; `-sses` -> `-ss`; `-ches`, `-shes`, `-xes`, `-zes` drop `-es`;
///    otherwise a final `-s` goes unless the word ends in `ss`, `us` or `is`.
/// 2. Derivation (first that applies): `-ication` -> `-y` (9+ letters); `-ied` -> `-y` (5+);
///    `-ed` (5+) and `-ing` (6+) are dropped and a doubled final bb, dd, gg, mm, nn, pp, rr, tt
///    is undoubled; `-al` is dropped from words of 7+ letters.
/// 3. A final `-e` is dropped from what is left when it has 4+ letters, then `-ogu` becomes
///    `-og` (British "catalogue", "catalogued" meet "catalog").
public enum WordFolding {
    public static func fold(_ word: String) -> String {
        var letters = Array(word.utf8)
        fold(&letters)
        return String(decoding: letters, as: UTF8.self)
    }

    /// The same on UTF-8 bytes, in place; other words are left as they are.
    static func fold(_ w: inout [UInt8]) {
        guard w.count >= 4, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        func ends(_ suffix: String) -> Bool { w.count >= suffix.utf8.count && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        func replace(_ count: Int, with tail: String = "") { w.removeLast(count); w += tail.utf8 }

        if w.count > 4, ends("ies") { replace(3, with: "y") }
        else if ends("sses") { replace(2) }
        else if ends("ches") || ends("shes") || ends("xes") || ends("zes") { replace(2) }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is") { replace(1) }

        if w.count >= 9, ends("ication") { replace(7, with: "y") }
        else if w.count >= 5, ends("ied") { replace(3, with: "y") }
        else if w.count >= 5, ends("ed") { replace(2); undouble(&w) }
        else if w.count >= 6, ends("ing") { replace(3); undouble(&w) }
        else if w.count >= 7, ends("al") { replace(2) }

        if w.count >= 4, ends("e") { replace(1) }
        if ends("ogu") { replace(1) }
    }

    private static let doubled = Set("bdgmnprt".utf8)

    private static func undouble(_ w: inout [UInt8]) {
        if w.count >= 2, w[w.count - 1] == w[w.count - 2], doubled.contains(w[w.count - 1]) { w.removeLast() }
    }
}
