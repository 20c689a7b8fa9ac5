"""The packaged CAMEO table: complete, consistent with the quad-class rule, with PLOVER types."""

from kuroshio.events.ontology import cameo_codes, lookup, quad_class_of_root


def test_every_root_and_its_codes_are_present():
    codes = cameo_codes()
    roots = {c.root for c in codes.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) >= 300


def test_codes_are_consistent():
    for code, entry in cameo_codes().items():
        assert code.startswith(entry.root)
        assert entry.quad_class == quad_class_of_root(entry.root)
        assert -10.0 <= entry.goldstein <= 10.0


def test_known_facts():
    assert (lookup("042").goldstein, lookup("042").plover, lookup("042").quad_class) == (1.9, "CONSULT", 1)
    assert lookup("111").plover == "ACCUSE" and lookup("111").quad_class == 3
    assert lookup("195").goldstein == -10.0 and lookup("195").quad_class == 4
    assert lookup("0312").root == "03"


def test_plover_types_for_every_root_but_public_statements():
    for entry in cameo_codes().values():
        if entry.root != "01":
            assert entry.plover, entry.code
