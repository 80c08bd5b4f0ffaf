from __future__ import annotations

import pytest

from facilitator_app.resources import form_path, resource_path


def test_resolves_bundled_files() -> None:
    assert resource_path("cards/psm-2021-2023.yml").is_file()
    assert resource_path("templates").is_dir()
    assert form_path("x.ui").parent.name == "forms"


@pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", "cards/../../x", "", "..\\x"])
def test_refuses_paths_that_leave_the_folder(name: str) -> None:
    with pytest.raises(ValueError, match="non ammesso"):
        resource_path(name)
