"""A request whose transaction loses a deadlock (PostgreSQL's own error, raised in the database) is run again whole:
what the lost try wrote is gone, what the winning try wrote stays; one that keeps losing is a 503, not a 500."""
from sqlalchemy import func, select

from toy_service.service import CONTENDED, Widget


def _widgets(app, name: str) -> int:
    with app.extensions["fieldwork"].database.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Widget).where(Widget.name == name)).scalar()


def test_a_request_that_lost_a_deadlock_is_run_again_and_kept_once(app, client, auth):
    response = client.post("/widgets/contended?lose=1", json={"name": "lost once"}, headers=auth)
    assert response.status_code == 201, response.json
    first, second = CONTENDED["lost once"]
    assert response.json["id"] == str(second) != str(first)
    assert _widgets(app, "lost once") == 1


def test_a_request_that_keeps_losing_is_unavailable_and_writes_nothing(app, client, auth):
    response = client.post("/widgets/contended?lose=9", json={"name": "always losing"}, headers=auth)
    assert response.status_code == 503
    assert response.json["error"]["message"] == "The records were busy with other changes: try again."
    assert len(CONTENDED["always losing"]) == 3
    assert _widgets(app, "always losing") == 0
