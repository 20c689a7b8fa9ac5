"""The GDELT 2.0 event table: 61 tab-separated columns in GDELT's order (no header line, as GDELT ships them).

The mapping from our event record is documented in docs/store.md; columns we have no value for stay empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_ROLE_LENGTH = 3


def global_event_id(doc: str, idx: int) -> int:
    """A stable positive 60-bit integer for event ``idx`` of document ``doc``."""
    return int(hashlib.sha256(f"{doc}\x1f{idx}".encode()).hexdigest()[:15], 16)


def _actor(code: str | None, country: str | None, text: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1, Type2, Type3."""
    if not code:
        return [""] * 10
    known_group = ""
    roles: list[str] = []
    if country and code.startswith(country):
        rest = code[len(country) :]
        roles = [rest[i : i + _ROLE_LENGTH] for i in range(0, len(rest), _ROLE_LENGTH)]
    elif not country:  # IGOs and other non-state groups (UNO, ASN, ...): GDELT's KnownGroupCode
        known_group = code[:3]
        rest = code[3:]
        roles = [rest[i : i + _ROLE_LENGTH] for i in range(0, len(rest), _ROLE_LENGTH)]
    roles = (roles + ["", "", ""])[:3]
    return [code, _clean(text), country or "", known_group, "", "", "", *roles]


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def gdelt_row(event: dict[str, Any], *, day: dt.date | None, added: dt.datetime | None, url: str | None) -> list[str]:
    """The 61 cells of one event (a dict with the §3 fields plus ``idx``)."""
    if day is not None:
        sqldate, month_year, year = day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year)
        fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    else:
        sqldate = month_year = year = fraction = ""
    cameo = event["cameo"] or ""
    row = [
        str(global_event_id(event["doc"], event["idx"])), sqldate, month_year, year, fraction,
        *_actor(event["source"], event["source_country"], event["source_text"]),
        *_actor(event["target"], event["target_country"], event["target_text"]),
        "1" if event["sentence_index"] == 0 else "0",
        cameo, cameo[:3], event["root"] or "", str(event["quad_class"]), f"{event['goldstein']:.1f}",
        "1", "1", "1", "",
        *([""] * 24),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _clean(url),
    ]  # fmt: skip
    return row
