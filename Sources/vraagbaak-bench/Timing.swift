import Foundation

/// Time measurement and summaries shared by the benchmarks.
struct Samples {
    private(set) var microseconds: [Double] = []

    mutating func append(_ duration: Duration) { microseconds.append(duration.microseconds) }

    /// The value below which `fraction` of the samples fall (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !microseconds.isEmpty else { return 0 }
        let sorted = microseconds.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    var median: Double { percentile(0.5) }
    var mean: Double { microseconds.isEmpty ? 0 : microseconds.reduce(0, +) / Double(microseconds.count) }
    var maximum: Double { microseconds.max() ?? 0 }
}

extension Duration {
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }

    var seconds: Double { microseconds / 1e6 }
}

/// User and system CPU time of every thread of this process so far: on a busy
/// machine what a piece of work costs, which the wall clock does not show.
func processCPUTime() -> Duration {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
    return duration(usage.ru_utime) + duration(usage.ru_stime)
}

/// Keeps a computed value alive so the optimizer cannot drop the work.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

func formatted(_ value: Double, decimals: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return "\(rounded)"
}
