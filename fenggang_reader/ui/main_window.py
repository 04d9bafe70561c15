"""The main window: the reader, the contents panel, the find bar, menus and a large-button toolbar, and the
features built on them.

What the window is made of is read from ``MainWindow.__init__``: each part and each feature is a typed
attribute constructed with what it needs; a feature wires its own actions, and every signal between two
features is connected in ``_connect_features``. It wires the navigation and view actions (ui/actions.py)
itself and keeps settings and the reading position saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.document_places import DocumentSource, PlaceMemory, RecentPlace, SettingsPlace
from ..core.events import NULL_LOG, EventLog
from ..core.model import Report
from ..core.pinyin import Annotator, PinyinStyle
from ..core.reading_place import TextPlace, format_place, nearest_block, resolve_place
from ..core.recent_documents import RecentDocuments
from ..core.search import Match, find_all
from ..core.settings import Settings
from .accessibility import Accessibility
from .actions import ACTIONS, MENUS, build_actions, retranslate_action
from .comfort import Comfort
from .contents_drawer import ContentsDrawer
from .contents_panel import ContentsPanel
from .dialog_fit import DialogFit
from .document_opening import DocumentOpening
from .export_actions import LazyExports
from .find_bar import FindBar
from .forms import message_box
from .glossary import GlossaryFeature
from .guidance_bars import KeyHints
from .help_dialog import HelpDialog
from .interface_size import InterfaceSize, InterfaceSizeActions
from .languages import LanguageFeature
from .navigation import VisibleRange
from .orientation import Orientation, match_text
from .pronunciation_dialog import PronunciationFeature
from .qt_objects import asked
from .read_aloud_actions import LazyReadAloud
from .reader_view import DEFAULT_FONT_PT, MAX_FONT_PT, MIN_FONT_PT, ReaderView
from .screen_reader import ScreenReaderMode
from .simple_mode import SimpleMode
from .startup import StartUp
from .storage_warning import StorageWarnings
from .text_room import TextRoom
from .themes import ThemeChoice
from .window_fit import StatusRoom, ToolbarOverflow, fit_to_screen

if TYPE_CHECKING:
    from .read_aloud import ReadAloud

log = logging.getLogger(__name__)

FONT_STOPS = (12, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 88, 96)
TOOLBAR_ACTIONS = ("zoom_out", "zoom_in", "toggle_pinyin", "cycle_theme", "toggle_contents", "find", "help",
                   "speech_play_pause", "speech_stop")


def next_font_stop(points: int, direction: int) -> int:
    if direction > 0:
        return next((s for s in FONT_STOPS if s > points), MAX_FONT_PT)
    return next((s for s in reversed(FONT_STOPS) if s < points), MIN_FONT_PT)


class MainWindow(QMainWindow):
    """One window per report; everything the reader does is an action from the registry."""

    announced = Signal(str)
    retranslated = Signal()  # after a live language change: features re-set their own texts

    def __init__(self, report: Report, annotator: Annotator, settings: Settings,
                 events: EventLog = NULL_LOG, parent: QWidget | None = None, *,
                 source: DocumentSource | None = None, recent: RecentDocuments | None = None):
        super().__init__(parent)
        self._composed = False  # until every part exists: a language change then has nothing to retranslate
        self._quiet = False  # True while restoring settings: that is not news
        self.report = report
        self.settings = settings
        self.events = events
        self.source = source or DocumentSource()  # a file, or the shipped report
        self.recent = recent if recent is not None else RecentDocuments()  # File ▸ Recent documents
        # Where this document's reading place is kept: the settings for the shipped report, else its recent entry.
        self.places: PlaceMemory = (SettingsPlace(settings) if self.source.builtin
                                    else RecentPlace(self.recent, report.fingerprint))
        self.annotator = annotator  # the pinyin annotator, even while the view shows another ruby
        self._matches: list[Match] = []
        self._place_ready = False  # the saved reading place is only replaced once it was restored or left
        self.replaced = False  # another document's window took this one's place (ui/document_windows.py)
        self._match_index = -1
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.document_title())

        self.view = ReaderView(report, annotator, self)
        # Every part below may edit the text (links, spacing, theme, size), and Qt lays the text out after each edit
        # at the width of a view not yet shown, to lay it out again at show: the edits are laid out once, after the
        # last (ui/typesetting.py).
        with self.view.typesetting.one_layout():
            self.view.setAccessibleName(self.text_name())
            self.find_bar = FindBar(self)
            self.find_bar.hide()
            self.central = QWidget(self)
            self.body = QVBoxLayout(self.central)  # bars above the text (resume, simple mode) go in at the top
            self.body.setContentsMargins(0, 0, 0, 0)
            self.body.setSpacing(0)
            self.body.addWidget(self.view)
            self.body.addWidget(self.find_bar)
            self.setCentralWidget(self.central)

            self.contents = ContentsPanel(report, self)
            self.contents.setAccessibleName(QCoreApplication.translate("MainWindow", "Contents"))
            self.contents_dock = QDockWidget(QCoreApplication.translate("MainWindow", "Contents"), self)
            self.contents_dock.setObjectName("contentsDock")
            self.contents_dock.setWidget(self.contents)
            self.contents_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
            self.contents_dock.setMinimumWidth(300)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.contents_dock)

            self.position_label = QLabel(self)
            self.position_label.setObjectName("positionLabel")
            self.statusBar().addPermanentWidget(self.position_label)
            self.status_room = StatusRoom(self.statusBar(), self.position_label)  # long messages are not cut off

            self.actions_by_id = build_actions(self)
            self._build_menus()
            self._build_toolbar()
            self._connect()

            # -- the features: each wires its own actions; none looks for another ------------------------------
            self.interface_size = InterfaceSize(settings, self)  # first: the application font every part uses
            self.interface_size_actions = InterfaceSizeActions(self, self.interface_size)
            self.dialog_fit = DialogFit.for_application()  # every dialog and message box inside its screen, one an app
            self.themes = ThemeChoice(self)
            self.glossary = GlossaryFeature(self)
            self.language_feature = LanguageFeature(self)
            self.pronunciation = PronunciationFeature(self)
            self.read_aloud = LazyReadAloud(self)  # built just after the first paint, or at first use
            self.exports = LazyExports(self)  # built at first use
            self.opening = DocumentOpening(self)  # Open, paste, drop, recent: shown by ui/document_windows.py
            self.storage_warnings = StorageWarnings(self)
            self.comfort = Comfort(self, self.interface_size)
            self.contents_drawer = ContentsDrawer(self)  # the contents over the text when the column is narrow
            self.simple_mode = SimpleMode(self)
            self.startup = StartUp(self, speaker=self.read_aloud)
            self.key_hints = KeyHints(self)  # the first-start banner: Space, + / −, F1
            self.text_room = TextRoom(self)  # the banner, the toolbar, the bars give way to one whole line of text
            self.screen_reader = ScreenReaderMode(self)  # the keys a screen reader keeps; its presses reach it
            # what a screen reader hears on each move and message
            self.orientation = Orientation(self, self.read_aloud, self.screen_reader)
            self.accessibility = Accessibility(self, speaker=self.read_aloud)
            self._connect_features()

            self._quiet = True
            try:
                self._apply_settings()
            finally:
                self._quiet = False
        self.accessibility.name_everything()
        # The text has the keys from the window's first moment: a reader pressing PgDown as it appears, before its
        # first paint (restore_position sets the focus then), had the presses go to a window with no focus widget.
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._composed = True

    def document_title(self) -> str:
        """The window title: the document only. Qt adds the app's display name on Linux and Windows
        ("… — 凤岗读报 Fenggang Reader"), so a screen reader hears the app named once."""
        if self.source.path is None:
            return QCoreApplication.translate("MainWindow", "凤岗镇政府工作报告")
        return self.report.title.strip() or self.source.path.stem

    def text_name(self) -> str:
        """What a screen reader calls the text: the report's, or that of a document the reader brought."""
        if self.source.path is None:
            return QCoreApplication.translate("MainWindow", "Report text")
        return QCoreApplication.translate("MainWindow", "Document text")

    # -- construction --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        menus = {menu_id: self.menuBar().addMenu(QCoreApplication.translate("menus", title))
                 for menu_id, title in MENUS}
        self.menus = menus
        for spec in ACTIONS:
            action = self.actions_by_id[spec.id]
            menus[spec.menu].addAction(action)
            if spec.reader_keys:
                self.view.addAction(action)  # WidgetShortcut: active while the text has focus
            else:
                self.addAction(action)  # works with the menu bar hidden
        self.view.set_reserved_shortcuts(
            [QKeySequence(k) for spec in ACTIONS if spec.reader_keys for k in spec.shortcuts]
        )
        menus["speech"].menuAction().setVisible(bool(menus["speech"].actions()))

    def _build_toolbar(self) -> None:
        bar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)  # at the interface size (ui/interface_size)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        self.toolbar_overflow = ToolbarOverflow(bar)  # whole labels; what does not fit goes into »
        for action_id in TOOLBAR_ACTIONS:
            self.add_toolbar_action(action_id)

    def add_toolbar_action(self, action_id: str) -> QToolButton:
        """Add an action as a large, focusable, named button (addAction alone leaves it out of Tab)."""
        self.toolbar.addAction(self.actions_by_id[action_id])
        button = self.toolbar_button(action_id)
        action = self.actions_by_id[action_id]
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setMinimumSize(48, 48)
        button.setAccessibleName(action.text().replace("&", ""))
        button.setAccessibleDescription(action.statusTip())
        button.setObjectName(f"button_{action_id}")
        self.toolbar_overflow.watch(button)
        return button

    def open_find(self) -> None:
        """Ctrl+F: the find bar, its field focused and named aloud (with the real Orca, the field's focus alone was
        never spoken: a blind reader heard nothing after Ctrl+F)."""
        self.find_bar.open_bar()
        field = self.find_bar.field
        self.announce(f"{field.accessibleName()}. {field.accessibleDescription()}")

    def toolbar_button(self, action_id: str) -> QToolButton:
        """The toolbar's button for an action (ui/qt_objects: asked so that its wrapper is never a stale one)."""
        action = self.actions_by_id[action_id]
        button = asked(lambda: self.toolbar.widgetForAction(action), QToolButton)
        if button is None:
            raise LookupError(f"no toolbar button for {action_id}")
        return button

    def _connect(self) -> None:
        handlers: dict[str, Callable[[], object]] = {  # what they return is not used
            "next_paragraph": lambda: self.move_paragraph(1),
            "previous_paragraph": lambda: self.move_paragraph(-1),
            "next_heading": lambda: self.move_heading(1),
            "previous_heading": lambda: self.move_heading(-1),
            "go_start": lambda: self.go_to_index(0),
            "go_end": lambda: self.go_to_index(len(self.report.blocks) - 1),
            "page_down": lambda: self.page(1),
            "page_up": lambda: self.page(-1),
            "switch_panel": self.switch_panel,
            "find": self.open_find,
            "find_next": lambda: self.step_match(1),
            "find_previous": lambda: self.step_match(-1),
            "zoom_in": lambda: self.zoom(1),
            "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.set_font_size(DEFAULT_FONT_PT),
            "cycle_pinyin_style": self.cycle_pinyin_style,
            "full_screen": self.toggle_full_screen,
            "quit": self.close,
            "help": self.show_help,
            "where_am_i": self.where_am_i,
        }
        for action_id, handler in handlers.items():
            self.actions_by_id[action_id].triggered.connect(handler)
        self.actions_by_id["toggle_pinyin"].toggled.connect(self.set_pinyin_visible)
        self.actions_by_id["toggle_contents"].toggled.connect(self.set_contents_visible)
        self.contents_dock.visibilityChanged.connect(self._contents_visibility_changed)
        self.contents.block_activated.connect(self._contents_activated)
        self.contents.left.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.view.current_block_changed.connect(self._current_changed)
        self.view.font_size_changed.connect(self._font_size_changed)
        self.view.zoom_requested.connect(self.zoom)  # Ctrl+wheel: the same stops as + and −
        self.view.navigator.rested.connect(self._view_rested)
        self.find_bar.query_changed.connect(self.run_find)
        self.find_bar.next_requested.connect(lambda: self.step_match(1))
        self.find_bar.previous_requested.connect(lambda: self.step_match(-1))
        self.find_bar.closed.connect(self._find_closed)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self._save_soon_done)
        self.settings.subscribe(lambda _name, _value: self._save_timer.start())

    def _connect_features(self) -> None:
        """Every signal from one feature to another, in one place."""
        self.glossary.read_note_requested.connect(self.read_aloud.read_note)
        self.interface_size.changed.connect(self.comfort.fit_interface)
        self.interface_size.changed.connect(self.simple_mode.fit_interface)
        self.simple_mode.fit_interface(self.interface_size.points())
        read_aloud = self.read_aloud

        def connect_read_aloud(feature: ReadAloud) -> None:
            # New pinyin or respellings ("" = every block) change what is spoken: prepare the chunks again.
            self.pronunciation.changed.connect(feature.controller.invalidate)
            # Focus mode "line" follows the line being read.
            feature.controller.highlight.connect(self.comfort.follow_speech)

        read_aloud.when_built(connect_read_aloud)

    def _apply_settings(self) -> None:
        s = self.settings
        self.view.set_font_size(s["font_size"])
        self.view.set_pinyin_style(PinyinStyle(s["pinyin_style"]))
        self.actions_by_id["toggle_pinyin"].setChecked(s["pinyin_visible"])
        self.view.set_pinyin_visible(s["pinyin_visible"])
        self.themes.apply(s["theme"])
        docked = self.contents_docked_as_saved()
        self.actions_by_id["toggle_contents"].setChecked(docked)
        self.contents_dock.setVisible(docked)
        restored = bool(s["window_geometry"]) and self.restoreGeometry(
            QByteArray.fromBase64(s["window_geometry"].encode("ascii")))
        # A first window fits the screen (the app shows it maximised on a small one); a window saved on a
        # larger screen is clamped to this one.
        self.maximise_at_first_show = fit_to_screen(self, restored)
        if s["window_state"]:
            self.restoreState(QByteArray.fromBase64(s["window_state"].encode("ascii")))
            # The saved layout may be the drawer's; and where the panel is a drawer already (the geometry, restored
            # above, can make it one at once), a dock shown again would stand empty beside the text.
            self.contents_dock.setVisible(docked and not self.contents_drawer.active)
        self._update_position_label()

    def restore_position(self, offer: bool = False) -> None:
        """Reopen where the reader left off (call once the window is shown and laid out).

        With ``offer`` (the app's start), ``self.startup`` (ui/startup.py) may ask first; it returns True
        when it takes over and calls restore_position() again on "yes"."""
        if offer:
            self.key_hints.show_unless_hidden_before()  # Space, + / −, F1 until the reader hides them
        if offer and self.startup.on_start():
            return
        self._place_ready = True
        saved = self.places.saved()
        block_id = saved.current_block
        place = resolve_place(self.report, saved.reading_place)
        if place is None and block_id:  # saved before places were kept: the paragraph's start
            place = TextPlace(nearest_block(self.report, block_id), 0)
        if place is not None:
            y = saved.scroll_fraction * self.view.viewport().height()
            current = self.report.index_of(block_id) if self.report.get(block_id) is not None else place.index
            self.view.set_current_index(current, ensure_visible=False)
            self.view.navigator.restore_place(place, y)
            self._current_changed(self.report.blocks[current].id)
            self.view.viewport().update()
        else:  # nothing saved (a first start): the start, its first line whole even under the first-start banner
            self.view.navigator.restore_place(TextPlace(0, 0), 0.0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remember_place(self) -> None:
        if not self._place_ready:  # not yet restored (e.g. the resume question is open): keep the saved one
            return
        place, y = self.view.navigator.reading_place()
        fraction = round(max(0.0, min(1.0, y / max(1, self.view.viewport().height()))), 3)
        self.places.remember(replace(self.places.saved(), reading_place=format_place(self.report, place),
                                     scroll_fraction=fraction))

    def _view_rested(self, visible: VisibleRange | None) -> None:
        """The view came to rest: remember the reading place and log what is fully visible."""
        self._remember_place()
        if visible is None:
            self.events.emit("view.visible", **{"from": None, "to": None, "font_pt": self.view.font_size()})
            return
        blocks = self.report.blocks
        self.events.emit("view.visible", **{
            "from": {"block": blocks[visible.first.index].id, "offset": visible.first.offset},
            "to": {"block": blocks[visible.last.index].id, "offset": visible.last.offset},
            "font_pt": visible.font_pt})

    # -- navigation ----------------------------------------------------------------------------
    def go_to_index(self, index: int) -> None:
        self._place_ready = True
        self.view.set_current_index(index)

    def go_to_block(self, block_id: str) -> None:
        self.view.set_current_block(block_id)

    def page(self, direction: int) -> None:
        if not self.view.page(direction):
            QApplication.beep()
            self.announce(QCoreApplication.translate("MainWindow", "End of the document.") if direction > 0
                          else QCoreApplication.translate("MainWindow", "Start of the document."))

    def move_paragraph(self, step: int) -> None:
        """Down/Up: the next screen of a paragraph taller than the window, else the next paragraph.

        In screen-reader mode always the next paragraph: it is said whole, and a screen turned would be silent."""
        if self.screen_reader.active:
            index = self.view.current_index() + step
            moved = 0 <= index < len(self.report.blocks)
            if moved:
                self.view.set_current_index(index)
        else:
            moved = self.view.navigator.step(step)
        if not moved:
            QApplication.beep()
            self.announce(QCoreApplication.translate("MainWindow", "End of the document.") if step > 0
                          else QCoreApplication.translate("MainWindow", "Start of the document."))

    def move_heading(self, step: int) -> None:
        index = self.view.current_index() + step
        while 0 <= index < len(self.report.blocks):
            if self.report.blocks[index].kind.is_heading:
                self.view.set_current_index(index)
                return
            index += step
        QApplication.beep()
        self.announce(QCoreApplication.translate("MainWindow", "No more headings."))

    def switch_panel(self) -> None:
        if self.view.hasFocus() or not self.contents.hasFocus():
            if self._no_contents():
                return
            if not self.contents.isVisible():
                self.set_contents_visible(True)
            self.contents.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _contents_activated(self, block_id: str) -> None:
        self.go_to_block(block_id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def section_of(self, index: int) -> str:
        for i in range(index, -1, -1):
            block = self.report.blocks[i]
            if block.kind.is_heading:
                return block.text
        return ""

    def _current_changed(self, block_id: str) -> None:
        index = self.report.index_of(block_id)
        self.places.remember(replace(self.places.saved(), current_block=block_id, paragraph=index + 1))
        self.events.emit("paragraph.current", block=block_id)
        self._update_position_label()
        for i in range(index, -1, -1):
            if self.contents.item_for(self.report.blocks[i].id) is not None:
                self.contents.select_block(self.report.blocks[i].id)
                break

    def position_text(self) -> str:
        index = self.view.current_index()
        text = QCoreApplication.translate("MainWindow", "Paragraph %1 of %2")
        return text.replace("%1", str(index + 1)).replace("%2", str(len(self.report.blocks)))

    def _update_position_label(self) -> None:
        size = QCoreApplication.translate("MainWindow", "%1 pt").replace("%1", str(self.view.font_size()))
        self.position_label.setText(f"{self.position_text()} · {size}")

    def where_am_i(self) -> None:
        self.orientation.where_am_i()

    # -- view settings -------------------------------------------------------------------------
    def zoom(self, direction: int) -> None:
        self.set_font_size(next_font_stop(self.view.font_size(), direction))

    def set_font_size(self, points: int) -> None:
        before = self.view.font_size()
        self.view.set_font_size(points)  # a change comes back as font_size_changed
        if self.view.font_size() == before:
            QApplication.beep()
            self._announce_font_size()  # at the end of the range: say where it stands

    def _font_size_changed(self, points: int) -> None:
        """Whatever changed the size (keys, buttons, Ctrl+wheel, simple mode), the rest follows from here."""
        self.settings.set("font_size", points)
        self._update_position_label()
        self._announce_font_size()

    def _announce_font_size(self) -> None:
        text = QCoreApplication.translate("MainWindow", "Text size %1 points")
        self.announce(text.replace("%1", str(self.view.font_size())))

    def set_pinyin_visible(self, visible: bool) -> None:
        self.view.set_pinyin_visible(visible)
        self.settings.set("pinyin_visible", visible)
        self.announce(QCoreApplication.translate("MainWindow", "Pinyin shown") if visible
                      else QCoreApplication.translate("MainWindow", "Pinyin hidden"))

    def cycle_pinyin_style(self) -> None:
        styles = list(PinyinStyle)
        style = styles[(styles.index(self.view.pinyin_style()) + 1) % len(styles)]
        self.view.set_pinyin_style(style)
        self.settings.set("pinyin_style", style.value)
        names = {
            PinyinStyle.TONE_MARKS: QCoreApplication.translate("MainWindow", "Pinyin with tone marks"),
            PinyinStyle.TONE_NUMBERS: QCoreApplication.translate("MainWindow", "Pinyin with tone numbers"),
            PinyinStyle.ZHUYIN: QCoreApplication.translate("MainWindow", "Zhuyin"),
        }
        self.announce(names[style])

    def contents_docked_as_saved(self) -> bool:
        """Whether the contents dock stands beside the text, as the reader left it: never empty (a document without
        headings) — at the start and when the drawer gives the panel back to its dock."""
        return bool(self.settings["contents_visible"]) and self.contents.topLevelItemCount() > 0

    def _no_contents(self) -> bool:
        """Whether the document has no title, heading or note to list: said, rather than an empty panel opened (a
        news article of plain paragraphs opened a blank drawer, and a screen reader heard an empty list)."""
        if self.contents.topLevelItemCount():
            return False
        self.announce(QCoreApplication.translate("MainWindow", "This document has no headings to list."))
        return True

    def set_contents_visible(self, visible: bool) -> None:
        if visible and self._no_contents():
            blocked = self.actions_by_id["toggle_contents"].blockSignals(True)
            self.actions_by_id["toggle_contents"].setChecked(False)
            self.actions_by_id["toggle_contents"].blockSignals(blocked)
            return
        if self.contents_drawer.active:  # a narrow text column: the panel opens over the text on request
            self.contents_drawer.set_open(visible)
            return
        self.contents_dock.setVisible(visible)
        self.actions_by_id["toggle_contents"].setChecked(visible)
        self.settings.set("contents_visible", visible)

    def _contents_visibility_changed(self, visible: bool) -> None:
        if self.isVisible() and not self.contents_drawer.active:
            self.actions_by_id["toggle_contents"].setChecked(visible)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_help(self) -> None:
        dialog = HelpDialog(self.view.font_size(), self,
                            speak=lambda text: self.read_aloud.say(text, interrupt_reading=True),
                            screen_reader=self.screen_reader.active)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- find ----------------------------------------------------------------------------------
    def run_find(self, query: str) -> None:
        self._matches = find_all(self.report, query, fold=self.language_feature.fold)
        self._match_index = -1
        if self._matches:
            current = self.view.current_index()
            self._match_index = next((i for i, m in enumerate(self._matches) if m.block_index >= current), 0)
            self._show_match()
        else:
            self.view.set_find_matches([], -1)
            self.find_bar.set_count(-1, 0)
            if query:
                self.announce(QCoreApplication.translate("FindBar", "No match"))

    def step_match(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        if not self._matches:
            QApplication.beep()
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        self._show_match()

    def _show_match(self) -> None:
        self.view.set_find_matches([(m.block_index, m.start, m.end) for m in self._matches], self._match_index)
        match = self._matches[self._match_index]
        self.view.set_current_index(match.block_index, ensure_visible=False, move_caret=False)
        self.view.navigator.reveal_match(match.block_index, match.start, match.end)
        self.find_bar.set_count(self._match_index, len(self._matches))
        self.announce(match_text(self, match.block_index, match.start, match.end, self._match_index + 1,
                                 len(self._matches)))

    def _find_closed(self) -> None:
        if self._matches and self._match_index >= 0:
            # The caret to the match: a screen reader reads its line as the text gets the focus back, and its own
            # reading (Say All) starts there. Left where it was, Orca read a line of another paragraph.
            match = self._matches[self._match_index]
            self.view.place_caret(self.view.document_position(match.block_index, match.start))
        self._matches = []
        self.view.set_find_matches([], -1)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- messages ------------------------------------------------------------------------------
    def announce(self, text: str) -> None:
        """Tell every reader: the status bar for the eyes, the announcer (ui/announcer.py) for screen readers."""
        if self._quiet:
            return
        self.statusBar().showMessage(text, 6000)
        self.announced.emit(text)  # self.orientation's announcer passes it to the screen reader

    def show_problems(self, problems: list[str], kept: Path | None = None) -> None:
        """Settings that could not be used: one message in the reader's language, with the technical details
        (as the log has them) folded under "Show Details…" for whoever helps; non-modal, also announced."""
        if not problems:
            return
        headline = QCoreApplication.translate(
            "MainWindow", "Some of your settings could not be used, so the usual ones were taken instead.")
        self.announce(headline)
        title = QCoreApplication.translate("MainWindow", "Settings were reset")
        box = message_box(self, QMessageBox.Icon.Warning, title, headline, name="settingsProblemBox")
        if kept is not None:
            box.setInformativeText(QCoreApplication.translate(
                "MainWindow", "The old settings file was kept as %1.").replace("%1", kept.name))
        box.setDetailedText("\n".join(problems))
        self.events.emit("app.message", kind="settings", problems=len(problems))
        box.open()

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Re-set every text after the interface language changed (the reading position is untouched)."""
        self.setWindowTitle(self.document_title())
        self.view.setAccessibleName(self.text_name())
        self.contents.setAccessibleName(QCoreApplication.translate("MainWindow", "Contents"))
        self.contents_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Contents"))
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Main toolbar"))
        for menu_id, title in MENUS:
            self.menus[menu_id].setTitle(QCoreApplication.translate("menus", title))
        for spec in ACTIONS:
            if spec.id in self.actions_by_id:
                retranslate_action(self.actions_by_id[spec.id], spec)
        for action_id in TOOLBAR_ACTIONS:
            button, action = self.toolbar_button(action_id), self.actions_by_id[action_id]
            button.setAccessibleName(action.text().replace("&", ""))
            button.setAccessibleDescription(action.statusTip())
        self._update_position_label()
        self.retranslated.emit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and self._composed:
            self.retranslate()
        super().changeEvent(event)

    # -- closing -------------------------------------------------------------------------------
    def _save_soon_done(self) -> None:
        self.settings.save()
        self.places.save()

    def save_state(self) -> None:
        self._remember_place()
        self.settings.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        self.settings.set("window_state", bytes(self.saveState().toBase64().data()).decode("ascii"))
        self.settings.save()
        self.places.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._save_timer.stop()
        if not self.replaced:  # a replaced window saved before its successor copied the settings
            self.save_state()
        super().closeEvent(event)
