"""The optional statistical NER: used where named and installed, never required."""
from __future__ import annotations

import warnings

import pytest

from kg.nlp.components.statistical import load_model, model_name


def test_no_model_named_means_rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_SPACY_MODEL_PT", raising=False)
    assert model_name("pt") is None and load_model("pt") is None


def test_named_but_missing_model_warns_and_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SPACY_MODEL_ES", "no_such_spacy_pipeline_xx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_model("es") is None
    assert any("no_such_spacy_pipeline_xx" in str(w.message) for w in caught)
