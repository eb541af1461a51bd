/// The rules of an assembly: the limits a question must respect there. Rule limits in
/// `CheckConfiguration` override these per workspace.
public struct Profile: Sendable, Hashable {
    /// The stable name used in configuration: `vlaams-parlement`.
    public let id: String
    /// For messages: `het Vlaams Parlement`.
    public let displayName: String
    /// Words in the question part (introduction, questions, closing); nil: no limit.
    public let wordLimit: Int?
    /// Characters in the title; nil: no limit.
    public let titleLengthLimit: Int?
    /// Numbered questions; nil: no limit.
    public let maximumQuestions: Int?
    /// The addressee (`aan:`) must be named.
    public let requiresAddressee: Bool
    /// Percent relevance from which an answered question counts as asked again in
    /// other words (an information): the draft's search score against the record
    /// over the geometric mean of both sides' scores against themselves. The rule's
    /// configurable `limit`.
    public let repetitionThreshold: Int
    /// Percent of shared word shingles from which a draft counts as a near-verbatim
    /// copy of an answered question (a warning).
    public let repetitionCopyThreshold: Int

    public init(id: String, displayName: String, wordLimit: Int?, titleLengthLimit: Int?,
                maximumQuestions: Int?, requiresAddressee: Bool, repetitionThreshold: Int,
                repetitionCopyThreshold: Int = 80) {
        self.id = id
        self.displayName = displayName
        self.wordLimit = wordLimit
        self.titleLengthLimit = titleLengthLimit
        self.maximumQuestions = maximumQuestions
        self.requiresAddressee = requiresAddressee
        self.repetitionThreshold = repetitionThreshold
        self.repetitionCopyThreshold = repetitionCopyThreshold
    }

    /// The default. The Reglement sets no word or title limit for written questions:
    /// these are Vraagbaak's own guide values, above every question in the seeds.
    public static let flemishParliament = Profile(
        id: "vlaams-parlement", displayName: "het Vlaams Parlement", wordLimit: 1000, titleLengthLimit: 100,
        maximumQuestions: nil, requiresAddressee: false, repetitionThreshold: 30)

    /// Rule 144 and Annex III of the European Parliament's Rules of Procedure: at most
    /// 200 words, at most three sub-questions, the addressee named.
    public static let europeanParliament = Profile(
        id: "europees-parlement", displayName: "het Europees Parlement", wordLimit: 200, titleLengthLimit: 100,
        maximumQuestions: 3, requiresAddressee: true, repetitionThreshold: 30)

    public static let all: [Profile] = [.flemishParliament, .europeanParliament]

    /// The profile with this id (or an English or camel-case alias), any case.
    public static func named(_ name: String) -> Profile? {
        switch name.lowercased() {
        case "vlaams-parlement", "vlaamsparlement", "flemish-parliament", "flemishparliament", "vp":
            return .flemishParliament
        case "europees-parlement", "europeesparlement", "european-parliament", "europeanparliament", "ep":
            return .europeanParliament
        default:
            return nil
        }
    }

    /// The profile's limit for a rule that takes one.
    public func limit(for code: RuleCode) -> Int? {
        switch code {
        case .titleTooLong: return titleLengthLimit
        case .wordLimit: return wordLimit
        case .tooManyQuestions: return maximumQuestions
        case .repetition: return repetitionThreshold
        default: return nil
        }
    }
}
