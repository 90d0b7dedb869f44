"""The first pictures a researcher asks for, drawn at release time into static SVG files of the
reading view: acts of speech by month and stance, and who met whom.

Drawn with matplotlib (Agg, text kept as text) with fixed metadata and a fixed `svg.hashsalt`,
so the same tables give the same bytes. An act of speech is an utterance, counted once however
many articles report it; a date known only to the year has no month and is left out (the
caption says how many).
"""

from __future__ import annotations

import io
import math
from typing import Any

STANCE_COLOURS = ("#b2182b", "#2166ac", "#999999", "#dddddd")
"""One colour per stance code, in schema order (colour-blind safe red, blue, greys)."""
SVG_SETTINGS = {"svg.hashsalt": "iraq-presence", "svg.fonttype": "none", "font.family": "DejaVu Sans"}


def _svg(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def stance_by_month(frames: dict[str, Any]) -> tuple[Any, int]:
    """(acts of speech per month and stance, the number of acts left out for want of a month)."""
    import pandas as pd

    utt = frames["utterances"]
    dated = utt[utt["said_date_precision"].astype("object").isin(["day", "month"])]
    acts = (
        frames["statements"][["utterance_id", "stance_us_presence"]]
        .drop_duplicates()
        .merge(dated[["utterance_id", "said_date"]], on="utterance_id")
    )
    acts["month"] = pd.to_datetime(acts["said_date"]).dt.to_period("M")
    table = acts.groupby(["month", "stance_us_presence"], observed=False).size().unstack(fill_value=0)
    return table, len(utt) - len(dated)


def timeline_svg(frames: dict[str, Any], labels: dict[str, str]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    table, undated = stance_by_month(frames)
    with plt.rc_context(SVG_SETTINGS):
        fig, ax = plt.subplots(figsize=(8, 3.2))
        positions = list(range(len(table)))
        bottom = [0] * len(table)
        for stance, colour in zip(table.columns, STANCE_COLOURS, strict=False):
            values = table[stance].tolist()
            ax.bar(positions, values, bottom=bottom, color=colour, label=labels.get(str(stance), str(stance)))
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(positions, [str(m) for m in table.index], rotation=45, ha="right", fontsize=8)
        ax.set_ylabel("acts of speech")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Acts of speech by month and stance toward the US presence", fontsize=10)
        ax.legend(fontsize=7, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        fig.text(
            0,
            -0.08,
            f"Months with a dated act of speech; {undated} acts dated only to the year or undated "
            "are left out. An act reported by several articles counts once.",
            fontsize=7,
        )
        return _svg(fig)


def network_svg(frames: dict[str, Any]) -> bytes:
    """Who met whom: actors on a circle (in name order), a line for each pair that met, as thick as
    the number of meetings they shared."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = frames["actors"].set_index("actor_id")["name"]
    parts = frames["meeting_participants"]
    pairs: dict[tuple[str, str], int] = {}
    for _, group in parts.groupby("meeting_id", observed=True):
        ids = sorted(set(group["actor_id"]))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    people = sorted({a for pair in pairs for a in pair}, key=lambda a: names[a])
    where = {
        a: (math.cos(2 * math.pi * i / max(len(people), 1)), math.sin(2 * math.pi * i / max(len(people), 1)))
        for i, a in enumerate(people)
    }
    with plt.rc_context(SVG_SETTINGS):
        fig, ax = plt.subplots(figsize=(7, 7))
        for (a, b), n in sorted(pairs.items()):
            ax.plot(*zip(where[a], where[b], strict=True), color="#4477aa", linewidth=0.8 * n, alpha=0.7)
        for a, (x, y) in where.items():
            ax.plot(x, y, "o", color="#222222", markersize=4)
            ax.text(x * 1.08, y * 1.08, names[a], fontsize=7, ha="left" if x >= 0 else "right", va="center")
        ax.set_xlim(-1.9, 1.9)
        ax.set_ylim(-1.3, 1.3)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title("Who met whom (meetings the articles report)", fontsize=10)
        return _svg(fig)
