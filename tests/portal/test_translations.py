"""English catalogues: every Russian string translated and the .mo files up to date."""

import gettext
import subprocess
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path for path in ROOT.glob("*/locale/en/LC_MESSAGES/django.po") if ".venv" not in path.parts
)


def test_there_are_catalogues():
    assert {path.parts[-5] for path in CATALOGUES} >= {"portal", "home", "search"}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parts[-5])
def test_catalogue_is_complete_and_compiled(po, tmp_path):
    compiled = tmp_path / "django.mo"
    result = subprocess.run(  # noqa: S603 - fixed tool and arguments
        ["msgfmt", "--check", "--statistics", "-o", str(compiled), str(po)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr

    committed = po.with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run `make messages`"
    with compiled.open("rb") as fresh, committed.open("rb") as stored:
        assert (
            gettext.GNUTranslations(stored)._catalog == gettext.GNUTranslations(fresh)._catalog
        ), f"{committed} is stale: run `make messages`"


@override_settings(LANGUAGE_CODE="ru")
def test_interface_strings_switch_language():
    from django.utils.translation import gettext as _

    with translation.override("en"):
        assert _("Перейти к содержимому") == "Skip to content"
    with translation.override("ru"):
        assert _("Перейти к содержимому") == "Перейти к содержимому"
