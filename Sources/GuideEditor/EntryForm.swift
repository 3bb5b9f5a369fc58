import GuideBuild
import GuideContent
import GuideRender

/// The fields of an entry's form, written from the content model's schema: every key of
/// `KeySchema` becomes a field of its kind, so a key added to the schema appears in the form
/// (with the help `certguide new` gives it) without any change here.
struct EntryForm {
    var schema: KeySchema
    var help: FieldHelp
    /// Words offered for a list of texts, by key (`topics`: the guide's topics).
    var suggestions: [String: [String]]

    func fields(_ values: FieldValue) -> String {
        guard case .mapping(let keys, let required, _) = schema else { return "" }
        return keys.map { key, child in
            field(key, path: key, child, values[key], required: required.contains(key), help: help[key], unit: nil)
        }.joined()
    }

    /// One key: a group for a mapping or a list, a single control otherwise.
    func field(_ key: String, path: String, _ schema: KeySchema, _ value: FieldValue?, required: Bool, help: String?, unit: String?) -> String {
        let id = Self.id(path)
        let (label, keyUnit) = Self.label(key)
        let unit = unit ?? keyUnit
        let helpHTML = help.map { "<p class=\"help\" id=\"h-\(id)\">\(HTML.escape($0))</p>" } ?? ""
        let error = "<p class=\"error\" id=\"e-\(id)\" hidden></p>"
        let described = (help == nil ? "" : "h-\(id) ") + "e-\(id)"
        let requiredMark = required ? " <span class=\"required\">(required)</span>" : ""
        switch schema.resolved(for: value) {
        case .mapping(let keys, let inner, _):
            // Figures of a cost are in its currency.
            let currency = key == "cost" ? (value?["currency"]?.text ?? "currency") : nil
            let children = keys.map { childKey, child in
                field(childKey, path: "\(path).\(childKey)", child, value?[childKey], required: inner.contains(childKey), help: nil,
                      unit: currency.flatMap { ["min", "max"].contains(childKey) ? $0 : nil })
            }.joined()
            return """
            <fieldset class="group" data-key="\(key)" data-type="mapping" data-scope data-path="\(path)" aria-describedby="\(described)">\
            <legend>\(HTML.escape(label))\(requiredMark)</legend>\(helpHTML)\(error)<div class="grid">\(children)</div></fieldset>
            """
        case .list(.value(.word(_, let words))):
            let chosen = Set((value?.items ?? []).compactMap { $0.text?.lowercased() })
            let boxes = words.map { word in
                "<label class=\"check\"><input type=\"checkbox\" value=\"\(word)\"\(chosen.contains(word) ? " checked" : "")> \(word)</label>"
            }.joined()
            return """
            <fieldset class="group" data-key="\(key)" data-type="words" data-path="\(path)" aria-describedby="\(described)">\
            <legend>\(HTML.escape(label))\(requiredMark)</legend>\(helpHTML)\(error)<div class="checks">\(boxes)</div></fieldset>
            """
        case .list(let item):
            let rows = (value?.items ?? []).map { row(key, path: path, item, $0) }.joined()
            let suggestionList = suggestions[key].map { words in
                "<datalist id=\"d-\(id)\">" + words.map { "<option value=\"\(HTML.escape($0))\">" }.joined() + "</datalist>"
            } ?? ""
            return """
            <fieldset class="group list" data-key="\(key)" data-type="list" data-scope data-path="\(path)" aria-describedby="\(described)">\
            <legend>\(HTML.escape(label))\(requiredMark)</legend>\(helpHTML)\(error)\(suggestionList)\
            <ol class="rows">\(rows)</ol>\
            <template>\(row(key, path: path, item, nil))</template>\
            <button type="button" class="add">Add to \(HTML.escape(label.lowercased()))</button></fieldset>
            """
        case .scalarOr(let kind, _), .value(let kind):
            let control = self.control(kind, id: id, key: key, value: value?.text, required: required, described: described,
                                       list: suggestions[key] == nil ? nil : "d-\(id)")
            let unitHTML = unit.map { "<span class=\"unit\">\(HTML.escape($0))</span>" } ?? ""
            let today = kind.isDate ? "<button type=\"button\" class=\"today\" data-for=\"\(id)\">Checked today</button>" : ""
            if case .flag = kind {
                return "<div class=\"field flag\" data-path=\"\(path)\">\(control)<label for=\"\(id)\">\(HTML.escape(label))</label>\(helpHTML)\(error)</div>"
            }
            return """
            <div class="field" data-path="\(path)"><label for="\(id)">\(HTML.escape(label))\(requiredMark)</label>\
            <div class="control">\(control)\(unitHTML)\(today)</div>\(helpHTML)\(error)</div>
            """
        }
    }

    /// A row of a repeatable list: one control, or the fields of a mapping (a source's title
    /// and address), and its Remove button. Labels are numbered by the script as rows move.
    func row(_ key: String, path: String, _ item: KeySchema, _ value: FieldValue?) -> String {
        let (label, _) = Self.label(key)
        let remove = "<button type=\"button\" class=\"remove\">Remove</button>"
        let item = item.resolved(for: value)
        if case .mapping(let keys, let inner, _) = item {
            let fields = keys.map { childKey, child in
                field(childKey, path: "\(path)[].\(childKey)", child, value?[childKey], required: inner.contains(childKey), help: nil, unit: nil)
            }.joined()
            return "<li class=\"row\" data-type=\"mapping\" data-scope><div class=\"grid\">\(fields)</div>\(remove)</li>"
        }
        let id = Self.id("\(path)[]")
        let kind: ScalarKind = if case .value(let kind) = item { kind } else { .text }
        let control = self.control(kind, id: id, key: nil, value: value?.text, required: false, described: "e-\(id)",
                                   list: suggestions[key] == nil ? nil : "d-\(Self.id(path))")
        return """
        <li class="row" data-type="item"><div class="field" data-path="\(path)[]"><label for="\(id)">\(HTML.escape(label)) <span class="n"></span></label>\
        <div class="control">\(control)\(remove)</div><p class="error" id="e-\(id)" hidden></p></div></li>
        """
    }

    private func control(_ kind: ScalarKind, id: String, key: String?, value: String?, required: Bool, described: String, list: String?) -> String {
        let keyAttribute = key.map { " data-key=\"\($0)\"" } ?? " data-item"
        let common = "id=\"\(id)\"\(keyAttribute) aria-describedby=\"\(described)\"\(required ? " aria-required=\"true\"" : "")"
        let valueAttribute = " value=\"\(HTML.escape(value ?? ""))\""
        switch kind {
        case .word(_, let words):
            let options = (words.contains(value?.lowercased() ?? "") || value == nil ? words : [value!] + words)
            return "<select \(common)>" + (value == nil ? "<option value=\"\"></option>" : "")
                + options.map { "<option\(($0 == value?.lowercased() || $0 == value) ? " selected" : "")>\(HTML.escape($0))</option>" }.joined()
                + "</select>"
        case .flag:
            return "<input type=\"checkbox\" data-type=\"flag\" \(common)\(value.flatMap(ScalarKind.truth) == true ? " checked" : "")>"
        case .date:
            return "<input type=\"date\" \(common)\(valueAttribute)>"
        case .number:
            return "<input type=\"text\" inputmode=\"decimal\" \(common)\(valueAttribute)>"
        case .integer:
            return "<input type=\"text\" inputmode=\"numeric\" \(common)\(valueAttribute)>"
        case .webAddress, .siteLink:
            return "<input type=\"url\" \(common)\(valueAttribute)>"
        case .text, .key, .sourceReference:
            return "<input type=\"text\" \(common)\(valueAttribute)\(list.map { " list=\"\($0)\"" } ?? "")>"
        }
    }

    /// `duration_months` -> ("Duration", "months"): the unit goes beside the field.
    static func label(_ key: String) -> (String, String?) {
        let units = ["_months": "months", "_minutes": "minutes", "_percent": "%", "_years": "years"]
        var name = key, unit: String?
        for (suffix, word) in units where key.hasSuffix(suffix) {
            name = String(key.dropLast(suffix.count))
            unit = word
        }
        if key == "questions" { unit = "questions" }
        let words = name.replacingOccurrences(of: "_", with: " ")
        return (words.prefix(1).uppercased() + words.dropFirst(), unit)
    }

    static func id(_ path: String) -> String {
        "f-" + String(path.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

extension ScalarKind {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}
