/// When the index is split, and into what sizes. Sizes are bytes of uncompressed JSON; the
/// postings are already compact, so gzip makes them only about half of that.
public struct SearchIndexOptions: Sendable {
    /// Up to this size the whole index is one file; past it, shards by word prefix.
    public var shardThreshold: Int
    /// A shard grows to about this size before the next one starts.
    public var shardTarget: Int
    /// Once the index is split, the documents' text is too, this many pages (with their
    /// sections) a file, so that showing a few results fetches a few small files.
    public var textPagesPerFile: Int

    public init(shardThreshold: Int = 96_000, shardTarget: Int = 24_000, textPagesPerFile: Int = 1) {
        self.shardThreshold = shardThreshold
        self.shardTarget = shardTarget
        self.textPagesPerFile = textPagesPerFile
    }
}
