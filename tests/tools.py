"""Tests that need an outside tool skip without it, unless CI demands every tool."""

import os

import pytest


def require_tool(available, what):
    if available:
        return
    if os.environ.get("REQUIRE_TOOLS"):
        pytest.fail(f"REQUIRE_TOOLS is set but this is missing: {what}")
    pytest.skip(f"missing: {what}")
