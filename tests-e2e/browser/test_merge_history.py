"""Merge two customers in the page, then undo it from the merge history: the records move and come back."""
from playwright.sync_api import expect

from browser.accessibility import accessibility_problems
from polling import eventually


def ids(demo, customer_id, records):
    return {r["id"] for r in demo.get(f"/customers/{customer_id}/{records}?limit=100")["items"]}


def test_merge_then_undo_from_the_merge_history(page, demo, screenshots):
    everyone = demo.customers()
    target = everyone[0]
    duplicate = next(c for c in everyone[1:] if ids(demo, c["id"], "jobs") and ids(demo, c["id"], "invoices"))
    before = {kind: (ids(demo, target["id"], kind), ids(demo, duplicate["id"], kind)) for kind in ("jobs", "invoices")}

    page.goto(f"/customers/{target['id']}")
    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Merge…").click()
    dialog = page.get_by_role("dialog", name="Merge a duplicate into this customer")
    dialog.get_by_label("Find a customer").fill(duplicate["number"])
    dialog.get_by_role("radio", name=f"{duplicate['display_name']} ({duplicate['number']})", exact=False).check()
    dialog.get_by_role("button", name="Merge").click()
    expect(page.get_by_text(f"{duplicate['display_name']} merged into {target['display_name']}")).to_be_visible()
    for kind, (ours, theirs) in before.items():
        eventually(lambda: ids(demo, target["id"], kind) == ours | theirs or None, seconds=30)

    page.get_by_role("button", name="Actions").click()
    page.get_by_role("menuitem", name="Merge history").click()
    history = page.get_by_role("dialog", name="Merge history")
    label = f"{duplicate['display_name']} ({duplicate['number']})"
    row = history.get_by_role("row").filter(has_text=label)
    expect(row).to_contain_text("office@example.com")
    row.get_by_role("button", name=f"Undo merge of {label}").click()
    confirm = history.get_by_role("group", name=f"Undo the merge of {label}?")
    expect(confirm).to_be_visible()
    expect(page.get_by_role("menu")).to_have_count(0)
    assert accessibility_problems(page) == []
    page.screenshot(path=str(screenshots / "merge-history.png"))
    confirm.get_by_role("button", name="Yes, undo").click()
    expect(row).to_contain_text("Undone")

    [merge] = demo.get(f"/customers/{target['id']}/merges")["items"]
    assert merge["duplicate_id"] == duplicate["id"] and merge["undone_at"]
    assert demo.get(f"/customers/{duplicate['id']}/workspace")["merged_into"] is None
    for kind, (ours, theirs) in before.items():
        eventually(lambda: (ids(demo, target["id"], kind) == ours and ids(demo, duplicate["id"], kind) == theirs) or None,
                   seconds=30)
