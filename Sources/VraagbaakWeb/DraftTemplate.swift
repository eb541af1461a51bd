/// The text of a new draft: the layout of docs/rules.md, with what to fill in
/// spelled out, so the checks guide the writer from the first keystroke.
enum DraftTemplate {
    static let text = """
        aan: 
        thema: 

        Onderwerp - Specificatie

        Schets hier kort de context van uw vraag: waarom stelt u ze, en welke eerdere vragen, \
        nota's of cijfers zijn van belang?

        1. Kan de minister ...?

        2. Hoeveel ...?

        """
}
