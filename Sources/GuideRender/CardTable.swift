import Foundation
import GuideSite

/// The certification cards of a site, each made the first time a page shows it and then shared
/// by every page that does (a card's partial is rendered once, `Record.shared`). A rebuild
/// after one edit renders a few pages: making all 10,000 cards up front was a tenth of it.
final class CardTable: @unchecked Sendable {
    // @unchecked: `cards` is read and written under `lock`; `records` is immutable.
    private let lock = NSLock()
    private let records: EntryRecords
    private var cards: [Record?]

    init(site: Site) {
        records = EntryRecords(site: site)
        cards = Array(repeating: nil, count: site.certifications.count)
    }

    /// A table for `site` that keeps the cards of `old` but those of `changed`, after an edit
    /// of their facts that left every certification where it was.
    init(site: Site, keeping old: CardTable, except changed: [Int]) {
        records = EntryRecords(site: site)
        cards = old.lock.withLock { old.cards }
        for index in changed where cards.indices.contains(index) { cards[index] = nil }
    }

    var count: Int { lock.withLock { cards.count } }

    subscript(index: Int) -> Record {
        if let card = lock.withLock({ cards[index] }) { return card }
        // Made outside the lock, so pages rendered on other cores make theirs meanwhile; the
        // first card stored is the one every page gets.
        let card = records.makeCard(index)
        return lock.withLock {
            if cards[index] == nil { cards[index] = card }
            return cards[index]!
        }
    }

    /// Every card, in guide order, those not made yet made on every core.
    var all: [Record] {
        let missing = lock.withLock { cards.indices.filter { cards[$0] == nil } }
        let made = missing.parallelMap(records.makeCard)
        return lock.withLock {
            for (index, card) in zip(missing, made) where cards[index] == nil { cards[index] = card }
            return cards.map { $0! }
        }
    }
}
