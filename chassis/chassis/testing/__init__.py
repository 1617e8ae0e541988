"""Test fixtures every service's suite shares (registered as the pytest plugin ``fieldwork``)."""
