"""Take the report away: an audiobook (export.audio) and a large-print PDF with pinyin (export.pdf).

Nothing here imports widgets; the PDF pages are painted by ui/print_layout.py, which reuses the
reader's own ruby layout, and export.pdf adds the outline and the note links to what it painted.
"""

from __future__ import annotations

import os
from pathlib import Path


def _umask() -> int:
    try:  # Linux ≥ 4.7 reports it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def share_like_a_new_file(path: Path) -> None:
    """Exports are the user's documents: give them the mode a new file gets (atomic writes make them 0600)."""
    os.chmod(path, 0o666 & ~_umask())
