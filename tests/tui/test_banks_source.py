"""The banks screen says where an imported bank came from."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from quizapp.core.importers.markdown import parse_markdown
from quizapp.core.importers.writer import Options, Source, build_bank
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.banks import BanksScreen
from tests.helpers import GOOD_BANK
from tests.tui.conftest import make_context_for

SOURCE = (
    "# Edge [bold]services[/]\n\n### Which is a CDN?\n\n- [x] Amazon CloudFront\n- [ ] Amazon RDS\n"
)


async def test_an_imported_bank_shows_its_source_and_a_written_one_does_not(
    tmp_path: Path,
) -> None:
    built = build_bank(
        [Source("edge.md", parse_markdown(SOURCE))],
        Options("edge", "Edge [bold]services[/]", "markdown"),
    )
    assert built.text is not None
    (tmp_path / "edge.yaml").write_text(built.text, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD_BANK, encoding="utf-8")
    app = QuizApp(make_context_for(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BanksScreen)
        table = app.screen.query_one("#banks", DataTable)
        titles = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[3]) for i in range(2)}
        assert titles["edge"] == "Edge [bold]services[/] (imported from edge.md (Markdown))"
        assert "imported" not in titles[next(k for k in titles if k != "edge")]
