"""Every page type is valid HTML (Nu Html Checker) and the sheet page stays light."""

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from .pages import PAGE_TYPES
from .tools import require_tool

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"
SHEET_WEIGHT_BUDGET = 60 * 1024  # HTML + CSS + JS, compressed


def test_every_page_type_is_valid_html(client, fixture_sheets, tmp_path):
    require_tool(VNU_JAR.exists() and shutil.which("java"), "npm ci (vnu-jar) and Java")
    for name, url in PAGE_TYPES.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(url).content)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "text", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sheet_page_weighs_less_than_its_budget(client, fixture_sheets):
    html = client.get("/metiers/coo/").content
    static = [Path(finders.find("css/site.css")).read_bytes()]
    weight = sum(len(gzip.compress(body)) for body in [html, *static])
    assert weight < SHEET_WEIGHT_BUDGET, f"{weight} bytes"
