"""Short and other names of places, in one table: what the guides file a place under, and
which real place a question means by it.

Example:
    >>> REGION_ALIASES["nyc"], COLLOQUIAL["nyc"]
    ('New York', 'New York City')

Each alias carries two names because two readers use it, and they need different things:

- the guide name: the region a guide's row label is filed under ("NYC (HQ)" -> "New York"),
  which `corpus/regions.py` writes as the row's region and the vocabulary offers a question
  as a library region ("usa" -> the library's "US");
- the place name: the name the lexicon knows the place by, which a question's words are looked
  up under. "nyc" is the city, "New York City", not also the state of New York as "New York"
  would be; "usa" is the country, "United States". An alias with a place name is never read as
  a state or airport code ("LA" is Los Angeles, not Louisiana).

"" where a side does not apply: "ny" is looked up as typed (the state's code when written
"NY"), and "us" names no region of the guides. Keys are lower case.
"""

from __future__ import annotations

# alias -> (the guides' region name, the lexicon's place name)
ALIASES: dict[str, tuple[str, str]] = {
    "nyc": ("New York", "New York City"),
    "ny": ("New York", ""),
    "new york city": ("New York", ""),
    "new york ny": ("New York", ""),
    "manhattan": ("New York", ""),
    "big apple": ("New York", "New York City"),
    "the big apple": ("New York", "New York City"),
    "sf": ("San Francisco", "San Francisco"),
    "san fran": ("San Francisco", ""),
    "sf bay area": ("Bay Area", ""),
    "the bay": ("Bay Area", ""),  # as people in tech say it ("swe salary in the bay")
    "bay area ca": ("Bay Area", ""),
    "silicon valley": ("Bay Area", ""),
    "bengaluru": ("Bangalore", ""),
    "gurugram": ("Gurgaon", ""),
    "sao paulo": ("São Paulo", ""),
    "washington dc": ("Washington DC", ""),
    "washington, dc": ("Washington DC", ""),
    "dc": ("Washington DC", "Washington DC"),
    "la": ("Los Angeles", "Los Angeles"),
    "remote us": ("Remote US", ""),
    "us remote": ("Remote US", ""),
    "remote-us": ("Remote US", ""),
    "remote (us)": ("Remote US", ""),
    "us (all-remote)": ("Remote US", ""),
    "us (other markets)": ("Other US", ""),
    "cambridge ma": ("Cambridge, MA", ""),
    "cambridge uk": ("Cambridge, UK", ""),
    "melbourne fl": ("Melbourne, FL", ""),
    "hsinchu taiwan": ("Hsinchu", ""),
    "remote uk": ("Remote UK", ""),
    "other us": ("Other US", ""),
    "dublin, ireland": ("Dublin", ""),
    "uk": ("United Kingdom", "United Kingdom"),
    "usa": ("US", "United States"),
    "united states": ("US", ""),
    "us": ("", "United States"),
    "uae": ("", "United Arab Emirates"),
    "eu": ("", "EU"),
    "hk": ("", "Hong Kong"),
}

# Two-letter suffixes that only say which state or country a city is in ("Austin, TX").
STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC BC ON QC AB NL UK US".split()
)

# The two views of the table: alias -> the guides' region, alias -> the lexicon's place.
REGION_ALIASES: dict[str, str] = {alias: guide for alias, (guide, _) in ALIASES.items() if guide}
COLLOQUIAL: dict[str, str] = {alias: place for alias, (_, place) in ALIASES.items() if place}
