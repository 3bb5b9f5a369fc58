/// Short content hashes for file names (`index.3f9a0c1d2b4e.json`): a changed file gets a new
/// name, so hosts can cache every search file forever. FNV-1a, 64 bits: for cache busting,
/// not for security.
enum ContentHash {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(12))
    }
}
