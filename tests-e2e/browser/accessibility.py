"""axe-core, injected into the page, for the browser journeys: zero serious or critical violations."""
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"


def accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical violations on what the page shows now."""
    # A dialog fading in has its colours mid-blend: axe judges the page once its transitions are over (a spinner
    # never ends; an animation cut short by the page is over too).
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => null)))""")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    # Each problem names the elements and axe's why (for contrast: the two colours and the ratio found).
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            f"{[(n['target'], n.get('failureSummary', '')) for n in v['nodes']][:3]}"
            for v in result if v["impact"] in ("serious", "critical")]
