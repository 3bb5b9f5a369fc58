import Foundation
@testable import GuideContent
@testable import GuideSite
import Testing

/// "Similar certifications" on each page: others sharing the most topics, then of the same
/// level, then in guide order; filled with the same level when too few share a topic.
@Suite struct SimilarCertificationsTests {
    /// The rule as written, pair by pair: what the grouped computation must match.
    static func reference(_ pages: [Site.CertificationPage], limit: Int = 4) -> [[Int]] {
        pages.indices.map { index in
            let mine = Set(pages[index].topicSlugs), level = pages[index].entry.frontMatter.level
            var scored: [(other: Int, score: Int)] = []
            for other in pages.indices where other != index {
                let shared = mine.intersection(pages[other].topicSlugs).count
                if shared > 0 { scored.append((other, shared * 2 + (pages[other].entry.frontMatter.level == level ? 1 : 0))) }
            }
            scored.sort { ($1.score, $0.other) < ($0.score, $1.other) }
            var result = scored.prefix(limit).map(\.other)
            for other in pages.indices where result.count < limit && other != index && pages[other].entry.frontMatter.level == level
                && mine.isDisjoint(with: pages[other].topicSlugs) {
                result.append(other)
            }
            return result
        }
    }

    @Test func matchesTheRuleOnAGuideWithCrowdedTopics() throws {
        var generator = SeededGenerator(seed: 7)
        let topics = ["cataloging", "archives", "metadata", "outreach", "technology"]
        let levels = ["support", "technician", "professional", "specialist"]
        var files: [String: String] = [:]
        for number in 0..<90 {
            let chosen = topics.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 }
            files["Content/certifications/c\(number).md"] = """
                ---
                title: Credential \(number)
                issuer: Issuer
                summary: A credential for the test.
                level: \(levels.randomElement(using: &generator)!)
                topics: [\(chosen.joined(separator: ", "))]
                verified: 2026-10-01
                ---
                Body.

                """
        }
        let site = try TestSite(fixture: nil, files: files.merging(["Content/site.yml": "title: T\nbase_url: https://example.org/\ndescription: D\n"]) { $1 })
        let built = try SiteBuilder().build(try ContentLoader(contentDirectory: site.content).load())
        let expected = Self.reference(built.certifications)
        for (index, page) in built.certifications.enumerated() {
            #expect(page.similar == expected[index], "\(page.entry.slug) (\(page.topicSlugs), \(page.entry.frontMatter.level))")
        }
    }
}

/// The same "random" guide on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
