// People. Gwendolyn Rutten and Maaike De Vreese come from the seeds; every other
// name is invented (common Flemish first names and surnames, freely combined).

extension Vocabulary {
    static let ministers: [Minister] = [
        Minister(name: "Gwendolyn Rutten",
                 title: "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN",
                 slug: "rutten", pronoun: "zij", possessive: "haar"),
        Minister(name: "Pieter De Wachter",
                 title: "MINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BUITENLANDSE ZAKEN, CULTUUR, DIGITALISERING EN FACILITAIR MANAGEMENT",
                 slug: "dewachter", pronoun: "hij", possessive: "zijn"),
        Minister(name: "Annelies Verstraete",
                 title: "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN WELZIJN, VOLKSGEZONDHEID, GEZIN EN ARMOEDEBESTRIJDING",
                 slug: "verstraete", pronoun: "zij", possessive: "haar"),
        Minister(name: "Koen Vanhoutte",
                 title: "VLAAMS MINISTER VAN ONDERWIJS, SPORT, DIERENWELZIJN EN VLAAMSE RAND",
                 slug: "vanhoutte", pronoun: "hij", possessive: "zijn"),
        Minister(name: "Sofie Lambrechts",
                 title: "VLAAMS MINISTER VAN MOBILITEIT EN OPENBARE WERKEN",
                 slug: "lambrechts", pronoun: "zij", possessive: "haar"),
        Minister(name: "Tom Declercq",
                 title: "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN FINANCIËN EN BEGROTING, WONEN EN ONROEREND ERFGOED",
                 slug: "declercq", pronoun: "hij", possessive: "zijn"),
        Minister(name: "Els Van Damme",
                 title: "VLAAMS MINISTER VAN JUSTITIE EN HANDHAVING, OMGEVING, ENERGIE EN TOERISME",
                 slug: "vandamme", pronoun: "zij", possessive: "haar"),
        Minister(name: "Wouter Maes",
                 title: "VLAAMS MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW",
                 slug: "maes", pronoun: "hij", possessive: "zijn"),
        Minister(name: "Nathalie Goossens",
                 title: "VLAAMS MINISTER VAN BRUSSEL, JEUGD, MEDIA EN ARMOEDEBESTRIJDING",
                 slug: "goossens", pronoun: "zij", possessive: "haar"),
    ]

    static let firstNames = [
        "Maaike", "An", "Bart", "Bram", "Caroline", "Chris", "Dirk", "Elke", "Emma", "Filip", "Freya", "Gert",
        "Hannelore", "Hilde", "Inge", "Jan", "Jeroen", "Joke", "Karolien", "Katrien", "Kris", "Lies", "Lode",
        "Marijke", "Mathias", "Nele", "Nina", "Orry", "Peter", "Raf", "Sander", "Sara", "Stijn", "Tine",
        "Tinne", "Valerie", "Veerle", "Willem", "Wim", "Yasmine", "Ludwig", "Celia", "Axel", "Britt", "Arnout",
        "Kathleen", "Johan", "Sihame", "Michiel", "Ilse", "Koen", "Griet", "Jos", "Annick",
    ]

    static let surnames = [
        "De Vreese", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
        "De Smet", "Dubois", "Hermans", "Aerts", "Pauwels", "Van den Bossche", "Vermeulen", "Van Damme", "Verhoeven",
        "De Clercq", "Coppens", "Lemmens", "Hendrickx", "Michiels", "Van de Velde", "Geerts", "Desmet", "De Backer",
        "Verbeke", "Van Acker", "Smets", "Cools", "Deprez", "Moens", "Segers", "Vandenberghe", "Vervoort", "Stevens",
        "De Ridder", "Verlinden", "Bogaerts", "Lambert", "Martens", "Heylen", "Van Rompaey", "Roels", "Declerck",
        "Van Hecke", "Sels", "D'Haese", "Buyse", "Vanderheyden", "Ceulemans", "Hoste",
    ]
}
