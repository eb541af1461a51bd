/// The generator's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014).
///
/// Integer-only, so the same seed gives the same stream on every platform; the
/// standard library's `RandomNumberGenerator` is not used because its helpers
/// (`Int.random(in:using:)`) are not specified to stay stable across versions.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one purpose (a record, a copy, the plan) so that
    /// changing how much one part draws never shifts another part's stream.
    public init(seed: UInt64, stream: UInt64, salt: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ 0x5851_F42D_4C95_7F2D)
        let a = mixer.next()
        var second = SplitMix64(seed: a &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD6E8_FEB8_6659_FD93)
        state = second.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (Lemire's multiply-shift with rejection, no modulo bias).
    /// Returns 0 for a bound of 0 or less, so callers need no precondition.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// Uniform in the closed range.
    public mutating func between(_ lower: Int, _ upper: Int) -> Int {
        upper <= lower ? lower : lower + below(upper - lower + 1)
    }

    /// True with the given probability in percent.
    public mutating func percent(_ chance: Int) -> Bool {
        below(100) < chance
    }

    /// One element; the array must not be empty (all vocabulary arrays are static and full).
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// Index chosen with integer weights (all weights >= 0, sum > 0).
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var roll = below(total)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// `count` distinct indices from `0..<population`, in drawing order.
    public mutating func distinctIndices(_ count: Int, of population: Int) -> [Int] {
        var pool = Array(0..<population)
        let wanted = min(count, population)
        for position in 0..<wanted {
            pool.swapAt(position, position + below(population - position))
        }
        return Array(pool[0..<wanted])
    }
}
