import Foundation
import GuideContent

/// A form as the editor's script sends it (JSON: objects for mappings, arrays for lists,
/// strings, and booleans for flags), read against the schema: keys it does not know are
/// dropped, texts trimmed, a false flag left out as `certguide new` leaves it out.
public enum FormValues {
    public static func read(_ json: Any?, schema: KeySchema) -> FieldValue? {
        var schema = schema
        if case .scalarOr(let kind, let other) = schema { schema = json is String || json is NSNumber ? .value(kind) : other }
        switch (json, schema) {
        case (let object as [String: Any], .mapping(let keys, _, _)):
            let fields = keys.compactMap { key, child in read(object[key], schema: child).map { FieldValue.Field(key, $0) } }
            return .mapping(fields)
        case (let array as [Any], .list(let item)):
            return .list(array.compactMap { read($0, schema: item) })
        case (let flag as Bool, .value(.flag)):
            return flag ? .text("true") : nil
        case (let text as String, .value):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : .text(trimmed)
        case (let number as NSNumber, .value):
            return .text(number.stringValue)
        default:
            return nil
        }
    }

    /// Boxes ticked in a list of words (`settings`) come in the vocabulary's order; the words
    /// the file already had keep its order, so an unchanged choice is no change.
    public static func keepingOrder(_ new: FieldValue, of old: FieldValue?, schema: KeySchema) -> FieldValue {
        switch (new, schema.resolved(for: new)) {
        case (.mapping(let fields), .mapping(let keys, _, _)):
            return .mapping(fields.map { field in
                guard let child = keys.first(where: { $0.0 == field.key })?.1 else { return field }
                return FieldValue.Field(field.key, keepingOrder(field.value, of: old?[field.key], schema: child))
            })
        case (.list(let items), .list(.value(.word))):
            let before = old?.items ?? []
            let kept = before.filter { word in items.contains { $0.text?.lowercased() == word.text?.lowercased() } }
            let added = items.filter { word in !before.contains { $0.text?.lowercased() == word.text?.lowercased() } }
            return .list(kept + added)
        default:
            return new
        }
    }
}
