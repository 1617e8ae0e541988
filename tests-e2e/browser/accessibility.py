"""axe-core, injected into the page, for the browser journeys: zero serious or critical violations."""
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"


def accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical violations on what the page shows now."""
    # A dialog fading in has its colours mid-blend: axe judges the page once it has settled. Mantine starts a
    # transition a frame after the element appears, so the page is looked at over two frames until nothing finite
    # runs (a spinner never ends; an animation cut short is over too).
    page.evaluate("""async () => {
        const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        for (let look = 0; look < 20; look++) {
            await frames();
            const running = document.getAnimations().filter((animation) => animation.playState === "running"
                && animation.effect?.getComputedTiming().endTime !== Infinity);
            if (!running.length) return;
            await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
        }
    }""")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    # Each problem names the elements and axe's why (for contrast: the two colours and the ratio found).
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            f"{[(n['target'], n.get('failureSummary', '')) for n in v['nodes']][:3]}"
            for v in result if v["impact"] in ("serious", "critical")]
