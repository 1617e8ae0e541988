"""Where photo bytes live: a small storage interface with a local-directory default."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Protocol

# Keys are made by this service ("<account>/<photo>.jpg"); anything else is refused so no key can escape the root.
_SAFE_KEY = re.compile(r"^[0-9a-f-]{36}/[0-9a-f-]{36}(\.thumb)?\.[a-z]{3,4}$")


class PhotoStorage(Protocol):
    def save(self, key: str, data: bytes) -> None: ...

    def read(self, key: str) -> bytes: ...

    def delete(self, key: str) -> None: ...


class LocalDirectoryStorage:
    """Files under one directory; fine for one host, replace with object storage beyond it."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not _SAFE_KEY.match(key):
            raise ValueError(f"not a photo storage key: {key!r}")
        return self.root / key

    def save(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_bytes(data)
            os.replace(partial, path)  # readers never see half a file
        except BaseException:
            partial.unlink(missing_ok=True)  # a full disk or a failed rename leaves nothing behind
            raise

    def read(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
