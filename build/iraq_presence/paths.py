"""Where things live in a repository checkout (or in a downloaded release)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    """The folders of a repository; every path the pipeline touches derives from `root`."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def raw(self) -> Path:
        return self.data / "raw"

    @property
    def sums(self) -> Path:
        return self.raw / "SHA256SUMS"

    @property
    def curation(self) -> Path:
        return self.data / "curation"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    @property
    def descriptor(self) -> Path:
        return self.root / "datapackage.json"

    @property
    def parquet_descriptor(self) -> Path:
        return self.root / "datapackage.parquet.json"

    @property
    def local(self) -> Path:
        """This checkout's own state (the write lock, the build cache): git-ignored, never published."""
        return self.root / ".cache"

    def local_is_inside(self) -> bool:
        """`.cache/` is absent or a real folder, not a link leading elsewhere: nothing is written through it."""
        return not self.local.is_symlink() and (not self.local.exists() or self.local.is_dir())

    @property
    def lock(self) -> Path:
        """Held by the command writing the repository."""
        return self.local / "dataset.lock"

    @property
    def cache(self) -> Path:
        """Per-article build results, by input hash; always safe to delete."""
        return self.local / "build"


def find_root(start: Path | None = None) -> Path:
    """The nearest folder upward holding `schemas/` and `data/` (the repository root)."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "schemas").is_dir() and (candidate / "data").is_dir():
            return candidate
    raise FileNotFoundError(f"no repository root (a folder with schemas/ and data/) at or above {here}")
