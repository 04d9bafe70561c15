"""How large the menus, toolbar, panels, bars and dialogs are: following the text size in steps, or chosen.

People who read at 48–96 pt cannot read a 14 pt menu or status bar either. By default the interface grows
with the text, in steps that keep it well below the text (which keeps the room); the reader may also pick
a size of their own. One policy for the whole interface, applied in one place (ui/interface_size.py).
"""

from __future__ import annotations

FOLLOW_TEXT = 0  # the interface_size setting's value meaning "follow the text size"
# (largest text size in points, interface size in points for it)
FOLLOW_STEPS: tuple[tuple[int, int], ...] = ((20, 15), (28, 16), (40, 18), (56, 20), (72, 24), (96, 28))
CHOICES: tuple[int, ...] = (15, 16, 18, 20, 24, 28, 32, 36, 40)  # sizes the reader can choose


def interface_points(text_pt: int, chosen: int = FOLLOW_TEXT) -> int:
    """The interface size for this text size, or the reader's own choice when there is one."""
    if chosen != FOLLOW_TEXT:
        return chosen
    return next((points for up_to, points in FOLLOW_STEPS if text_pt <= up_to), FOLLOW_STEPS[-1][1])


def step_interface(current: int, direction: int) -> int:
    """The next chosen size up (direction > 0) or down from ``current``; stays at the ends."""
    if direction > 0:
        return next((c for c in CHOICES if c > current), CHOICES[-1])
    return next((c for c in reversed(CHOICES) if c < current), CHOICES[0])
