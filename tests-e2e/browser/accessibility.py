"""axe-core, injected into the page, for the browser journeys: zero serious or critical violations."""
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"


def accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical violations on what the page shows now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result if v["impact"] in ("serious", "critical")]
