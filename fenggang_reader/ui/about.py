"""About: which version this is, and the licence of every component the installers ship.

The component table is also the source of the Debian copyright file (packaging/build-deb), so the dialog
and the package can never disagree. Versions are read from the installed distributions at run time (the
PyInstaller spec copies their metadata into the bundle).
"""

from __future__ import annotations

import html
import importlib.metadata
import platform
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, Qt, qVersion
from PySide6.QtWidgets import QDialog, QWidget

from .. import APP_ID, __version__
from .help_dialog import large_print_page

APP_LICENSE = "GPL-3.0-or-later"


@dataclass(frozen=True)
class Component:
    """A third-party part shipped in the installers. `licence` is an SPDX expression as we use it."""

    name: str
    licence: str
    url: str
    distribution: str | None = None  # PyPI name, to look the version up; None when not a Python package


COMPONENTS: tuple[Component, ...] = (
    Component("Python", "PSF-2.0", "https://www.python.org/"),
    Component("Qt", "LGPL-3.0-only", "https://www.qt.io/"),
    Component("PySide6 / Shiboken6", "LGPL-3.0-only", "https://wiki.qt.io/Qt_for_Python", "PySide6-Essentials"),
    Component("FFmpeg (Qt Multimedia)", "LGPL-2.1-or-later", "https://ffmpeg.org/"),
    Component("ICU", "Unicode-3.0", "https://icu.unicode.org/"),
    Component("pypinyin", "MIT", "https://github.com/mozillazg/python-pinyin", "pypinyin"),
    Component("OpenCC", "Apache-2.0", "https://github.com/BYVoid/OpenCC", "opencc"),
    Component("ToJyutping", "BSD-2-Clause", "https://github.com/CanCLID/ToJyutping", "ToJyutping"),
    Component("mutagen", "GPL-2.0-or-later", "https://github.com/quodlibet/mutagen", "mutagen"),
    Component("pypdf", "BSD-3-Clause", "https://github.com/py-pdf/pypdf", "pypdf"),
    Component("lameenc (LAME MP3 encoder)", "LGPL-3.0-or-later", "https://github.com/chrisstaite/lameenc", "lameenc"),
    Component("PyWinRT (Windows only)", "MIT", "https://github.com/pywinrt/pywinrt"),
    Component("edge-tts", "LGPL-3.0-only", "https://github.com/rany2/edge-tts", "edge-tts"),
    Component("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs", "platformdirs"),
    Component("aiohttp", "Apache-2.0 AND MIT", "https://github.com/aio-libs/aiohttp", "aiohttp"),
    Component("aiohappyeyeballs", "PSF-2.0", "https://github.com/aio-libs/aiohappyeyeballs", "aiohappyeyeballs"),
    Component("aiosignal", "Apache-2.0", "https://github.com/aio-libs/aiosignal", "aiosignal"),
    Component("attrs", "MIT", "https://www.attrs.org/", "attrs"),
    Component("frozenlist", "Apache-2.0", "https://github.com/aio-libs/frozenlist", "frozenlist"),
    Component("multidict", "Apache-2.0", "https://github.com/aio-libs/multidict", "multidict"),
    Component("propcache", "Apache-2.0", "https://github.com/aio-libs/propcache", "propcache"),
    Component("yarl", "Apache-2.0", "https://github.com/aio-libs/yarl", "yarl"),
    Component("idna", "BSD-3-Clause", "https://github.com/kjd/idna", "idna"),
    Component("certifi", "MPL-2.0", "https://github.com/certifi/python-certifi", "certifi"),
    Component("tabulate", "MIT", "https://github.com/astanin/python-tabulate", "tabulate"),
    Component("typing_extensions", "PSF-2.0", "https://github.com/python/typing_extensions", "typing_extensions"),
    # Opening other documents (core/documents): web pages, Word files, e-books, encrypted PDFs.
    Component("trafilatura", "Apache-2.0", "https://github.com/adbar/trafilatura", "trafilatura"),
    Component("courlan", "Apache-2.0", "https://github.com/adbar/courlan", "courlan"),
    Component("htmldate", "Apache-2.0", "https://github.com/adbar/htmldate", "htmldate"),
    Component("jusText", "BSD-2-Clause", "https://github.com/miso-belica/jusText", "justext"),
    Component("lxml", "BSD-3-Clause", "https://lxml.de/", "lxml"),
    Component("charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer", "charset-normalizer"),
    Component("dateparser", "BSD-3-Clause", "https://github.com/scrapinghub/dateparser", "dateparser"),
    Component("python-dateutil", "BSD-3-Clause", "https://github.com/dateutil/dateutil", "python-dateutil"),
    Component("regex", "Apache-2.0 AND CNRI-Python", "https://github.com/mrabarnett/mrab-regex", "regex"),
    Component("pytz", "MIT", "https://github.com/stub42/pytz", "pytz"),
    Component("tzdata", "Apache-2.0", "https://github.com/python/tzdata", "tzdata"),
    Component("tzlocal", "MIT", "https://github.com/regebro/tzlocal", "tzlocal"),
    Component("Babel", "BSD-3-Clause", "https://github.com/python-babel/babel", "babel"),
    Component("tld", "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later", "https://github.com/barseghyanartur/tld", "tld"),
    Component("urllib3", "MIT", "https://github.com/urllib3/urllib3", "urllib3"),
    Component("cryptography", "Apache-2.0 OR BSD-3-Clause", "https://github.com/pyca/cryptography", "cryptography"),
    Component("cffi", "MIT-0", "https://github.com/python-cffi/cffi", "cffi"),
    Component("pycparser", "BSD-3-Clause", "https://github.com/eliben/pycparser", "pycparser"),
    Component("Noto Sans CJK (glyph in the app icon)", "OFL-1.1", "https://github.com/notofonts/noto-cjk"),
)


def component_version(component: Component) -> str:
    """The shipped version, or "" when it cannot be known (e.g. FFmpeg inside Qt)."""
    if component.name == "Python":
        return platform.python_version()
    if component.name == "Qt":
        return qVersion()
    if component.distribution is None:
        return ""
    try:
        return importlib.metadata.version(component.distribution)
    except importlib.metadata.PackageNotFoundError:
        return pyside_version if component.distribution.startswith("PySide6") else ""


def about_html() -> str:
    rows = "".join(
        f"<tr><td><a href='{html.escape(c.url)}'>{html.escape(c.name)}</a></td>"
        f"<td>{html.escape(component_version(c))}</td><td>{html.escape(c.licence)}</td></tr>"
        for c in COMPONENTS
    )
    t = {
        "name": QCoreApplication.translate("AboutDialog", "Fenggang Reader"),
        "what": QCoreApplication.translate(
            "AboutDialog", "Read and listen to the 2025 Fenggang town government work report, with pinyin."),
        "licence_is": QCoreApplication.translate("AboutDialog", "Licence:"),
        "warranty": QCoreApplication.translate("AboutDialog", "This program comes with ABSOLUTELY NO WARRANTY."),
        "app_id": QCoreApplication.translate("AboutDialog", "Application ID:"),
        "components": QCoreApplication.translate("AboutDialog", "Components and their licences"),
        "component": QCoreApplication.translate("AboutDialog", "Component"),
        "version": QCoreApplication.translate("AboutDialog", "Version"),
        "licence": QCoreApplication.translate("AboutDialog", "Licence"),
        "texts": QCoreApplication.translate("AboutDialog", "The full licence texts are installed with the program."),
    }
    e = {key: html.escape(value) for key, value in t.items()}
    return (
        f"<h3>{e['name']} {html.escape(__version__)}</h3>"
        f"<p>{e['what']}</p>"
        f"<p>{e['licence_is']} {APP_LICENSE}. {e['warranty']}</p>"
        f"<p>{e['app_id']} {APP_ID}</p>"
        f"<h4>{e['components']}</h4>"
        f"<table cellpadding='6' border='1' style='border-collapse: collapse'>"
        f"<tr><th>{e['component']}</th><th>{e['version']}</th><th>{e['licence']}</th></tr>{rows}</table>"
        f"<p>{e['texts']}</p>"
    )


class AboutDialog(QDialog):
    """Large print like the help page: at least 18 pt, or the parent's size when that is larger (up to 40 pt)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.resize(900, 720)
        base = parent.font().pointSize() if parent is not None else self.font().pointSize()
        self.browser, _buttons, _font = large_print_page(self, "aboutText", max(18, min(40, base)))
        self.browser.setOpenExternalLinks(True)
        self.retranslate()
        self.browser.setFocus()

    def retranslate(self) -> None:
        """Texts in the current interface language (at start and on a language change)."""
        title = QCoreApplication.translate("AboutDialog", "About Fenggang Reader")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.browser.setAccessibleName(title)
        self.browser.setHtml(about_html())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog (window-modal, non-blocking) and return it; it deletes itself when closed."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
