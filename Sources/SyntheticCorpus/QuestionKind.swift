/// What a numbered question asks; the answer part draws from the matching pool.
enum QuestionKind: CaseIterable, Sendable {
    case figures, policy, timing, evaluation, budget, cooperation

    /// Relative frequency, in the order of `allCases`.
    static let weights = [30, 25, 10, 15, 10, 10]

    /// Position in `allCases`, without a search.
    var ordinal: Int {
        switch self {
        case .figures: return 0
        case .policy: return 1
        case .timing: return 2
        case .evaluation: return 3
        case .budget: return 4
        case .cooperation: return 5
        }
    }
}
