"""Who speaks: reporting cues, the noun phrase that names the speaker, and
resolution of pronouns and role nouns to a person or organisation.

No parser (the bundled pipeline has none, and it would cost speed and size):
a speaker is a noun phrase read off the words next to a reporting cue, with
the named entities of the analysis inside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

from tui.analysis.english_words import may_be_noun
from tui.analysis.model import Entity, Span
from tui.analysis.spans import SpanIndex
from tui.analysis.subjunctive import is_subjunctive
from tui.analysis.text import GERMAN_ARTICLES, GERMAN_POSSESSIVES

# Reporting verbs by stem, lower case: German verbs are written in lower case,
# so "Aussage" or "Erklärung" (nouns) do not match.
_DE_VERB_STEMS = [
    "sag",
    "ergänz",
    "erklär",
    "erläuter",
    "beton",
    "bekräftig",
    "versicher",
    "berichte",
    "bericht",
    "warn",
    "forder",
    "kritisier",
    "antwort",
    "bestätig",
    "behaupt",
    "verkünd",
    "äußer",
    "erwider",
    "entgegne",
    "beteuer",
    "bemängel",
    "beklag",
    "monier",
    "unterstrich",
    "unterstreich",
    "schilder",
    "erzähl",
    "zitier",
    "dementier",
    "bestreit",
    "bestritt",
    "leugne",
    "argumentier",
    "vermut",
    "mutmaß",
    "spekulier",
    "befürcht",
    "fürcht",
    "meld",
    "informier",
    "verlang",
    "appellier",
    "mahn",
    "gesteh",
    "gestand",
    "versprach",
    "versprech",
    "verspricht",
    "droh",
    "bezeichne",
    "sprach",
    "sprech",
    "spricht",
    "schrieb",
    "schreib",
    "verriet",
    "verrät",
    "mein",
    "fragt",
    "fragte",
    "nenn",
    "nannt",
    "klagt",
    "klagte",
    "prognostizier",
    "vorhersag",
    "empfahl",
    "empfiehl",
    "empfehl",
    "rät",
    "riet",
    "begründe",
    "betont",
    "glaubt",
    "hofft",
    "kündig",
    "teilt",
    "teilte",
    "sagt",
    "schätzt",
    "erinnert",
    "bekannt",
    "beschuldig",
    "vorwarf",
    "wirft",
    "warf",
    "mitteil",
    "ankündig",
    "bekanntgab",
    "hinwies",
    "feststellt",
    "einräum",
    "zugab",
    "hinzufügt",
]
_DE_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(_DE_VERB_STEMS, key=len, reverse=True)) + r")\w*"
    # Participles of separable and prefixed verbs: "hat mitgeteilt", "wurde bekannt".
    r"|\b(?:mitgeteilt|angekündigt|angegeben|bekanntgegeben|hingewiesen|festgestellt|klargestellt|"
    r"eingeräumt|zugegeben|gesagt|geäußert|gewarnt|gefordert|gemeldet|geschrieben|gesprochen|"
    r"berichtet|vorgeworfen|betont|erklärt|bestätigt|verkündet|dementiert)\b"
    # Separable verbs, the finite part with its particle later in the clause.
    r"|\b(?:gab|gibt|gaben|geben|stellte|stellt|stellten|wies|weist|wiesen|rief|ruft|riefen|"
    r"räumte|räumt|fügte|fügt|deutete|deutet|sprach|spricht|hob|hebt)\b"
    r"(?=[^,.;:!?]{0,80}?\b(?:an|bekannt|zu|fest|klar|hin|darauf hin|zurück|auf|ein|hinzu|hervor|"
    r"aus|preis)\b)"
    r"|\b(?:geht|gehen|ging|gingen)\b(?=[^,.;:!?]{0,60}?\bdavon aus\b)"
    # Verbs of judging and nouns of opinion that frame what follows: "ist der Ansicht, dass …",
    # "mit dem Argument, die Züge seien …", "hatte entschieden, dass …".
    r"|\b(?:entschieden|entschied|beschlossen|beschloss|geurteilt|urteilte|ausgegangen)\b"
    r"|\b(?:der|die)\s+(?:Ansicht|Meinung|Auffassung|Überzeugung|These|Forderung|Befürchtung|Hoffnung|"
    r"Einschätzung|Warnung)\b(?=\s*,)"
    r"|\b(?:bedauer|begrüß|plädier|beruft|berufen|berief|beklagt)\w*"
    r"|\b(?:schlug|schlägt|schlugen)\b(?=[^,.;:!?]{0,60}?\bvor\b)"
    r"|\bmit\s+(?:dem|der)\s+(?:Argument|Begründung|Hinweis)\b"
)
_EN_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|tell|added|adds|explained|explains|stated|states|noted|notes|"
    r"wrote|writes|asked|asks|argued|argues|claimed|claims|insisted|insists|warned|warns|announced|"
    r"announces|replied|replies|continued|confirmed|confirms|denied|denies|stressed|stresses|"
    r"suggested|suggests|admitted|admits|reported|reports|believes|believed|estimated|predicted|"
    r"acknowledged|declared|revealed|recalled|emphasised|emphasized|urged|promised|vowed)\b"
)
CUE_VERBS = {"de": _DE_VERB, "en": _EN_VERB}

# Words that join a speaker's phrase to a capitalised word or an article after
# them: "Olaf Lies und die Polizei", "Bundesagentur für Arbeit".
_PHRASE_LINKS = frozenset({"von", "mit", "für", "of", "with", "for", "und", "and"})
_DETERMINERS = (
    GERMAN_ARTICLES
    | GERMAN_POSSESSIVES
    | frozenset(
        {
            "einige",
            "einiger",
            "einigen",
            "eigene",
            "eigenen",
            "beide",
            "beiden",
            "mehreren",
            "vielen",
            "dessen",
            "deren",
            "zwei",
            "drei",
            "mehrere",
            "viele",
            "zahlreiche",
            "alle",
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "its",
            "several",
            "many",
            "some",
            "two",
            "three",
        }
    )
)
# After the verb the subject comes in the nominative: a phrase opening with an
# object's article is an addressee or object ("sagte dem Spiegel", "begründete seinen Schritt").
_OBJECT_CASE = frozenset(
    [
        "dem",
        "einem",
        "den",
        "einen",
        "ihm",
        "ihnen",
        "mir",
        "uns",
        "seinen",
        "seinem",
        "seine",
        "sein",
        "ihren",
        "ihrem",
        "ihre",
        "des",
        "eines",
        "diesen",
        "diesem",
    ]
)
PRONOUNS = {
    "er": "PER",
    "sie": "ANY",
    "he": "PER",
    "she": "PER",
    "they": "ANY",
}
# Words that end a speaker phrase although capitalised (sentence-initial
# adverbs, weekdays) or that are never a speaker.
_NOT_SPEAKERS = frozenset(
    [
        "Am",
        "Im",
        "In",
        "Auf",
        "Bei",
        "Nach",
        "Vor",
        "Seit",
        "Mit",
        "Laut",
        "Zudem",
        "Außerdem",
        "Auch",
        "Allerdings",
        "Dabei",
        "Dazu",
        "Doch",
        "Aber",
        "Nachdem",
        "Während",
        "Als",
        "Anschließend",
        "Da",
        "Weil",
        "Obwohl",
        "Bevor",
        "Seitdem",
        "Damit",
        "Deshalb",
        "Daher",
        "Darum",
        "Trotzdem",
        "Jedoch",
        "Ferner",
        "Später",
        "Zuvor",
        "Damals",
        "Inzwischen",
        "Mittlerweile",
        "Derzeit",
        "Bereits",
        "Schon",
        "Gleichzeitig",
        "Hier",
        "Dort",
        "Dann",
        "Wenn",
        "Falls",
        "Ob",
        "Dass",
        "Bisher",
        "Zunächst",
        "Schließlich",
        "Zuletzt",
        "Zwar",
        "Vielmehr",
        "Insbesondere",
        "Dennoch",
        "Demnach",
        "Danach",
        "Davor",
        "Darauf",
        "Darüber",
        "Deswegen",
        "Dadurch",
        "Hierzu",
        "Hingegen",
        "Ebenso",
        "Erst",
        "Noch",
        "Nur",
        "Selbst",
        "Vor",
        "Zum",
        "Zur",
        "Vom",
        "Beim",
        "Für",
        "Gegen",
        "Gegenüber",
        "Ab",
        "Sehr",
        "Über",
        "Unter",
        "Um",
        "Bis",
        "Aus",
        "Von",
        "Und",
        "Oder",
        "Denn",
        "So",
        "Wie",
        "Dies",
        "Das",
        "Es",
        "Man",
        "Nun",
        "Jetzt",
        "Heute",
        "Gestern",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Ende",
        "Anfang",
        "Mitte",
        "Woche",
        "Jahr",
        "Tag",
        "The",
        "This",
        "That",
        "It",
        "On",
        "In",
        "At",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
# A role or organisation noun ending: "Pressesprecherin", "Umweltamt".
_ORG_NOUN = re.compile(
    r"(?:amt|amts|ministerium|ministeriums|polizei|gericht|gerichts|behörde|regierung|verband|"
    r"verbands|partei|unternehmen|unternehmens|konzern|konzerns|firma|hersteller|herstellers|agentur|"
    r"bank|gewerkschaft|kommission|organisation|institut|instituts|fraktion|feuerwehr|staatsanwaltschaft|"
    r"zeitung|sender|senders|rat|rats|nachrichtenagentur|league|company|police|government|ministry)$",
    re.IGNORECASE,
)
# Lower-case role words before a name: "council leader", "deputy chief executive".
MAX_ROLE_WORDS = 3
_WORD = re.compile(r"[\w][\w'’.-]*[\w]|[\w]")
MAX_PHRASE_WORDS = 9


@dataclass(frozen=True, slots=True)
class Speaker:
    span: Span
    name: str | None


class SpeakerFinder:
    """Noun phrases around a cue, and what they refer to."""

    def __init__(self, text: str, entities: Sequence[Entity], lang: str = "de") -> None:
        self.text = text
        # English role nouns are lower case: "the mayor", "a spokeswoman".
        self.lower_case_nouns = lang != "de"
        self.entities = SpanIndex(e for e in entities if e.label in {"PER", "ORG"})
        self._canonical = _canonical_names(self.entities.spans)

    def after(self, position: int, limit: int, addressee_first: bool = True) -> Speaker | None:
        """The noun phrase starting at the first word after ``position``
        ("sagte Bauamtsleiterin Petra Sommer", "so die Firma", "sagte er")."""
        words = self._words(position, limit + 1)
        words = [word for word in words if word[1] <= limit]
        while words:
            if words[0][2] in _BETWEEN_VERB_AND_SUBJECT:  # "äußerte sich auch Kofi Annan"
                words = words[1:]
            elif addressee_first and words[0][2] in _OBJECT_CASE | _PREPOSITIONS:
                # "sagte dem Spiegel Merkel", "erklärte in einem Interview mit der NYT der Direktor"
                words = self._skip_phrase(words)
            else:
                break
        return self._phrase(words)

    def _skip_phrase(self, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop a leading object or prepositional phrase: its words up to and
        including its noun (a whole entity where the noun starts one)."""
        index = 1
        while index < len(words):
            start, _, word = words[index]
            if word in _OBJECT_CASE or word in _PREPOSITIONS or word in _DETERMINERS or _adjective(word):
                index += 1
                continue
            if word[0].isupper() or word[0].isdigit():
                entity = self.entities.at(start)
                index += 1
                while entity is not None and index < len(words) and words[index][0] < entity.end:
                    index += 1
                if index < len(words) and words[index][2] in {"mit", "von", "vom", "der", "des"}:
                    continue  # "in einem Interview mit der New York Times"
            break
        return words[index:]

    def before(self, start: int, position: int) -> Speaker | None:
        """The noun phrase opening the clause ``[start, position)``
        ("Die Polizei teilte mit", "Jonas Wild, Analyst der Landesbank, sagte")."""
        while position > start and self.text[position - 1] in " ,":
            position -= 1  # "Jonas Wild, Analyst der Landesbank, sagte"
        marks = ",;:–("
        bracket = self.text.rfind("(", start, position)
        if bracket >= 0 and ")" in self.text[bracket:position]:
            marks = ",;:–"  # "Volker Wissing (FDP) forderte": the party is an aside, not the clause
        clause_start = max(start, *(self.text.rfind(mark, start, position) + 1 for mark in marks))
        words = self._words(clause_start, position)
        if words and words[0][2].lower() in {"wie", "as", "dass", "that", "und", "and", "aber", "but"}:
            words = words[1:]
        found = self._phrase(words)
        if clause_start > start and (found is None or found.name is None):
            # An apposition names the person before it: "Jonas Wild, Analyst der Landesbank, sagte".
            previous_comma = self.text.rfind(",", start, clause_start - 1) + 1
            named = self._phrase(self._words(max(start, previous_comma), clause_start))
            if found is None:
                return named
            if named is not None and named.name is not None:
                return Speaker(found.span, named.name)
        return found

    def subject(self, start: int, end: int) -> Speaker | None:
        """The noun phrase opening a sentence, where it names someone:
        "Romney sprach von einem „außerordentlichen Sieg“"."""
        found = self._phrase(self._words(start, end))
        if found is not None and (self._has_entity(found.span) or found.span.text.lower() in PRONOUNS):
            return found
        return None

    def any_subject(self, start: int, end: int) -> Speaker | None:
        """The phrase opening a sentence where it is a person, an organisation
        or a role with an article ("Der Minister nannte das „…“")."""
        found = self._phrase(self._words(start, end))
        return found if found is not None and _names_subject(found) else None

    def _has_entity(self, span: Span) -> bool:
        return any(e.end <= span.end for e in self.entities.overlapping(span.start, span.end))

    def loose(self, start: int, end: int) -> Speaker | None:
        """Adjectives and nouns right after an attribution word, with or
        without an article: "laut aktueller Statistik"."""
        taken = []
        for word in self._words(start, end)[:MAX_PHRASE_WORDS]:
            text = word[2]
            if not (text[0].isupper() or text in _DETERMINERS or _adjective(text)) or _finite_verb(text):
                break
            taken.append(word)
        while taken and not taken[-1][2][0].isupper():
            taken.pop()
        if not taken:
            return None
        return self.of_span(Span(taken[0][0], taken[-1][1], self.text[taken[0][0] : taken[-1][1]]))

    def until_verb(self, start: int, end: int) -> Speaker | None:
        """The words up to the finite verb, for a phrase the noun-phrase rules
        miss: "Laut nationalem statistischen Institut lebten …"."""
        words = self._words(start, end)[:MAX_PHRASE_WORDS]
        count = next((i for i, word in enumerate(words) if _finite_verb(word[2])), len(words))
        if count == 0 or count == len(words):
            return None
        first, last = words[0], words[count - 1]
        return self.of_span(Span(first[0], last[1], self.text[first[0] : last[1]]))

    def around(self, start: int, cue: Span, end: int) -> Speaker | None:
        """A subject before the cue that clearly names someone ("Netanyahu nannte
        Trumps Angriff …", "Die Polizei teilte mit"), else the inverted order
        ("erklärte die Polizei"), else whatever phrase opens the clause."""
        if cue.text.startswith("zitiert"):  # "Welt-Online zitiert den Minister": the quoted one speaks
            quoted = self.after(cue.end, end, addressee_first=False)
            if quoted is not None:
                return quoted
        before = self.before(start, cue.start)
        preceding = (
            self.text[max(start, before.span.start - 12) : before.span.start].split() if before else []
        )
        prepositional = bool(preceding) and preceding[-1].lower() in _PREPOSITIONS
        prepositional = prepositional or bool(before and before.span.text.split()[0].lower() in _PREPOSITIONS)
        if before is not None and _names_subject(before) and not prepositional:
            return before
        return self.after(cue.end, end) or self.subject_within(start, cue.start) or before

    def subject_within(self, start: int, end: int) -> Speaker | None:
        """The first phrase in ``[start, end)`` that names someone and is no
        prepositional object: "Darüber hinaus hat der VfGH entschieden"."""
        clause_start = max(start, self.text.rfind(",", start, end) + 1)
        words = self._words(clause_start, end)
        for index, (word_start, _, word) in enumerate(words):
            opens = word.lower() in {"der", "die", "ein", "eine"} or word.lower() in PRONOUNS
            if not opens and self.entities.at(word_start) is None:
                continue
            if index > 0 and words[index - 1][2].lower() in _PREPOSITIONS:
                continue
            found = self._phrase(words[index:])
            if found is not None and _names_subject(found):
                return found
        return None

    def of_span(self, span: Span) -> Speaker:
        return Speaker(span, self.name_of(span))

    def name_of(self, span: Span) -> str | None:
        """The canonical name of the person or organisation ``span`` names or refers to."""
        inside = [e for e in self.entities.overlapping(span.start, span.end) if e.end <= span.end]
        if inside:
            people = [e for e in inside if e.label == "PER"]
            return self._canonical.get((people or inside)[-1].text)
        words = span.text.split()
        if not words:
            return None
        first = words[0].lower()
        wanted = PRONOUNS.get(first) if len(words) == 1 else None
        if wanted is None and first in {"der", "die", "the"} and len(words) == 2:
            # A definite role noun refers back: "der Vizepräsident", "die Polizei".
            wanted = "ORG" if _ORG_NOUN.search(words[1]) else "PER"
        if wanted is None:
            return None
        earlier = [
            e
            for e in self.entities.overlapping(max(0, span.start - 2000), span.start)
            if e.end <= span.start and (wanted == "ANY" or e.label == wanted)
        ]
        return self._canonical.get(earlier[-1].text) if earlier else None

    def _role_before_person(self, words: list[tuple[int, int, str]]) -> Speaker | None:
        """English roles are written in lower case before the name: "said
        council leader James Lewis", "union leader Mick Lynch"."""
        for index, (start, _, word) in enumerate(words[: MAX_ROLE_WORDS + 1]):
            person = self.entities.at(start)
            if person is not None:
                if index == 0 or person.label != "PER" or person.start != start:
                    return None
                return self.of_span(Span(words[0][0], person.end, self.text[words[0][0] : person.end]))
            if not (word.isalpha() and word.islower() and word not in ENGLISH_STOP_WORDS):
                return None
        return None

    def _words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        words = []
        for match in _WORD.finditer(self.text, start, end):
            words.append((match.start(), match.end(), match.group()))
            if len(words) > MAX_PHRASE_WORDS + 4:
                break
        return words

    def _phrase(self, words: list[tuple[int, int, str]]) -> Speaker | None:
        while (
            words and words[0][2] in _NOT_SPEAKERS | {"von", "vom"} and self.entities.at(words[0][0]) is None
        ):
            words = words[1:]  # "Nachdem Kiril Raschkow …", "von Radio Bremen"
        if not words:
            return None
        first = words[0][2]
        if first.lower() in PRONOUNS:
            return self.of_span(Span(words[0][0], words[0][1], first))
        if (titled := self._role_before_person(words)) is not None:
            return titled
        taken: list[tuple[int, int, str]] = []
        seen_noun = seen_person = False
        for index, (start, end, word) in enumerate(words):
            entity = self.entities.at(start)
            lower = word.lower()
            if entity is None and index == 0 and lower in _DETERMINERS:
                pass  # "Der spanische Innenminister": a capitalised article opens the phrase
            elif entity is not None or (word[0].isupper() and word not in _NOT_SPEAKERS):
                if seen_person and entity is None and taken and taken[-1][2] in _DETERMINERS:
                    break
                seen_noun = True
                seen_person = seen_person or (entity is not None and entity.label == "PER")
            elif (
                lower in _DETERMINERS and (not seen_noun or (_genitive(words, index) and not seen_person))
            ) or (word[0].islower() and not seen_noun and taken and _adjective(word)):
                pass
            elif self.lower_case_nouns and word.isalpha() and taken and taken[-1][2].lower() in _DETERMINERS:
                seen_noun = True
            elif (
                self.lower_case_nouns
                and seen_noun
                and not seen_person
                and word.islower()
                and taken[-1][2].islower()
                and word not in ENGLISH_STOP_WORDS
                and may_be_noun(word)
            ):
                pass  # "the union leader", "a city council spokeswoman"
            elif lower in _PHRASE_LINKS and seen_noun and index + 1 < len(words):
                nxt = words[index + 1][2]
                if not (nxt[0].isupper() or nxt in {"der", "den", "dem", "des", "the"}):
                    break
            else:
                break
            taken.append((start, end, word))
            if len(taken) >= MAX_PHRASE_WORDS:
                break
        while taken and taken[-1][2].lower() in _DETERMINERS | _PHRASE_LINKS:
            taken.pop()  # "die Polizei und" -> "die Polizei"
        if not seen_noun and len(taken) > 1 and taken[0][2].lower() in {"der", "die", "ein", "eine"}:
            seen_noun = _adjective(taken[-1][2])  # a noun made of an adjective: "der 81-jährige"
        if not seen_noun or not taken:
            return None
        start, end = taken[0][0], taken[-1][1]
        phrase = self.text[start:end]
        if phrase.count("(") > phrase.count(")") and self.text.startswith(")", end):
            end += 1  # "der Bundesagentur für Arbeit (BA)": the abbreviation's bracket closes
        return self.of_span(Span(start, end, self.text[start:end]))


def _names_subject(speaker: Speaker) -> bool:
    first = speaker.span.text.split()[0].lower()
    return speaker.name is not None or first in PRONOUNS or first in {"der", "die", "ein", "eine", "the", "a"}


_FINITE = frozenset(
    [
        "ist",
        "sind",
        "war",
        "waren",
        "wurde",
        "wurden",
        "wird",
        "werden",
        "hat",
        "haben",
        "hatte",
        "hatten",
        "gibt",
        "gab",
        "gaben",
        "soll",
        "sollen",
        "sollte",
        "sollten",
        "kann",
        "können",
        "konnte",
        "konnten",
        "muss",
        "müssen",
        "musste",
        "mussten",
        "will",
        "wollen",
        "wollte",
        "wollten",
        "lebten",
        "lebt",
        "leben",
        "liegt",
        "lag",
        "stehen",
        "steht",
        "stand",
        "kam",
        "kamen",
        "kommt",
        "geht",
        "ging",
    ]
)


def _finite_verb(word: str) -> bool:
    return word in _FINITE or is_subjunctive(word)


_BETWEEN_VERB_AND_SUBJECT = frozenset(
    [
        "sich",
        "auch",
        "nun",
        "jedoch",
        "aber",
        "zudem",
        "außerdem",
        "dabei",
        "dazu",
        "damals",
        "heute",
        "gestern",
        "morgen",
        "noch",
        "bereits",
        "erneut",
        "weiter",
        "später",
        "zuvor",
        "ebenfalls",
        "dort",
        "hier",
        "jetzt",
        "nämlich",
        "allerdings",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "im",
        "bei",
        "beim",
        "auf",
        "am",
        "an",
        "gegenüber",
        "vor",
        "nach",
        "während",
        "mit",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "über",
        "unter",
        "in",
        "at",
        "on",
        "to",
        "during",
        "after",
        "before",
    ]
)


def _genitive(words: list[tuple[int, int, str]], index: int) -> bool:
    return words[index][2] in {"des", "der", "eines", "einer", "the"}


def _adjective(word: str) -> bool:
    """ "neue", "81-jährige": adjective endings on a lower-case word."""
    return (
        word.endswith(("e", "en", "er", "es", "em"))
        and word.replace("-", "").isalnum()
        and word[0].islower() | word[0].isdigit()
        and len(word) > 3
    )


def _canonical_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Each mention's full name: "Barra" -> "Hugo Barra" where both occur."""
    canonical: dict[str, str] = {}
    for name in sorted({e.text for e in entities}, key=len):
        canonical.setdefault(name, name)
        words = name.split()
        for cut in range(1, len(words)):  # the longest name ending in these words wins
            canonical[" ".join(words[cut:])] = name
    return canonical
