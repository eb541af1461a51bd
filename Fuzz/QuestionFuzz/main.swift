// libFuzzer harness: the question parser (`Question.parse`), which must never fail,
// trap or loop, on any bytes (valid UTF-8 or not).
//
// Checked besides "no crash": every range it reports lies inside the text, and the
// parse is a pure function of the bytes (parsing twice gives equal models, and the
// String entry point agrees with the byte entry point on valid UTF-8).
import Foundation
import QuestionModel
import SourceText

private func check(_ range: TextRange?, _ count: Int, _ what: String) {
    guard let range else { return }
    if range.start < 0 || range.end > count || range.start > range.end {
        FileHandle.standardError.write(Data("\(what) range \(range) outside 0..<\(count)\n".utf8))
        abort()
    }
}

private func checkRanges(_ question: Question, _ count: Int) {
    check(question.title?.range, count, "title")
    check(question.introduction?.range, count, "introduction")
    check(question.closing?.range, count, "closing")
    check(question.questionRange, count, "question part")
    check(question.signature?.range, count, "signature")
    check(question.metadata.range, count, "header")
    for line in question.metadata.lines {
        check(line.lineRange, count, "header line")
        check(line.valueRange, count, "header value")
    }
    for item in question.numberedQuestions {
        check(item.range, count, "numbered question")
        check(item.markerRange, count, "question marker")
        check(item.textRange, count, "question text")
        for sub in item.subItems {
            check(sub.range, count, "sub-item")
            check(sub.textRange, count, "sub-item text")
        }
    }
    if let answer = question.answer {
        check(answer.range, count, "answer")
        check(answer.body?.range, count, "answer body")
        for part in answer.parts { check(part.range, count, "answer part") }
    }
    check(question.annex?.range, count, "annex")
    for citation in question.citations { check(citation.range, count, "citation") }
    for date in question.dates { check(date.range, count, "date") }
    for issue in question.issues { check(issue.range, count, "issue") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let question = Question.parse(utf8: bytes)
    checkRanges(question, bytes.count)
    if Question.parse(utf8: bytes) != question {
        FileHandle.standardError.write(Data("two parses of the same bytes differ\n".utf8))
        abort()
    }
    // Each layout forced, whatever the text looks like.
    for kind in [DocumentKind.draft, .headerExport, .plainExport] {
        checkRanges(Question.parse(utf8: bytes, as: kind), bytes.count)
    }
    if let text = String(validating: bytes, as: UTF8.self), Question.parse(text) != question {
        FileHandle.standardError.write(Data("String and byte entry points differ\n".utf8))
        abort()
    }
    return 0
}
