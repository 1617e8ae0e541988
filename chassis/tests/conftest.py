import pytest

from toy_service.service import SPEC


@pytest.fixture(scope="session")
def app(make_app):
    return make_app(SPEC)


@pytest.fixture
def client(app):
    return app.test_client()
