/// One check of the catalogue. A rule is a pure function of the context: it reads the
/// parsed question, the text's bytes and the corpus, and returns findings at its
/// code's default severity (the `Checker` applies the configured one).
protocol Rule: Sendable {
    var code: RuleCode { get }
    func findings(in context: CheckContext) -> [Finding]
}
