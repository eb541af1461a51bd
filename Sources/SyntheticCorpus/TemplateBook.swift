/// Every template of `Vocabulary`, parsed once.
///
/// `static let` constants are initialised lazily and thread-safely by the runtime
/// and never change: shared, but not mutable state.
enum TemplateBook {
    static let introContext = Template.parseAll(Vocabulary.introContext)
    static let introDocument = Template.parseAll(Vocabulary.introDocument)
    static let introConcern = Template.parseAll(Vocabulary.introConcern)
    static let introMotivation = Template.parseAll(Vocabulary.introMotivation)
    static let ownCitationFrames = Template.parseAll(Vocabulary.ownCitationFrames)
    static let otherCitationFrames = Template.parseAll(Vocabulary.otherCitationFrames)
    static let meetingReferences = Template.parseAll(Vocabulary.meetingReferences)
    static let followUps = Template.parseAll(Vocabulary.followUps)
    static let yesNoFollowUps = Template.parseAll(Vocabulary.yesNoFollowUps)
    static let subItemStems = Template.parseAll(Vocabulary.subItemStems)
    static let subItemForms = Template.parseAll(Vocabulary.subItemForms)
    static let closings = Template.parseAll(Vocabulary.closings)
    static let answerPreambles = Template.parseAll(Vocabulary.answerPreambles)
    static let referralAnswers = Template.parseAll(Vocabulary.referralAnswers)
    static let annexTitles = Template.parseAll(Vocabulary.annexTitles)

    static func questions(_ kind: QuestionKind) -> [Template] {
        switch kind {
        case .figures: return figureQuestions
        case .policy: return policyQuestions
        case .timing: return timingQuestions
        case .evaluation: return evaluationQuestions
        case .budget: return budgetQuestions
        case .cooperation: return cooperationQuestions
        }
    }

    static func answers(_ kind: QuestionKind) -> [Template] {
        switch kind {
        case .figures: return figureAnswers
        case .policy: return policyAnswers
        case .timing: return timingAnswers
        case .evaluation: return evaluationAnswers
        case .budget: return budgetAnswers
        case .cooperation: return cooperationAnswers
        }
    }

    private static let figureQuestions = Template.parseAll(Vocabulary.figureQuestions)
    private static let policyQuestions = Template.parseAll(Vocabulary.policyQuestions)
    private static let timingQuestions = Template.parseAll(Vocabulary.timingQuestions)
    private static let evaluationQuestions = Template.parseAll(Vocabulary.evaluationQuestions)
    private static let budgetQuestions = Template.parseAll(Vocabulary.budgetQuestions)
    private static let cooperationQuestions = Template.parseAll(Vocabulary.cooperationQuestions)
    private static let figureAnswers = Template.parseAll(Vocabulary.figureAnswers)
    private static let policyAnswers = Template.parseAll(Vocabulary.policyAnswers)
    private static let timingAnswers = Template.parseAll(Vocabulary.timingAnswers)
    private static let evaluationAnswers = Template.parseAll(Vocabulary.evaluationAnswers)
    private static let budgetAnswers = Template.parseAll(Vocabulary.budgetAnswers)
    private static let cooperationAnswers = Template.parseAll(Vocabulary.cooperationAnswers)
}
