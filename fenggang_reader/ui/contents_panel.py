"""The contents panel: parts, headings and the notes, as a tree; Enter or a click jumps there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ..core.model import BlockKind, Report
from .interface_size import keep_out_of_font_changes

ID_ROLE = Qt.ItemDataRole.UserRole
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1


class _WrappingDelegate(QStyledItemDelegate):
    """Long headings wrap onto more lines (Chinese breaks between characters) instead of being cut off."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self._view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt override
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = max(80, self._view.viewport().width() - self._view.indentation() * (depth + 1) - 12)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, rect.height() + 10)


class ContentsPanel(QTreeWidget):
    """Outline of the report; emits the id of the block chosen, and ``left`` on Esc (back to the text)."""

    block_activated = Signal(str)
    left = Signal()

    def __init__(self, report: Report, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contentsPanel")
        self.setHeaderHidden(True)
        keep_out_of_font_changes(self.header())  # never shown: it measured the tree again after each change
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))
        # One column as wide as the panel, so long headings wrap within it.
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._build(report)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.left.emit()  # the docked panel: Esc goes back to the text, as the drawer's closes
            return
        super().keyPressEvent(event)

    def _build(self, report: Report) -> None:
        parent: QTreeWidgetItem | None = None
        open_headings: list[tuple[int, QTreeWidgetItem]] = []  # 一、 and its （一）: a heading goes under a shallower one
        for block in report.blocks:
            if block.kind in (BlockKind.TITLE, BlockKind.PART, BlockKind.NOTES_HEADING):
                item = QTreeWidgetItem(self, [report.name_of(block)])
                parent = item if block.kind is not BlockKind.TITLE else None
                open_headings.clear()
            elif block.kind is BlockKind.HEADING:
                while open_headings and open_headings[-1][0] >= block.heading_level:
                    open_headings.pop()
                item = QTreeWidgetItem(open_headings[-1][1] if open_headings else (parent or self),
                                       [report.name_of(block)])
                open_headings.append((block.heading_level, item))
            elif block.kind is BlockKind.NOTE:
                text = block.text
                if block.note_number in report.notes:
                    note = report.notes[block.note_number]
                    text = f"[{note.number}] {note.label}"
                item = QTreeWidgetItem(parent or self, [text])
            else:
                continue
            item.setData(0, ID_ROLE, block.id)
            item.setData(0, LEVEL_ROLE, block.heading_level)
            item.setToolTip(0, block.text)
            self._items[block.id] = item
        # Only entries with entries under them: Qt reports every expanded item as "expanded" to screen
        # readers, and expandAll() expands the leaves too.
        for item in self._items.values():
            if item.childCount():
                item.setExpanded(True)
        self.describe_levels()
        if self._items:  # the start of the document until the reader moves: marked as every place after it is
            self.select_block(next(iter(self._items)))

    def describe_levels(self) -> None:
        """Each heading's level as its accessible description (Orca says no tree levels for Qt's trees)."""
        text = QCoreApplication.translate("Accessibility", "Heading level %1")
        for item in self._items.values():
            level = item.data(0, LEVEL_ROLE)
            if level:
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, text.replace("%1", str(level)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped rows change height with the width

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.block_activated.emit(item.data(0, ID_ROLE))

    def select_block(self, block_id: str) -> None:
        """Follow the reader: select the entry for the section containing block_id (without emitting)."""
        item = self._items.get(block_id)
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def item_for(self, block_id: str) -> QTreeWidgetItem | None:
        return self._items.get(block_id)
