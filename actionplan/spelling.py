"""British English spelling for action text: pyenchant's en-GB dictionary, the plan's own word
list and the user's dictionary (a plain text file in the settings folder).

The en-GB dictionary shipped in ``resources/spelling`` comes before any on the system, so spelling
is the same on every computer and works where the system has none (Windows). Without Enchant or
a dictionary, ``SpellChecker.available`` is False and ``reason`` says why in plain words; every
check then finds nothing, and the rest of the program works on.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import resources
from actionplan.paths import config_dir

LANGUAGE = "en_GB"
ENCHANT_FOLDER_VARIABLE = "ENCHANT_CONFIG_DIR"
USER_DICTIONARY_NAME = "dictionary.txt"

# Words HMPPS uses that hunspell's en-GB list lacks ("outcome focussed" is in the standard
# introduction itself).
_HOUSE_WORDS = frozenset(
    {"focussed", "focussing", "keywork", "keyworker", "keyworkers", "wellbeing", "reoffending",
     "safeguarding", "neurodivergent", "neurodiversity", "reintegration", "resettlement",
     "prisoner's", "prisoners'", "learner's", "learners'", "onwards", "adjudications", "rehabilitative",
     "employability", "equalities", "comparator", "comparators", "residentially", "upskilling",
     "workstream", "workstreams", "stakeholder", "stakeholders", "timetabling", "neurodiverse",
     "incentivise", "incentivised", "incentivises", "incentivising", "standalone"}
)
_CAPITALISED = re.compile(r"(?<![\w'’@./-])[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_NOT_SPACES = re.compile(r"\S+")
_WEB_STARTS = ("http://", "https://", "www.")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*['’]?|\w+")


@dataclass(frozen=True, slots=True)
class Misspelling:
    start: int
    end: int
    word: str


def user_dictionary_path() -> Path:
    return config_dir() / USER_DICTIONARY_NAME


class SpellChecker:
    """Checks words and texts. Results are cached per word, so checking is cheap once warm.

    A plan checks the same few thousand words over and over, so besides each word's answer it
    keeps the words (as ``_TOKEN`` finds them) that are right wherever they stand, and, for ASCII
    text, the "chunks" (runs of letters, digits, ``_``, ``'`` and ``-``, which hold whole words
    and nothing that depends on what is around them) that are right or wrong wherever they
    stand: most texts are then checked with one split and one set test, not word by word."""

    def __init__(self, plan_words: Iterable[str] = (), user_dictionary: Path | None = None,
                 language: str = LANGUAGE) -> None:
        self._dictionary, self.reason = _open_dictionary(language)
        self._user_path = user_dictionary if user_dictionary is not None else user_dictionary_path()
        self._user_words = _read_word_file(self._user_path)
        self._plan_words: frozenset[str] = frozenset()
        self._ignored: set[str] = set()
        self._names: set[str] = set()
        self._unread_names: list[str] = []
        """Texts given to learn_names and not read yet: names matter only for a capitalised word
        the dictionary does not know, which most plans never have, so reading is put off."""
        self._unread_size = 0
        self._cache: dict[str, bool] = {}
        self._right_anywhere: set[str] = set()
        """Words (as _TOKEN finds them) never marked wherever they stand."""
        self._right_chunks: set[bytes] = set()
        self._wrong_in_chunk: dict[bytes, tuple[str, ...]] = {}
        """Chunks that always give these misspelt words, whatever is around them."""
        self.set_plan_words(plan_words)

    @property
    def available(self) -> bool:
        return self._dictionary is not None

    def set_plan_words(self, words: Iterable[str]) -> None:
        self._plan_words = frozenset(word.strip().lower() for word in words if word.strip())
        self._forget_answers()

    def _forget_answers(self) -> None:
        # Taking a word away can make any word wrong again: start afresh.
        self._cache.clear()
        self._right_anywhere.clear()
        self._right_chunks.clear()
        self._wrong_in_chunk.clear()

    def learn_names(self, text: str) -> None:
        """Remember the capitalised words ``text`` uses inside sentences (Stoke Heath, Novus) as
        names, so the same word opening another sentence is not marked either."""
        self._unread_names.append(text)
        self._unread_size += len(text)
        if self._unread_size > _UNREAD_NAMES_LIMIT:
            self._read_names()

    def _read_names(self) -> None:
        texts, self._unread_names, self._unread_size = self._unread_names, [], 0
        names, cache = self._names, self._cache
        for text in texts:
            for match in _CAPITALISED.finditer(text):
                word = match.group().rstrip("'’")
                if word not in names and not _starts_sentence(text, match.start()):
                    names.add(word)
                    cache.pop(word, None)  # only "wrong" can be cached: a name is right

    # Words ---------------------------------------------------------------------------------

    def is_known(self, word: str) -> bool:
        known = self._cache.get(word)
        if known is None:
            known = self._cache[word] = self._check(word)
        elif not known and self._unread_names and word[:1] in _CAPITALS:
            self._read_names()  # it may be a name in a text not read yet
            known = self._cache.get(word)
            if known is None:
                known = self._cache[word] = self._check(word)
        return known

    def _check(self, word: str) -> bool:
        if self._dictionary is None:
            return True
        plain = word.replace("’", "'")
        lowered = plain.lower()
        if lowered in self._plan_words or lowered in self._user_words or lowered in self._ignored:
            return True
        if lowered in _HOUSE_WORDS or self._in_dictionary(plain):
            return True
        stem = re.sub(r"'s?$", "", plain)
        if stem != plain and stem and self.is_known(stem):
            return True
        if "-" in plain:
            # "co-ordinated" is "coordinated"; "day-to-day" is three known words.
            parts = [part for part in plain.split("-") if part]
            if self.is_known("".join(parts)) or all(self.is_known(part) for part in parts):
                return True
        else:
            ascii_form = _without_accents(plain)
            if ascii_form != plain and self.is_known(ascii_form):
                return True
        return self._is_learnt_name(word)  # last, as it may read the unread texts first

    def _is_learnt_name(self, word: str) -> bool:
        if word[:1] not in _CAPITALS:
            return False  # a name starts with a capital
        if self._unread_names:
            self._read_names()
        return word in self._names

    def _in_dictionary(self, word: str) -> bool:
        assert self._dictionary is not None
        try:
            return bool(self._dictionary.check(word)) or bool(self._dictionary.check(word.lower()))
        except Exception:  # Enchant rejects some strings (odd Unicode); never fail a check on one
            return True

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        if self._dictionary is None:
            return []
        try:
            return [str(s) for s in self._dictionary.suggest(word)][:limit]
        except Exception:
            return []

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the program closes."""
        self._ignored.add(word.lower().replace("’", "'"))
        self._forget_answers()

    def add_to_user_dictionary(self, word: str) -> None:
        """Accept ``word`` from now on, in every plan, by adding it to the user's dictionary file."""
        word = word.strip()
        if not word or word.lower() in self._user_words:
            return
        self._user_path.parent.mkdir(parents=True, exist_ok=True)
        with self._user_path.open("a", encoding="utf-8") as file:
            file.write(word + "\n")
        self._user_words.add(word.lower())
        self._forget_answers()

    # Texts ---------------------------------------------------------------------------------

    def misspellings(self, text: str) -> list[Misspelling]:
        """Unknown words in ``text``. Skips abbreviations, words with digits, web and email
        addresses, and capitalised words inside a sentence (names such as Stoke Heath or Novus)."""
        if self._dictionary is None:
            return []
        if "@" in text or "http" in text or "www." in text:
            text = blank_addresses(text)
        if text.isascii():
            chunks = _chunks(text)
            if self._right_chunks.issuperset(chunks):
                return []  # most texts, once the plan's words have been seen
            if all(self._chunk_words(chunk) == () for chunk in chunks):
                return []
        elif self._right_anywhere.issuperset(_TOKEN.findall(text)):
            return []
        return self._find(text)

    def unknown_words(self, text: str) -> list[str]:
        """``[m.word for m in self.misspellings(text)]``, quicker where places are not needed:
        a chunk that is wrong wherever it stands gives its words without being read again."""
        if self._dictionary is None:
            return []
        if "@" in text or "http" in text or "www." in text:
            text = blank_addresses(text)
        if not text.isascii():
            return [misspelling.word for misspelling in self.misspellings(text)]
        chunks = _chunks(text)
        right = self._right_chunks
        if right.issuperset(chunks):
            return []  # most texts, once the plan's words have been seen
        found: list[str] = []
        for chunk in chunks:
            if chunk in right:
                continue
            words = self._chunk_words(chunk)
            if words is None:  # it depends on where a capitalised word stands
                return [misspelling.word for misspelling in self._find(text)]
            found += words
        return found

    def _chunk_words(self, chunk: bytes) -> tuple[str, ...] | None:
        """The misspelt words of ``chunk`` wherever it stands, or None if a capitalised word in
        it is right or wrong depending on where (a name inside a sentence, checked at its start)."""
        known = self._wrong_in_chunk.get(chunk)
        if known is not None:
            return known
        if chunk in self._right_chunks:
            return ()
        found: list[str] = []
        for token in _TOKEN.findall(chunk.decode("ascii")):
            if token in self._right_anywhere:
                continue
            word = token.rstrip("'")
            if _is_skipped_by_shape(word) or self.is_known(word):
                self._right_anywhere.add(token)
            elif word[0] in _CAPITALS:
                return None
            else:
                found.append(word)
        words = tuple(found)
        if words:
            self._wrong_in_chunk[chunk] = words
        else:
            self._right_chunks.add(chunk)
        return words

    def _find(self, text: str) -> list[Misspelling]:
        """The plain way: every word of ``text`` in turn."""
        found: list[Misspelling] = []
        right = self._right_anywhere
        for match in _TOKEN.finditer(text):
            token = match.group()
            if token in right:
                continue  # most words are right and were seen before
            word = token.rstrip("'’")
            if _is_skipped_by_shape(word) or self.is_known(word):
                right.add(token)
                continue
            if not _is_name(word, text, match.start()):
                found.append(Misspelling(match.start(), match.start() + len(word), word))
        return found


_UNREAD_NAMES_LIMIT = 4_000_000
"""Characters of text kept for reading names later, at most: an editor typing for hours keeps
each version of the text it checks, so past this the names are read, as they were before."""
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Every byte that cannot be part of a word (_TOKEN) in ASCII text, to a space.
_NOT_IN_WORDS = bytes.maketrans(
    bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b) in "_'-")),
    b" " * sum(1 for b in range(128) if not (chr(b).isalnum() or chr(b) in "_'-")))


def _chunks(text: str) -> list[bytes]:
    """An ASCII text's runs of letters, digits and _ ' -: each holds whole words, which _TOKEN
    splits the same way whatever is around the run."""
    return text.encode("ascii").translate(_NOT_IN_WORDS).split()


def blank_addresses(text: str) -> str:
    """``text`` with web and email addresses turned to spaces, as
    ``re.sub(r"(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\S+", spaces, text)`` does, in one pass (the
    pattern backtracks through every "@" and "." of a word, and a long run of them took hours).

    Every match runs to the end of its run of non-space characters. An email address matches
    from the run's start when the run has an "@" after its first character and a "." at least
    two characters after that "@" with a character after it; otherwise a web address matches
    from its first "http://", "https://" or "www." with a character after it."""
    pieces: list[str] = []
    done = 0
    for run in _NOT_SPACES.finditer(text):
        word = run.group()
        stop = word.rfind(".", 0, len(word) - 1)
        if stop > 2 and word.rfind("@", 1, stop - 1) > 0:
            start = 0
        else:
            starts = [at for prefix in _WEB_STARTS
                      if 0 <= (at := word.find(prefix)) < len(word) - len(prefix)]
            if not starts:
                continue
            start = min(starts)
        pieces += (text[done: run.start() + start], " " * (len(word) - start))
        done = run.end()
    return "".join(pieces) + text[done:] if pieces else text


def _is_skipped_by_shape(word: str) -> bool:
    """Words never checked wherever they stand: one letter, digits, or QIG, MoJ, SMaRG (a capital
    after the first letter)."""
    if len(word) < 2 or (not word.isalpha() and any(char.isdigit() or char == "_" for char in word)):
        return True
    return word[1:] != word[1:].lower()


def _is_name(word: str, text: str, start: int) -> bool:
    # A capital letter mid-sentence marks a name; at a sentence start the word is checked.
    return word[0].isupper() and not _starts_sentence(text, start)


def _starts_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, a line or a dash-list item."""
    index = _skip_spaces_back(text, start)
    if index < 0 or text[index] == "\n" or text[index] in ".!?:":
        return True
    if text[index] in "-–—•*":
        before = _skip_spaces_back(text, index)
        return before < 0 or text[before] == "\n"
    return False


def _skip_spaces_back(text: str, start: int) -> int:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index


def _without_accents(word: str) -> str:
    # "cafés": the dictionary knows the anglicised "cafes".
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _open_dictionary(language: str) -> tuple[Any, str]:
    try:
        import enchant
    except ImportError:
        return None, "Spelling is off: the Enchant spelling library is not installed."
    except OSError:
        return None, ("Spelling is off: the Enchant library could not be loaded. On Linux, "
                      "install libenchant-2-2.")
    try:
        with shipped_dictionaries():
            return enchant.Dict(language), ""
    except enchant.errors.DictNotFoundError:
        return None, ("Spelling is off: the British English (en-GB) dictionary is not installed. "
                      "On Linux, install hunspell-en-gb.")
    except Exception as error:  # Enchant's providers fail in many ways
        return None, f"Spelling is off: the dictionary could not be opened ({error})."


@contextlib.contextmanager
def shipped_dictionaries() -> Iterator[None]:
    """Let Enchant look in the application's own dictionary folder first while a dictionary is
    opened (Enchant reads the files then, and never again)."""
    folder = resources.folder_on_disk(resources.SPELLING_FOLDER)
    if folder is None:
        yield
        return
    before = os.environ.get(ENCHANT_FOLDER_VARIABLE)
    os.environ[ENCHANT_FOLDER_VARIABLE] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENCHANT_FOLDER_VARIABLE, None)
        else:
            os.environ[ENCHANT_FOLDER_VARIABLE] = before


def _read_word_file(path: Path) -> set[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip().lower().replace("’", "'") for line in lines if line.strip()}
