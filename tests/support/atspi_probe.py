"""AT-SPI probe: what a screen reader (Orca) sees of the app, driven by JSON lines on stdin.

Runs in the *system* Python (Debian python3-gi + gir1.2-atspi-2.0), not in the venv; started by
tests/support/atspi.py. Each request is one JSON object per line; each answer is one JSON line.
Requests: {"cmd": "tree"}, {"cmd": "key", "key": "Tab", "settle": 0.5, "wait_focus": 3}, {"cmd": "focused"},
{"cmd": "events"}, {"cmd": "node", "path": [0, 1], "full_text": true}, {"cmd": "sleep", "seconds": 1},
{"cmd": "quit"}. Events recorded between requests: focus changes, showing, announcements, caret moves.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

TEXT_LIMIT = 400
STATES = list(Atspi.StateType.__enum_values__.values())


def _states(node) -> list[str]:
    state_set = node.get_state_set()
    return [s.value_nick for s in STATES if state_set.contains(s)]


def describe(node, path=None, full_text=False) -> dict:
    record = {"role": node.get_role_name(), "name": node.get_name() or "",
              "description": node.get_description() or "", "states": _states(node)}
    try:
        record["attributes"] = dict(node.get_attributes() or {})
    except Exception:  # noqa: BLE001 - a node can vanish while we read it
        record["attributes"] = {}
    interfaces = list(node.get_interfaces())
    record["interfaces"] = interfaces
    if "Text" in interfaces:
        try:
            count = node.get_character_count()
            record["char_count"] = count
            record["text"] = node.get_text(0, count if full_text else min(count, TEXT_LIMIT))
            record["caret"] = node.get_caret_offset()
        except Exception as exc:  # noqa: BLE001
            record["text"] = f"<unreadable: {exc}>"
    if "Component" in interfaces:
        try:
            ext = node.get_extents(Atspi.CoordType.SCREEN)
            record["extents"] = [ext.x, ext.y, ext.width, ext.height]
        except Exception:  # noqa: BLE001
            pass
    if path is not None:
        record["path"] = path
    return record


def walk(node, path, out, limit=4000) -> None:
    if len(out) >= limit:
        return
    out.append(describe(node, path))
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            walk(child, [*path, i], out, limit)


def find_app(title: str):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        for j in range(app.get_child_count() if app else 0):
            window = app.get_child_at_index(j)
            if window and re.search(title, window.get_name() or ""):
                return app
    return None


def node_at(app, path):
    node = app
    for i in path:
        node = node.get_child_at_index(i)
    return node


class Probe:
    def __init__(self, app) -> None:
        self.app = app
        self.events: list[dict] = []
        self.last_focus: dict | None = None
        self.focus_count = 0
        self.listener = Atspi.EventListener.new(self.on_event)
        for kind in ("object:state-changed:focused", "object:state-changed:showing", "object:announcement",
                     "object:property-change:accessible-name", "object:property-change:accessible-description",
                     "object:text-caret-moved", "window:activate"):
            self.listener.register(kind)

    def on_event(self, event) -> None:
        try:
            if event.type.startswith("object:state-changed") and not event.detail1:
                return
            record = {"type": event.type, "detail1": event.detail1}
            if event.type in ("object:announcement", "object:property-change:accessible-description"):
                record["text"] = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
            record["source"] = describe(event.source)
            if event.type.endswith(":focused"):
                self.last_focus = record["source"]
                self.focus_count += 1
            self.events.append(record)
        except Exception as exc:  # noqa: BLE001 - the source may be gone already
            self.events.append({"type": event.type, "error": str(exc)})

    def focused(self):
        nodes: list[dict] = []
        walk(self.app, [], nodes)
        hits = [n for n in nodes if "focused" in n["states"] and "focusable" in n["states"]]
        return hits[-1] if hits else None

    def handle(self, request: dict, reply) -> None:
        cmd = request["cmd"]
        if cmd == "tree":
            nodes: list[dict] = []
            walk(self.app, [], nodes)
            reply({"nodes": nodes})
        elif cmd == "key":
            before = self.focus_count
            subprocess.run(["xdotool", "key", "--clearmodifiers", request["key"]], check=False)
            deadline = time.monotonic() + request.get("settle", 0.5) + request.get("wait_focus", 0.0)
            settle_until = time.monotonic() + request.get("settle", 0.5)

            def check() -> bool:
                now = time.monotonic()
                waiting = request.get("wait_focus", 0.0) and self.focus_count == before
                if now < settle_until or (waiting and now < deadline):
                    return True
                reply({"focus": self.last_focus, "focused": self.focused()})
                return False

            GLib.timeout_add(50, check)
        elif cmd == "type":
            subprocess.run(["xdotool", "type", "--delay", "60", request["text"]], check=False)
            GLib.timeout_add(int(request.get("settle", 0.5) * 1000), lambda: (reply({}), False)[1])
        elif cmd == "focused":
            reply({"focus": self.last_focus, "focused": self.focused()})
        elif cmd == "events":
            events, self.events = self.events, []
            reply({"events": events})
        elif cmd == "node":
            reply({"node": describe(node_at(self.app, request["path"]), request["path"],
                                    request.get("full_text", False))})
        elif cmd == "sleep":
            GLib.timeout_add(int(request["seconds"] * 1000), lambda: (reply({}), False)[1])
        elif cmd == "quit":
            reply({})
            Atspi.event_quit()
        else:
            reply({"error": f"unknown command {cmd!r}"})


def main() -> int:
    title, timeout = sys.argv[1], float(sys.argv[2])
    deadline = time.monotonic() + timeout
    app = None
    while time.monotonic() < deadline:
        app = find_app(title)
        if app:
            break
        time.sleep(0.1)
    if app is None:
        print(json.dumps({"error": f"no window titled {title!r} in the accessibility tree"}), flush=True)
        return 2
    probe = Probe(app)

    def reply(obj: dict) -> None:
        print(json.dumps(obj, ensure_ascii=False), flush=True)

    def on_stdin(channel, _condition) -> bool:
        line = channel.readline()
        if not line:
            Atspi.event_quit()
            return False
        try:
            probe.handle(json.loads(line), reply)
        except Exception as exc:  # noqa: BLE001 - report, keep serving
            reply({"error": f"{type(exc).__name__}: {exc}"})
        return True

    stdin = GLib.IOChannel.unix_new(sys.stdin.fileno())
    GLib.io_add_watch(stdin, GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN | GLib.IOCondition.HUP, on_stdin)
    reply({"ready": True})
    Atspi.event_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
