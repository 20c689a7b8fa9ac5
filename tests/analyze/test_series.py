"""Dyad series, network, top actors and dyads, timelines: exact numbers on small hand-made stores."""

from __future__ import annotations

import datetime as dt

import pytest

from kuroshio.analyze.series import next_period, period_label, period_start
from kuroshio.errors import UsageError

# Goldstein values: 042 +1.9 (q1), 057 +8.0 (q1), 061 +6.4 (q2), 112 -2.0 (q3), 173 -5.0 (q4), 190 -10.0 (q4).


@pytest.fixture
def dyads(store, factory):
    store.add(
        factory.make_document(
            "a",
            [
                ("KORGOV", "JPN", "042", "2019-07-04"),
                ("JPN", "KOR", "112", "2019-07-10"),
                ("JPNGOV", "KORGOV", "173", "2019-09-01"),
                ("KOR", "JPN", "057", "2019-09"),
                ("KOR", "JPN", "061", "2019"),  # year precision: in year series only
                ("KOR", "JPN", "190", "2019-09-03", "hypothetical"),
            ],
        )
    )
    store.add(factory.make_document("b", [("CHN", "USA", "112", "2019-07-05"), ("USA", "CHN", "190", "2019-08-01")]))
    store.add(factory.make_document("c", [("USA", "USA", "042", "2019-07-05"), ("PRK", None, "061", "2019-07-05")]))
    return store


def test_month_series_counts_quads_and_goldstein(dyads):
    rows = dyads.dyad_series("KOR", "JPN")
    assert [r["period"] for r in rows] == ["2019-07", "2019-08", "2019-09"]
    july, august, september = rows
    assert (july["events"], july["q1"], july["q3"]) == (2, 1, 1)
    assert july["goldstein_sum"] == pytest.approx(-0.1)
    assert july["goldstein_mean"] == pytest.approx(-0.05)
    assert august == {
        "period": "2019-08", "start": "2019-08-01", "events": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0,
        "goldstein_mean": None, "goldstein_sum": 0.0,
    }  # fmt: skip
    assert (september["events"], september["q1"], september["q4"]) == (2, 1, 1)
    assert september["goldstein_mean"] == pytest.approx(1.5)


def test_directions(dyads):
    ab = dyads.dyad_series("KOR", "JPN", direction="ab")
    ba = dyads.dyad_series("KOR", "JPN", direction="ba")
    assert [r["events"] for r in ab] == [1, 0, 1]  # 042 in July, 057 in September
    assert [r["events"] for r in ba] == [1, 0, 1]  # 112 in July, 173 in September
    assert [r["events"] for r in dyads.dyad_series("JPN", "KOR", direction="ab")] == [1, 0, 1]


def test_actor_codes_narrow_the_dyad(dyads):
    rows = dyads.dyad_series("KORGOV", "JPN")
    assert sum(r["events"] for r in rows) == 2  # KORGOV->JPN 042 and JPNGOV->KORGOV 173
    rows = dyads.dyad_series("KORGOV", "JPNGOV", direction="ba")
    assert sum(r["events"] for r in rows) == 1


def test_precision_and_modes(dyads):
    years = dyads.dyad_series("KOR", "JPN", freq="year")
    assert years == [
        {"period": "2019", "start": "2019-01-01", "events": 5, "q1": 2, "q2": 1, "q3": 1, "q4": 1,
         "goldstein_mean": pytest.approx((1.9 - 2.0 - 5.0 + 8.0 + 6.4) / 5), "goldstein_sum": pytest.approx(9.3)},
    ]  # fmt: skip
    every_mode = dyads.dyad_series("KOR", "JPN", freq="year", mode=None)
    assert every_mode[0]["events"] == 6
    weeks = dyads.dyad_series("KOR", "JPN", freq="week")
    assert sum(r["events"] for r in weeks) == 3  # the 2019-09 event is not precise enough for a week
    assert weeks[0]["period"] == "2019-W27" and weeks[0]["start"] == "2019-07-01"


def test_since_until_fill_the_whole_range(dyads):
    rows = dyads.dyad_series("KOR", "JPN", freq="quarter", since="2019-01", until="2020-06-30")
    assert [r["period"] for r in rows] == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2"]
    assert [r["events"] for r in rows] == [0, 0, 4, 0, 0, 0]
    assert dyads.dyad_series("KOR", "CHN") == []
    sparse = dyads.dyad_series("KOR", "JPN", freq="quarter", since="2019-01", until="2020-06-30", fill=False)
    assert [(r["period"], r["events"]) for r in sparse] == [("2019-Q3", 4)]


def test_bad_series_arguments(dyads):
    with pytest.raises(UsageError, match="freq"):
        dyads.dyad_series("KOR", "JPN", freq="day")
    with pytest.raises(UsageError, match="direction"):
        dyads.dyad_series("KOR", "JPN", direction="sideways")


@pytest.mark.parametrize(
    ("day", "freq", "label", "start", "following"),
    [
        (dt.date(2025, 8, 15), "month", "2025-08", dt.date(2025, 8, 1), dt.date(2025, 9, 1)),
        (dt.date(2025, 12, 31), "month", "2025-12", dt.date(2025, 12, 1), dt.date(2026, 1, 1)),
        (dt.date(2025, 11, 5), "quarter", "2025-Q4", dt.date(2025, 10, 1), dt.date(2026, 1, 1)),
        (dt.date(2025, 8, 15), "year", "2025", dt.date(2025, 1, 1), dt.date(2026, 1, 1)),
        (dt.date(2024, 12, 31), "week", "2025-W01", dt.date(2024, 12, 30), dt.date(2025, 1, 6)),
    ],
)
def test_periods(day, freq, label, start, following):
    assert period_start(day, freq) == start
    assert period_label(start, freq) == label
    assert next_period(start, freq) == following


def test_network(dyads):
    net = dyads.network()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert set(edges) == {("KOR", "JPN"), ("JPN", "KOR"), ("CHN", "USA"), ("USA", "CHN"), ("USA", "USA")}
    assert edges[("KOR", "JPN")]["events"] == 3  # 042, 057, 061 (the hypothetical 190 is not actual)
    assert edges[("JPN", "KOR")]["goldstein_mean"] == pytest.approx(-3.5)
    nodes = {n["id"]: n["events"] for n in net["nodes"]}
    assert nodes == {"KOR": 5, "JPN": 5, "USA": 3, "CHN": 2}
    assert {(e["source"], e["target"]) for e in dyads.network(domestic=False)["edges"]} == set(edges) - {("USA", "USA")}
    assert [(e["source"], e["target"]) for e in dyads.network(min_count=2)["edges"]] == [("KOR", "JPN"), ("JPN", "KOR")]
    actors = {(e["source"], e["target"]) for e in dyads.network(level="actor")["edges"]}
    assert ("KORGOV", "JPN") in actors and ("JPNGOV", "KORGOV") in actors
    assert dyads.network(since="2019-08")["nodes"][0]["id"] in {"USA", "CHN", "KOR", "JPN"}
    with pytest.raises(UsageError):
        dyads.network(level="city")


def test_top_dyads_and_actors(dyads):
    top = dyads.top_dyads(2)
    assert [(d["source"], d["target"], d["events"]) for d in top] == [("KOR", "JPN", 3), ("JPN", "KOR", 2)]
    actors = dyads.top_actors(3)
    assert actors[0] == {"actor": "JPN", "events": 5, "as_source": 2, "as_target": 3,
                         "goldstein_mean": pytest.approx((1.9 - 2.0 - 5.0 + 8.0 + 6.4) / 5)}  # fmt: skip
    assert [a["actor"] for a in actors] == ["JPN", "KOR", "USA"]


def test_timeline_has_evidence_in_date_order(dyads):
    events = dyads.timeline("KOR", "JPN")
    assert [e.date for e in events] == ["2019", "2019-07-04", "2019-07-10", "2019-09-01", "2019-09", "2019-09-03"]
    assert all(e.sentence for e in events)
    assert [e.cameo for e in dyads.timeline("KOR", "JPN", mode="actual", since="2019-09")] == ["173", "057"]
    assert len(dyads.timeline("KOR", "JPN", limit=2)) == 2
