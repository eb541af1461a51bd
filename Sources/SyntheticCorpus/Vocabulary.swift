// Word lists and sentence templates, extracted by hand from the seeds and widened
// in the same register. `{slot}` is filled by `TemplateFiller`; `{Slot}` (capital)
// capitalises the first letter of the value, for slots that open a sentence.
//
// Slots: topic actor group project measure indicator breakdown document commission
// year prevyear nextyear amount percent count smallcount region pron poss
// meetingdate shortdate season months countword tab citation colleague.

enum Vocabulary {
    static let genericSpecifications = [
        "Stand van zaken", "Evaluatie", "Cijfers", "Timing", "Budget", "Opvolging", "Bereik", "Impact",
        "Werking", "Knelpunten", "Toekomst", "Samenwerking met lokale besturen", "Communicatie",
        "Middelen", "Verdeling van de middelen", "Monitoring", "Regionale spreiding", "Doelgroepenbereik",
    ]

    static let regions = [
        "Vlaanderen", "Antwerpen", "Gent", "Brussel", "Limburg", "West-Vlaanderen", "Oost-Vlaanderen",
        "Vlaams-Brabant", "Leuven", "Brugge", "Mechelen", "Kortrijk", "Hasselt", "Aalst", "Genk", "de Vlaamse Rand",
    ]

    static let genericBreakdowns = [
        "per provincie", "per gemeente", "per geslacht", "per leeftijdscategorie", "per jaar sinds het begin van deze legislatuur",
        "per maand", "per centrumstad", "per nationaliteit", "per opleidingsniveau", "per type aanvraag",
    ]

    static let countWords = ["twee", "drie", "vier", "vijf", "zes", "tien", "een twaalftal", "een twintigtal"]

    static let seasons = ["het voorjaar", "het najaar", "de zomer", "het eerste kwartaal", "het tweede kwartaal", "de loop"]

    // MARK: introduction

    static let introContext = [
        "{Topic} is een belangrijke hefboom om {group} zo snel mogelijk de weg te laten vinden in de Vlaamse samenleving.",
        "Het moet de betrachting zijn dat zoveel mogelijk {group} bereikt worden via {topic}.",
        "Een groot deel van de {group} wordt vandaag echter niet of te laat bereikt.",
        "Daarom is het waardevol om {group} zoveel als mogelijk aan te moedigen om gebruik te maken van het bestaande aanbod.",
        "Met {topic} wil de Vlaamse Regering {group} ondersteunen en hun zelfredzaamheid versterken.",
        "{Actor} speelt daarin een cruciale rol, samen met de lokale besturen en het middenveld.",
        "Naar aanleiding van de hervorming van {topic} is het meer dan ooit essentieel om gericht in te zetten op {measure}.",
        "Lokale besturen zijn in dit kader een belangrijke structurele partner: ze hebben vaak kennis van de situatie op hun grondgebied.",
        "Het Vlaamse beleid legt de nadruk op economische en maatschappelijke zelfredzaamheid en op een snelle en warme doorverwijzing.",
        "Sinds {meetingdate} is de nieuwe regelgeving in werking getreden, wat een intensieve inzet en opvolging vraagt.",
        "In {region} stellen we vast dat {group} steeds vaker de weg vinden naar {actor}.",
        "Tegelijk blijkt uit signalen van het terrein dat {group} op heel wat drempels botsen.",
        "Het is een onlosmakelijk gegeven dat {group} terecht kunnen komen in de bestaande netwerken in {region}.",
        "Bijgevolg kan het aangewezen zijn om, in samenwerking met ervaringsdeskundigen, specifieke acties op te zetten naar een bepaalde doelgroep.",
        "Evengoed kan een samenwerking gebeuren met mensen die actief zijn in het maatschappelijk middenveld.",
        "{Project} liep in {prevyear} af en zou in {year} verder uitgerold worden naar heel Vlaanderen.",
        "De voorbije jaren werd fors geïnvesteerd in {topic}, maar de resultaten blijven volgens sommige actoren achter.",
        "In de pers verschenen recent berichten over {topic} in {region}.",
        "Verschillende organisaties wijzen op het belang van {measure} voor {group}.",
        "Het is belangrijk dat de middelen die hiervoor worden vrijgemaakt ook effectief en doelmatig worden ingezet.",
        "Goed beleid begint bij correcte en volledige cijfers, zeker wanneer het over {topic} gaat.",
        "De vraag stelt zich of het huidige aanbod nog voldoende aansluit bij de noden van {group}.",
        "Ook de Vlaamse ombudsman wees in zijn jaarverslag op een aantal knelpunten bij {topic}.",
        "Op het terrein leeft de vrees dat {group} uit de boot vallen wanneer {measure} uitblijft.",
        "In {region} werd in {prevyear} een proefproject opgestart met {measure}.",
    ]

    static let introDocument = [
        "In {document} van {year} geeft de minister het volgende aan: “{Actor} ontwikkelt in {year} {measure}. Daarnaast zet {actor} verder in op {topic}.”",
        "In {document} schrijft de minister dat ongeveer {percent} van de {group} vandaag niet bereikt wordt.",
        "De minister geeft in {document} aan verder te willen investeren in {topic} en in {measure}.",
        "{Document} vermeldt dat in {year} wordt ingezet op monitoring en optimalisering van {topic}.",
        "Volgens {document} zou {actor} in {year} samen met de lokale besturen bekijken op welke manier {measure} kan worden uitgerold.",
        "In {document} lezen we dat er een kredietevolutie is op het betrokken begrotingsartikel, onder andere door {measure}.",
        "De minister wijst in {document} naar het belang van {topic} voor {group}.",
        "In {document} wordt aangekondigd dat {project} in de komende maanden verder vorm zal krijgen.",
    ]

    static let introConcern = [
        "Uit cijfers van {actor} blijkt dat {indicator} in {prevyear} met {percent} is gedaald.",
        "Uit recente cijfers blijkt dat {indicator} de voorbije jaren sterk is gestegen.",
        "{Actor} meldt dat {indicator} in {region} hoger ligt dan in de rest van Vlaanderen.",
        "Het aantal {group} dat een beroep doet op {actor} blijft bovendien stijgen, terwijl de capaciteit gelijk blijft.",
        "Op dit ogenblik is het niet duidelijk hoeveel {group} effectief werden bereikt.",
        "Heel wat {group} geven aan dat ze de weg naar {actor} niet vinden.",
        "Er zijn signalen dat de wachttijden bij {actor} oplopen tot {months}.",
        "Echter is het zo dat lokale besturen soms onderschatten welke hefbomen ze hebben om {group} te bereiken.",
        "Het project kostte de Vlaamse belastingbetaler ongeveer {amount}.",
        "Ook zou {actor} samen met de betrokken diensten bekijken op welke manier {measure} kan worden ingevoerd.",
    ]

    static let introMotivation = [
        "Daarom vraag ik graag de laatste stand van zaken op van {indicator}.",
        "Ik had hierover graag meer duidelijkheid gekregen.",
        "Graag had ik van de minister een stand van zaken gekregen.",
        "Daarom heb ik de volgende vragen voor de minister.",
        "Ik had de minister daarom graag de volgende vragen gesteld.",
        "Graag kreeg ik meer informatie over de concrete uitvoering.",
        "Het lijkt me dan ook aangewezen om de stand van zaken op te vragen.",
    ]

    /// `{citation}` is the rendered reference; `{colleague}` another member's name.
    static let ownCitationFrames = [
        "In {poss} antwoord op {citation} gaf de minister aan dat {actor} verder zou inzetten op {measure}.",
        "Daarom vraag ik graag, in opvolging van {citation}, de laatste stand van zaken op van {indicator}.",
        "In antwoord op {citation} stelde de minister dat de cijfers van {prevyear} nog niet gevalideerd waren.",
        "Naar aanleiding van het antwoord op {citation} had ik graag verdere toelichting gekregen.",
        "Ik verwijs naar {citation} over {topic}.",
    ]

    static let otherCitationFrames = [
        "In antwoord op {citation} van collega {colleague} gaf de minister aan dat {actor} verder zou inzetten op {measure}.",
        "Uit het antwoord op {citation} blijkt dat {indicator} in {prevyear} sterk is toegenomen.",
        "In {poss} antwoord op {citation} verwees de minister naar {project}.",
        "Het antwoord op {citation} bood onvoldoende duidelijkheid over {topic}.",
    ]

    static let meetingReferences = [
        "Tijdens de bespreking in de vergadering van de {commission} van {meetingdate} werd aangegeven dat {measure} in voorbereiding is.",
        "In de commissie op {meetingdate} gaf de minister aan dat {topic} een prioriteit blijft.",
        "In de plenaire vergadering van {meetingdate} werd uitvoerig gedebatteerd over {topic}.",
    ]

    // MARK: questions

    static let figureQuestions = [
        "Kan de minister een overzicht geven van {indicator} in het jaar {year}?",
        "Hoeveel {group} werden in {prevyear} bereikt door {actor}?",
        "Hoeveel {group} maakten in {prevyear} (en desgevallend in de vorige jaren van deze legislatuur) gebruik van {topic}?",
        "Kan de minister meedelen hoe {indicator} is geëvolueerd sinds {prevyear}?",
        "Graag een overzicht van {indicator} voor de jaren {prevyear} en {year}.",
        "Wat is {indicator} op dit moment?",
        "Hoeveel {group} staan momenteel op een wachtlijst bij {actor}?",
        "Hoe zien de cijfers eruit voor {region} in vergelijking met de rest van Vlaanderen?",
        "Hoeveel middelen werden in {prevyear} effectief besteed aan {topic}?",
    ]

    static let policyQuestions = [
        "Welke concrete maatregelen en initiatieven heeft de minister dit jaar genomen of zal {pron} nog nemen om {group} beter te bereiken?",
        "Welk specifiek beleid voert {actor} vandaag reeds om {group} aan te sporen tot het gebruik van {topic}?",
        "Op welke manier worden {group} rechtstreeks aangeschreven of op de hoogte gebracht van {topic}?",
        "Plant de minister in dit kader bijkomende initiatieven, gelet op de hervorming van {topic}?",
        "Acht de minister het noodzakelijk om bijkomende acties op te starten, zoals {measure}?",
        "Hoe wil de minister {topic} concreet verbeteren?",
        "Welke hefbomen hebben lokale besturen vandaag om {group} te bereiken?",
        "Werd al bekeken op welke manier {measure} kan worden ingevoerd?",
        "Is de minister bereid om {measure} structureel te verankeren?",
        "Welke lessen trekt de minister uit {project}?",
    ]

    static let timingQuestions = [
        "Wat is de concrete timing voor {measure}?",
        "Wanneer verwacht de minister de eerste resultaten van {project}?",
        "Wanneer staan de gesprekken met {actor} hierover gepland?",
        "Tegen wanneer zal {measure} in heel Vlaanderen beschikbaar zijn?",
        "Wat is de stand van zaken van de uitrol van {project}?",
    ]

    static let evaluationQuestions = [
        "Hoe evalueert de minister {project} tot op heden?",
        "Hoe functioneert {topic} momenteel en hoe wordt dat gepromoot?",
        "Welke trends ziet de minister nu al bij {group}?",
        "Hoe worden de resultaten van {measure} geëvalueerd?",
        "Hoe kijkt de minister meer algemeen naar de rol van {actor} bij {topic}?",
        "Zijn er knelpunten vastgesteld bij de uitvoering van {project}?",
        "Hoe verhoudt zich dat tot de doelstellingen uit {document}?",
    ]

    static let budgetQuestions = [
        "Hoeveel middelen worden in {year} uitgetrokken voor {topic}?",
        "Welke budgetten worden hiervoor vrijgemaakt en hoe worden die verdeeld?",
        "Hoeveel middelen worden jaarlijks uitgetrokken voor de werking van {project}?",
        "Worden de middelen voor {topic} geoormerkt? Waarvoor zullen zij aangewend worden?",
        "Hoe verhouden de middelen voor {year} zich tot de middelen die in {prevyear} effectief werden gespendeerd?",
    ]

    static let cooperationQuestions = [
        "Op welke manier wordt er in dit verband samengewerkt met de lokale besturen?",
        "Wordt daarover ook overleg gepleegd met de federale regering?",
        "Op welke manier werkt {actor} vandaag reeds samen met {group}?",
        "Ziet de minister in dit verband ook een rol weggelegd voor {actor}?",
        "Op welke manier communiceert de minister over deze mogelijkheden naar de lokale besturen?",
    ]

    /// Only after a yes/no question (`Plant de minister ...?`).
    static let yesNoFollowUps = [
        "Zo ja, hoe zal dat precies in zijn werk gaan?",
        "Zo niet, waarom niet?",
        "Zo ja, wat is de concrete timing daarvoor?",
        "Zo ja, welke budgetten worden daarvoor vrijgemaakt?",
        "Zo niet, wat is daarvoor de reden?",
    ]

    /// Words that open a yes/no question.
    static let yesNoOpeners: Set<String> = ["Is", "Plant", "Acht", "Werd", "Wordt", "Worden", "Ziet", "Zijn", "Heeft"]

    static let followUps = [
        "Welke budgetten worden hiervoor vrijgemaakt?",
        "Kan de minister dat toelichten?",
        "Hoe verklaart de minister dat verschil?",
        "Welke bijkomende maatregelen zal {pron} nog nemen?",
        "Hoe wil de minister dat verbeteren?",
        "Op welke termijn?",
        "Welke rol spelen de lokale besturen daarin?",
        "Hoe vaak gebeurt dat?",
        "Wat is de timing ervan?",
        "Hoe gaat de minister dat onderzoeken?",
        "Wordt daarbij rekening gehouden met de specifieke situatie in {region}?",
    ]

    static let subItemStems = [
        "Kan de minister een overzicht geven van {indicator} in {prevyear}:",
        "Kan de minister daarnaast ook een overzicht geven van {indicator}, met:",
        "Graag een overzicht van {indicator} voor de jaren {prevyear} en {year}:",
        "Kan de minister meedelen hoeveel {group} bereikt werden, met:",
        "Kan de minister de cijfers van {indicator} bezorgen, met:",
    ]

    static let subItemForms = [
        "een indeling {breakdown}",
        "graag een indeling {breakdown}",
        "een opsplitsing {breakdown}",
        "een overzicht {breakdown}",
    ]

    static let closings = [
        "Kan de minister die gegevens ook bezorgen in een Excel-bestand?",
        "Kan de minister die cijfers ook bezorgen in tabelvorm?",
        "Kan de minister deze gegevens ook opsplitsen per jaar?",
    ]

    // MARK: answer

    static let answerPreambles = [
        "De cijfers geven de situatie weer op {shortdate}. De finale validering van de cijfers van {prevyear} moet nog gebeuren. Deze cijfers zijn daarom onder voorbehoud.",
        "Vooraf wil ik benadrukken dat {topic} een gedeelde verantwoordelijkheid is van {actor} en de lokale besturen.",
        "Het antwoord op deze vraag werd opgesteld in samenwerking met {actor}.",
        "Hieronder volgt het antwoord op de verschillende onderdelen van de vraag, voor zover de gegevens beschikbaar zijn.",
    ]

    static let figureAnswers = [
        "In {prevyear} ging het om {count} {group}, in {year} tot nu toe om {count}.",
        "{Indicator} bedroeg in {prevyear} in totaal {count}, wat een stijging is van {percent} ten opzichte van het jaar voordien.",
        "In dit antwoord wordt vertrokken van alle {group} die in {prevyear} geregistreerd werden bij {actor}.",
        "De cijfers voor {region} liggen in de lijn van het Vlaamse gemiddelde.",
        "Het bereik voor {year} zal nog stijgen aangezien de registratie pas na {months} wordt afgesloten.",
        "Een opsplitsing {breakdown} is niet beschikbaar omdat die gegevens niet worden geregistreerd.",
        "De meeste {group} die niet bereikt werden, zijn kort nadien verhuisd of bleken na controle geen doelgroep.",
    ]

    static let policyAnswers = [
        "{Actor} ontwikkelde {measure}. Dit wordt door {actor} ontsloten via de gebruikelijke kanalen.",
        "Het verdere gebruik van {measure} wordt opgenomen met de bevoegde diensten.",
        "Aangezien lokale besturen in vele gevallen het eerste contactpunt zijn, zijn zij belangrijk in de verdere doorverwijzing van {group}.",
        "{Actor} ondersteunt hen in deze rol en bezorgt de lokale besturen het nodige materiaal.",
        "Daarnaast werd in {prevyear} een bijkomende toelage toegekend voor {project}.",
        "Met deze bijkomende middelen kan {actor} {topic} verder vormgeven.",
        "Dit project bouwt verder op de reeds opgebouwde expertise en legt de focus op {measure}.",
        "Er moet vanuit de gehele Vlaamse Regering ook werk gemaakt worden van {measure}.",
        "In eerste instantie zal dus een traject worden uitgewerkt dat de troeven van {topic} in de verf zet.",
        "Ook met de lokale besturen zal worden gezocht naar hefbomen om {group} zo goed mogelijk te bereiken.",
    ]

    static let timingAnswers = [
        "De eerste resultaten worden verwacht in {season} van {nextyear}.",
        "{Project} loopt nog tot eind {year}. Het is te vroeg om al conclusies te trekken.",
        "De timing hangt af van het overleg met {actor}, dat in {season} van {nextyear} wordt afgerond.",
        "De uitrol is gepland in verschillende fasen, te beginnen in {region}.",
    ]

    static let evaluationAnswers = [
        "Aangezien {project} nog loopt, werd dat nog niet geëvalueerd. Er werden dus nog geen beslissingen genomen over de toekomst na {nextyear}.",
        "De monitoring van {topic} gebeurt binnen de reguliere middelen. Hiervoor zijn geen extra middelen voorzien.",
        "Het is te vroeg om trends of ontwikkelingen te ontwaren omdat de projecten zich focussen op verschillende aspecten van {topic}.",
        "De evaluatie toont dat {group} beter bereikt worden, maar ook dat de drempels in {region} hoger liggen.",
        "Er zal gemonitord worden wat de impact is van {measure} op {indicator}.",
        "Via dit netwerk wisselen de betrokken organisaties alvast onderling inzichten en praktijken uit.",
    ]

    static let budgetAnswers = [
        "Er wordt momenteel bekeken hoeveel middelen er in {year} nodig zijn. De middelen voor {year} zijn nog niet vastgelegd.",
        "Voor {project} werd {amount} uitgetrokken voor een periode van drie jaar.",
        "De middelen die voorzien zijn voor {prevyear}, kunnen bovendien worden besteed tot eind {year}.",
        "In totaal gaat het om {amount}, verdeeld over {countword} actoren.",
        "De kredietevolutie op dat artikel is niet toe te wijzen aan {topic}, zoals ook geduid in {document}.",
    ]

    static let cooperationAnswers = [
        "In deze fase pleeg ik geen overleg met de federale overheid, maar waar relevant kan dat in een later stadium.",
        "{Actor} werkte via tijdelijke initiatieven reeds samen met {group}.",
        "Lokale besturen beschikken binnen verschillende domeinen over hefbomen om {group} te bereiken.",
        "Het belang van deze doorverwijzende actoren wordt ook benadrukt in {project}.",
        "Er is structureel overleg met {actor} en de lokale besturen.",
    ]

    static let referralAnswers = [
        "Hiervoor verwijs ik naar de bespreking van {document} in de commissie op {meetingdate}.",
        "Zoals in de vergadering van de {commission} van {meetingdate} werd aangegeven, blijft {topic} een uitdaging.",
        "Ik verwijs naar mijn antwoord op de vorige vraag.",
    ]

    static let annexTitles = [
        "Stand van zaken van {topic}",
        "Overzicht van {indicator} {prevyear}-{year}",
        "Cijfers over {indicator}",
        "Tabellen bij het antwoord op de schriftelijke vraag",
    ]
}
