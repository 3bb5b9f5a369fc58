import Foundation

/// `TaggedBinary.encode`: the values gathered in a small tree, written once complete.
extension TaggedBinary {
    final class Node {
        enum Kind {
            case null, flag(Bool), integer(Int), double(Double), text(String), list([Node]), record([(String, Node)])
        }

        var kind: Kind

        init(_ kind: Kind) { self.kind = kind }

        func write(to writer: inout BinaryWriter) {
            switch kind {
            case .null: writer.byte(Tag.null.rawValue)
            case .flag(let flag): writer.byte(flag ? Tag.yes.rawValue : Tag.no.rawValue)
            case .integer(let number):
                writer.byte(Tag.integer.rawValue)
                writer.int(number)
            case .double(let number):
                writer.byte(Tag.double.rawValue)
                writer.double(number)
            case .text(let text):
                writer.byte(Tag.text.rawValue)
                writer.string(text)
            case .list(let items):
                var body = BinaryWriter()
                body.unsigned(UInt64(items.count))
                for item in items { item.write(to: &body) }
                writer.byte(Tag.list.rawValue)
                writer.raw(body.bytes)
            case .record(let pairs):
                var body = BinaryWriter()
                body.unsigned(UInt64(pairs.count))
                for (key, value) in pairs {
                    body.string(key)
                    value.write(to: &body)
                }
                writer.byte(Tag.record.rawValue)
                writer.raw(body.bytes)
            }
        }

        func append(_ node: Node) {
            guard case .list(var items) = kind else { return }
            kind = .null
            items.append(node)
            kind = .list(items)
        }

        func set(_ key: String, _ node: Node) {
            guard case .record(var pairs) = kind else { return }
            kind = .null
            if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = node } else { pairs.append((key, node)) }
            kind = .record(pairs)
        }
    }

    /// Where an encoder's one value goes.
    final class Slot {
        var node: Node?

        func container(_ empty: Node.Kind) -> Node {
            if let node { return node }
            let node = Node(empty)
            self.node = node
            return node
        }
    }

    struct Encoder: Swift.Encoder {
        let root = Slot()
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(RecordEncoder<Key>(node: root.container(.record([]))))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            ListEncoder(node: root.container(.list([])))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            ValueEncoder(slot: root)
        }
    }

    struct RecordEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, Node(.null)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.set(key.stringValue, try TaggedBinary.node(value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = Node(.record([]))
            node.set(key.stringValue, child)
            return KeyedEncodingContainer(RecordEncoder<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node(.list([]))
            node.set(key.stringValue, child)
            return ListEncoder(node: child)
        }

        mutating func superEncoder() -> any Swift.Encoder { ChildEncoder(place: { [node] in node.set("super", $0) }) }

        mutating func superEncoder(forKey key: Key) -> any Swift.Encoder { ChildEncoder(place: { [node] in node.set(key.stringValue, $0) }) }
    }

    struct ListEncoder: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }
        var count: Int {
            guard case .list(let items) = node.kind else { return 0 }
            return items.count
        }

        mutating func encodeNil() throws { node.append(Node(.null)) }

        mutating func encode<T: Encodable>(_ value: T) throws { node.append(try TaggedBinary.node(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Node(.record([]))
            node.append(child)
            return KeyedEncodingContainer(RecordEncoder<NestedKey>(node: child))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node(.list([]))
            node.append(child)
            return ListEncoder(node: child)
        }

        mutating func superEncoder() -> any Swift.Encoder { ChildEncoder(place: { [node] in node.append($0) }) }
    }

    struct ValueEncoder: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.node = Node(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { slot.node = try TaggedBinary.node(value) }
    }

    /// An encoder for a super class's values: its node is placed as soon as it is made.
    struct ChildEncoder: Swift.Encoder {
        let place: (Node) -> Void
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        private func placed(_ kind: Node.Kind) -> Node {
            let node = Node(kind)
            place(node)
            return node
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(RecordEncoder<Key>(node: placed(.record([]))))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { ListEncoder(node: placed(.list([]))) }

        func singleValueContainer() -> any SingleValueEncodingContainer { PlacedValueEncoder(node: placed(.null)) }
    }

    struct PlacedValueEncoder: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { node.kind = .null }

        mutating func encode<T: Encodable>(_ value: T) throws { node.kind = try TaggedBinary.node(value).kind }
    }
}
