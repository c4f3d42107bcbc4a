"""HitList: the search's hits drawn only where they are in view, one highlighted, a click picks one."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from coachtui.ui.review.hit_list import HitList


class Hits(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[int] = []
        self.picked: list[int] = []

    def compose(self) -> ComposeResult:
        yield HitList(id="hits")

    def draw(self, index: int, width: int) -> tuple[Content, Content]:
        self.drawn.append(index)
        return Content(f"hit {index} " + "where " * 30), Content(f"  text of {index}")

    def on_hit_list_picked(self, event: HitList.Picked) -> None:
        self.picked.append(event.index)


async def _fifty_hits(app: Hits, pilot) -> HitList:
    hits = app.query_one(HitList)
    hits.show(50, app.draw)
    await pilot.pause()
    return hits


def _text(app: Hits) -> list[str]:
    hits = app.query_one(HitList)
    return [hits.render_line(y).text for y in range(hits.size.height)]


async def test_only_the_hits_in_view_are_drawn_and_each_line_is_cut_to_the_width() -> None:
    app = Hits()
    async with app.run_test(size=(40, 10)) as pilot:
        hits = await _fifty_hits(app, pilot)
        assert sorted(set(app.drawn)) == [0, 1, 2, 3, 4]  # 10 lines: 5 hits of 2 lines
        lines = _text(app)
        assert lines[0].startswith(" hit 0 where") and lines[0].rstrip().endswith("…")
        assert all(len(line) == hits.scrollable_content_region.width for line in lines)
        assert lines[1].strip() == "text of 0"
        assert hits.highlighted == 0


async def test_moving_the_highlight_scrolls_it_into_view_and_stops_at_the_ends() -> None:
    app = Hits()
    async with app.run_test(size=(40, 10)) as pilot:
        hits = await _fifty_hits(app, pilot)
        hits.move(10)
        await pilot.pause()
        assert hits.highlighted == 10
        assert any(line.strip() == "text of 10" for line in _text(app))
        assert 10 in app.drawn and 30 not in app.drawn
        hits.move(100)
        hits.move(-1000)
        assert hits.highlighted == 0
        hits.show(0, app.draw)
        assert hits.highlighted is None and hits.count == 0


async def test_a_click_picks_the_hit_under_it() -> None:
    app = Hits()
    async with app.run_test(size=(40, 10)) as pilot:
        hits = await _fifty_hits(app, pilot)
        await pilot.click(HitList, offset=(3, 5))  # the second line of hit 2
        await pilot.pause()
        assert app.picked == [2] and hits.highlighted == 2
