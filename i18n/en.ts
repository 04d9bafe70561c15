<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Fenggang Reader</source>
        <translation>Fenggang Reader</translation>
    </message>
    <message>
        <source>Read and listen to the 2025 Fenggang town government work report, with pinyin.</source>
        <translation>Read and listen to the 2025 Fenggang town government work report, with pinyin.</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Licence:</translation>
    </message>
    <message>
        <source>This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>This program comes with ABSOLUTELY NO WARRANTY.</translation>
    </message>
    <message>
        <source>Application ID:</source>
        <translation>Application ID:</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>Components and their licences</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>The full licence texts are installed with the program.</source>
        <translation>The full licence texts are installed with the program.</translation>
    </message>
    <message>
        <source>About Fenggang Reader</source>
        <translation>About Fenggang Reader</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Heading level %1</source>
        <translation>Heading level %1</translation>
    </message>
    <message>
        <source>Colour &amp;theme</source>
        <translation>Colour &amp;theme</translation>
    </message>
    <message>
        <source>Use the colour theme: %1</source>
        <translation>Use the colour theme: %1</translation>
    </message>
</context>
<context>
    <name>Comfort</name>
    <message>
        <source>Line spacing</source>
        <translation>Line spacing</translation>
    </message>
    <message>
        <source>Height of each line, with room for the pinyin (%1 to %2 %).</source>
        <translation>Height of each line, with room for the pinyin (%1 to %2 %).</translation>
    </message>
    <message>
        <source>Character spacing</source>
        <translation>Character spacing</translation>
    </message>
    <message>
        <source>Width given to each Chinese character (%1 to %2 %).</source>
        <translation>Width given to each Chinese character (%1 to %2 %).</translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation>Paragraph spacing</translation>
    </message>
    <message>
        <source>Space after each paragraph, in percent of a line (%1 to %2 %).</source>
        <translation>Space after each paragraph, in percent of a line (%1 to %2 %).</translation>
    </message>
    <message>
        <source>Text spacing</source>
        <translation>Text spacing</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Restore the normal spacing</source>
        <translation>Restore the normal spacing</translation>
    </message>
    <message>
        <source>Normal spacing</source>
        <translation>Normal spacing</translation>
    </message>
    <message>
        <source>Focus mode off</source>
        <translation>Focus mode off</translation>
    </message>
    <message>
        <source>Focus on the current paragraph</source>
        <translation>Focus on the current paragraph</translation>
    </message>
    <message>
        <source>Focus on the current line</source>
        <translation>Focus on the current line</translation>
    </message>
    <message>
        <source>Large buttons</source>
        <translation>Large buttons</translation>
    </message>
    <message>
        <source>Normal buttons</source>
        <translation>Normal buttons</translation>
    </message>
</context>
<context>
    <name>ContentsDrawer</name>
    <message>
        <source>Contents (Esc closes)</source>
        <translation>Contents (Esc closes)</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Error details</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Copy the details</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>Continue reading</translation>
    </message>
    <message>
        <source>The reader met an unexpected problem. It keeps running: you can go on reading.</source>
        <translation>The reader met an unexpected problem. It keeps running: you can go on reading.</translation>
    </message>
    <message>
        <source>(%1 problems so far.)</source>
        <translation>(%1 problems so far.)</translation>
    </message>
    <message>
        <source>The details were saved in %1. If you want help, copy them and send them to whoever looks after this computer.</source>
        <translation>The details were saved in %1. If you want help, copy them and send them to whoever looks after this computer.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DocumentError</name>
    <message>
        <source>There is no file by that name: it was moved, renamed or deleted, or the name is mistyped.</source>
        <translation>There is no file by that name: it was moved, renamed or deleted, or the name is mistyped.</translation>
    </message>
    <message>
        <source>The file cannot be read: the computer does not allow it, or the disk is not available.</source>
        <translation>The file cannot be read: the computer does not allow it, or the disk is not available.</translation>
    </message>
    <message>
        <source>There is no text in it.</source>
        <translation>There is no text in it.</translation>
    </message>
    <message>
        <source>It is too large: the reader opens documents of up to %1 characters.</source>
        <translation>It is too large: the reader opens documents of up to %1 characters.</translation>
    </message>
    <message>
        <source>Its characters cannot be read: it is in an encoding the reader does not know.</source>
        <translation>Its characters cannot be read: it is in an encoding the reader does not know.</translation>
    </message>
    <message>
        <source>It is not a document the reader can open. It opens text files, web pages (.html, .mhtml), Word files (.docx), EPUB books and PDF files with text.</source>
        <translation>It is not a document the reader can open. It opens text files, web pages (.html, .mhtml), Word files (.docx), EPUB books and PDF files with text.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete.</source>
        <translation>The file is damaged or incomplete.</translation>
    </message>
    <message>
        <source>The copied text cannot be opened.</source>
        <translation>The copied text cannot be opened.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>“%1” cannot be opened.</translation>
    </message>
    <message>
        <source>Something went wrong in the reader while opening it; the details are in the log.</source>
        <translation>Something went wrong in the reader while opening it; the details are in the log.</translation>
    </message>
</context>
<context>
    <name>DocumentOpening</name>
    <message>
        <source>The clipboard holds no text to read. Copy some text first, then press Ctrl+Shift+V.</source>
        <translation>The clipboard holds no text to read. Copy some text first, then press Ctrl+Shift+V.</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>Open a document</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 files were dropped: opening the first, “%2”.</source>
        <translation>%1 files were dropped: opening the first, “%2”.</translation>
    </message>
    <message>
        <source>&amp;Recent documents</source>
        <translation>&amp;Recent documents</translation>
    </message>
    <message>
        <source>No documents opened yet</source>
        <translation>No documents opened yet</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>Opening “%1”…</translation>
    </message>
    <message>
        <source>Opening the copied text…</source>
        <translation>Opening the copied text…</translation>
    </message>
    <message>
        <source>Opening the built-in report…</source>
        <translation>Opening the built-in report…</translation>
    </message>
    <message>
        <source>It was the document you had open last time; the built-in report is open instead.</source>
        <translation>It was the document you had open last time; the built-in report is open instead.</translation>
    </message>
    <message>
        <source>The built-in report is open instead.</source>
        <translation>The built-in report is open instead.</translation>
    </message>
    <message>
        <source>The list of recent documents could not be read, so it starts empty.</source>
        <translation>The list of recent documents could not be read, so it starts empty.</translation>
    </message>
    <message>
        <source>Recent documents</source>
        <translation>Recent documents</translation>
    </message>
    <message>
        <source>The old list was kept as %1.</source>
        <translation>The old list was kept as %1.</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>Cannot open the document</translation>
    </message>
    <message>
        <source>Remove it from the recent documents</source>
        <translation>Remove it from the recent documents</translation>
    </message>
    <message>
        <source>Keep it in the list</source>
        <translation>Keep it in the list</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %2 (the file is no longer there)</source>
        <translation>%1 %2 (the file is no longer there)</translation>
    </message>
    <message>
        <source>%1 %2 · paragraph %3</source>
        <translation>%1 %2 · paragraph %3</translation>
    </message>
</context>
<context>
    <name>DocumentWindows</name>
    <message>
        <source>Opened “%1”.</source>
        <translation>Opened “%1”.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Cannot write in the folder %1. Choose another folder; nothing was written.</source>
        <translation>Cannot write in the folder %1. Choose another folder; nothing was written.</translation>
    </message>
    <message>
        <source>The export could not be done. Nothing was written.</source>
        <translation>The export could not be done. Nothing was written.</translation>
    </message>
    <message>
        <source>Export audiobook</source>
        <translation>Export audiobook</translation>
    </message>
    <message>
        <source>Makes MP3 files to listen to on a phone or a player: one file with chapters for the whole part and, in a folder of their own inside it, one file per paragraph with a playlist.</source>
        <translation>Makes MP3 files to listen to on a phone or a player: one file with chapters for the whole part and, in a folder of their own inside it, one file per paragraph with a playlist.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Choose the folder</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>The whole document</translation>
    </message>
    <message>
        <source>Part 1: the review of 2024</source>
        <translation>Part 1: the review of 2024</translation>
    </message>
    <message>
        <source>Part 2: the plans for 2025</source>
        <translation>Part 2: the plans for 2025</translation>
    </message>
    <message>
        <source>The notes (explanations of terms)</source>
        <translation>The notes (explanations of terms)</translation>
    </message>
    <message>
        <source>Part %1: %2</source>
        <translation>Part %1: %2</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>The folder the audiobook is written into; it is made if needed.</source>
        <translation>The folder the audiobook is written into; it is made if needed.</translation>
    </message>
    <message>
        <source>Offline voice only (nothing is sent over the internet)</source>
        <translation>Offline voice only (nothing is sent over the internet)</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stop the export; nothing is left behind.</source>
        <translation>Stop the export; nothing is left behind.</translation>
    </message>
    <message>
        <source>Folder for the audiobook</source>
        <translation>Folder for the audiobook</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Choose a folder first.</translation>
    </message>
    <message>
        <source>Exporting the audiobook: %1 paragraphs.</source>
        <translation>Exporting the audiobook: %1 paragraphs.</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>Paragraph %1 of %2</translation>
    </message>
    <message>
        <source>The online voice failed; the offline voice is used instead.</source>
        <translation>The online voice failed; the offline voice is used instead.</translation>
    </message>
    <message>
        <source>The audiobook is ready: %1 paragraphs, %2 minutes, in %3.</source>
        <translation>The audiobook is ready: %1 paragraphs, %2 minutes, in %3.</translation>
    </message>
    <message>
        <source>The online voice could not be used, so the offline voice was used.</source>
        <translation>The online voice could not be used, so the offline voice was used.</translation>
    </message>
    <message>
        <source>The audiobook was not made</source>
        <translation>The audiobook was not made</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Save as large-print PDF</source>
        <translation>Save as large-print PDF</translation>
    </message>
    <message>
        <source>A PDF to print or to read on a tablet: large characters with pinyin, the headings as bookmarks, the notes linked, page numbers at the foot of each page.</source>
        <translation>A PDF to print or to read on a tablet: large characters with pinyin, the headings as bookmarks, the notes linked, page numbers at the foot of each page.</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Pinyin above the characters</source>
        <translation>Pinyin above the characters</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Open the PDF</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the large-print PDF as</source>
        <translation>Save the large-print PDF as</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Laying out the pages…</translation>
    </message>
    <message>
        <source>Saving the large-print PDF…</source>
        <translation>Saving the large-print PDF…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Saved the large-print PDF: %1 pages, in %2.</source>
        <translation>Saved the large-print PDF: %1 pages, in %2.</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>The PDF was not saved</translation>
    </message>
    <message>
        <source>Print preview — large print</source>
        <translation>Print preview — large print</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Page number</translation>
    </message>
    <message>
        <source>The pages as they will be printed</source>
        <translation>The pages as they will be printed</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>The printer could not be used.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>Type a word, e.g. 凤岗</source>
        <translation>Type a word, e.g. 凤岗</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>Find in the text</translation>
    </message>
    <message>
        <source>Enter: next match. Shift+Enter: previous match. Esc: close.</source>
        <translation>Enter: next match. Shift+Enter: previous match. Esc: close.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Go to the previous match (Shift+F3)</source>
        <translation>Go to the previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Go to the next match (F3)</source>
        <translation>Go to the next match (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>Skip markers like [1]</source>
        <translation>Skip markers like [1]</translation>
    </message>
    <message>
        <source>Say “注释一”</source>
        <translation>Say “注释一”</translation>
    </message>
    <message>
        <source>Read the note after the sentence</source>
        <translation>Read the note after the sentence</translation>
    </message>
    <message>
        <source>Note %1: %2</source>
        <translation>Note %1: %2</translation>
    </message>
    <message>
        <source>Note %1: %2. %3</source>
        <translation>Note %1: %2. %3</translation>
    </message>
    <message>
        <source>No glossary term in this paragraph.</source>
        <translation>No glossary term in this paragraph.</translation>
    </message>
    <message>
        <source>No glossary note here.</source>
        <translation>No glossary note here.</translation>
    </message>
    <message>
        <source>This term is not used in the text.</source>
        <translation>This term is not used in the text.</translation>
    </message>
    <message>
        <source>%1: place %2 of %3, in %4. Alt+Left goes back.</source>
        <translation>%1: place %2 of %3, in %4. Alt+Left goes back.</translation>
    </message>
    <message>
        <source>Nothing to go back to.</source>
        <translation>Nothing to go back to.</translation>
    </message>
    <message>
        <source>Back.</source>
        <translation>Back.</translation>
    </message>
    <message>
        <source>Menu key: show the note and the %1 places it is used; Alt+Right goes there.</source>
        <translation>Menu key: show the note and the %1 places it is used; Alt+Right goes there.</translation>
    </message>
    <message>
        <source>Show the note</source>
        <translation>Show the note</translation>
    </message>
    <message>
        <source>Used at</source>
        <translation>Used at</translation>
    </message>
    <message>
        <source>Glossary markers like [1]</source>
        <translation>Glossary markers like [1]</translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>Shows or hides the list of places; Enter on a place goes there.</source>
        <translation>Shows or hides the list of places; Enter on a place goes there.</translation>
    </message>
    <message>
        <source>Places where this term is used</source>
        <translation>Places where this term is used</translation>
    </message>
    <message>
        <source>Enter goes there; Alt+Left comes back.</source>
        <translation>Enter goes there; Alt+Left comes back.</translation>
    </message>
    <message>
        <source>Read aloud (R)</source>
        <translation>Read aloud (R)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Read the note aloud</source>
        <translation>Read the note aloud</translation>
    </message>
    <message>
        <source>Used in %1 places</source>
        <translation>Used in %1 places</translation>
    </message>
    <message>
        <source>Used in 1 place</source>
        <translation>Used in 1 place</translation>
    </message>
</context>
<context>
    <name>GuidanceBars</name>
    <message>
        <source>Space: listen</source>
        <translation>Space: listen</translation>
    </message>
    <message>
        <source>+ / −: size</source>
        <translation>+ / −: size</translation>
    </message>
    <message>
        <source>F1: help</source>
        <translation>F1: help</translation>
    </message>
    <message>
        <source>Got it, hide this</source>
        <translation>Got it, hide this</translation>
    </message>
    <message>
        <source>Hide the key hints</source>
        <translation>Hide the key hints</translation>
    </message>
    <message>
        <source>The natural-sounding online voices (Microsoft Edge) send the text being read to Microsoft over the internet. The offline voice keeps everything on this computer. Use the online voices?</source>
        <translation>The natural-sounding online voices (Microsoft Edge) send the text being read to Microsoft over the internet. The offline voice keeps everything on this computer. Use the online voices?</translation>
    </message>
    <message>
        <source>Offline voice only</source>
        <translation>Offline voice only</translation>
    </message>
    <message>
        <source>Use online voices</source>
        <translation>Use online voices</translation>
    </message>
    <message>
        <source>Reading aloud stopped: %1
Try the voice settings, or Space to try again.</source>
        <translation>Reading aloud stopped: %1
Try the voice settings, or Space to try again.</translation>
    </message>
    <message>
        <source>Voice settings…</source>
        <translation>Voice settings…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Fenggang Reader shows the 2025 government work report of Fenggang town with pinyin above every character. Press + or - to change the size. Press Down and Up to move from paragraph to paragraph. Press F6 to move to the list of contents. Your place and your settings are remembered.</source>
        <translation>Fenggang Reader shows the 2025 government work report of Fenggang town with pinyin above every character. Press + or - to change the size. Press Down and Up to move from paragraph to paragraph. Press F6 to move to the list of contents. Your place and your settings are remembered.</translation>
    </message>
    <message>
        <source>: </source>
        <translation>: </translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>(menu only)</translation>
    </message>
    <message>
        <source>How to use Fenggang Reader</source>
        <translation>How to use Fenggang Reader</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Keys and help</source>
        <translation>Keys and help</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Help text</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Say this page with the reader&apos;s voice (Ctrl+R).</source>
        <translation>Say this page with the reader&apos;s voice (Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>InterfaceSize</name>
    <message>
        <source>Menus and buttons %1 points</source>
        <translation>Menus and buttons %1 points</translation>
    </message>
    <message>
        <source>Menus and buttons follow the text size (%1 points)</source>
        <translation>Menus and buttons follow the text size (%1 points)</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Simplified characters</source>
        <translation>Simplified characters</translation>
    </message>
    <message>
        <source>Traditional characters (Hong Kong)</source>
        <translation>Traditional characters (Hong Kong)</translation>
    </message>
    <message>
        <source>Traditional characters (Taiwan)</source>
        <translation>Traditional characters (Taiwan)</translation>
    </message>
    <message>
        <source>Pinyin above the characters</source>
        <translation>Pinyin above the characters</translation>
    </message>
    <message>
        <source>Jyutping (Cantonese) above the characters</source>
        <translation>Jyutping (Cantonese) above the characters</translation>
    </message>
    <message>
        <source>Menus and messages: %1</source>
        <translation>Menus and messages: %1</translation>
    </message>
    <message>
        <source>Also read aloud in Cantonese?</source>
        <translation>Also read aloud in Cantonese?</translation>
    </message>
    <message>
        <source>Read aloud in Mandarin again?</source>
        <translation>Read aloud in Mandarin again?</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Report text</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>凤岗镇政府工作报告</source>
        <translation>凤岗镇政府工作报告</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Document text</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>End of the document.</source>
        <translation>End of the document.</translation>
    </message>
    <message>
        <source>Start of the document.</source>
        <translation>Start of the document.</translation>
    </message>
    <message>
        <source>No more headings.</source>
        <translation>No more headings.</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>Paragraph %1 of %2</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>%1 pt</translation>
    </message>
    <message>
        <source>Text size %1 points</source>
        <translation>Text size %1 points</translation>
    </message>
    <message>
        <source>Pinyin shown</source>
        <translation>Pinyin shown</translation>
    </message>
    <message>
        <source>Pinyin hidden</source>
        <translation>Pinyin hidden</translation>
    </message>
    <message>
        <source>Pinyin with tone marks</source>
        <translation>Pinyin with tone marks</translation>
    </message>
    <message>
        <source>Pinyin with tone numbers</source>
        <translation>Pinyin with tone numbers</translation>
    </message>
    <message>
        <source>Zhuyin</source>
        <translation>Zhuyin</translation>
    </message>
    <message>
        <source>This document has no headings to list.</source>
        <translation>This document has no headings to list.</translation>
    </message>
    <message>
        <source>Some of your settings could not be used, so the usual ones were taken instead.</source>
        <translation>Some of your settings could not be used, so the usual ones were taken instead.</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>Settings were reset</translation>
    </message>
    <message>
        <source>The old settings file was kept as %1.</source>
        <translation>The old settings file was kept as %1.</translation>
    </message>
</context>
<context>
    <name>Orientation</name>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>Paragraph %1 of %2</translation>
    </message>
    <message>
        <source>, heading level %1</source>
        <translation>, heading level %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1. Press F1 for help.</source>
        <translation>%1. Press F1 for help.</translation>
    </message>
    <message>
        <source>%1 (Reading paused: Space goes on.)</source>
        <translation>%1 (Reading paused: Space goes on.)</translation>
    </message>
</context>
<context>
    <name>PronunciationDialog</name>
    <message>
        <source>neutral tone</source>
        <translation>neutral tone</translation>
    </message>
    <message>
        <source>tone %1</source>
        <translation>tone %1</translation>
    </message>
    <message>
        <source>Correct the pinyin of %1</source>
        <translation>Correct the pinyin of %1</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Now: %1</translation>
    </message>
    <message>
        <source>In the text: %1</source>
        <translation>In the text: %1</translation>
    </message>
    <message>
        <source>Only the first %1 characters of your selection are shown.</source>
        <translation>Only the first %1 characters of your selection are shown.</translation>
    </message>
    <message>
        <source>&amp;Spoken as (optional, for experts):</source>
        <translation>&amp;Spoken as (optional, for experts):</translation>
    </message>
    <message>
        <source>characters the voice should say instead</source>
        <translation>characters the voice should say instead</translation>
    </message>
    <message>
        <source>Spoken as (optional, for experts)</source>
        <translation>Spoken as (optional, for experts)</translation>
    </message>
    <message>
        <source>Only for speech, never shown: characters with the same sound that the voice reads correctly, for example 围 for 为 read wéi. Leave empty to let the reader choose.</source>
        <translation>Only for speech, never shown: characters with the same sound that the voice reads correctly, for example 围 for 为 read wéi. Leave empty to let the reader choose.</translation>
    </message>
    <message>
        <source>Use this reading</source>
        <translation>Use this reading</translation>
    </message>
    <message>
        <source>Use these readings</source>
        <translation>Use these readings</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Reset this reading</source>
        <translation>&amp;Reset this reading</translation>
    </message>
    <message>
        <source>Reset this reading</source>
        <translation>Reset this reading</translation>
    </message>
    <message>
        <source>Forget your own choice here and show the usual reading again.</source>
        <translation>Forget your own choice here and show the usual reading again.</translation>
    </message>
    <message>
        <source>%1 — now %2</source>
        <translation>%1 — now %2</translation>
    </message>
    <message>
        <source>shown now</source>
        <translation>shown now</translation>
    </message>
    <message>
        <source>usual reading</source>
        <translation>usual reading</translation>
    </message>
    <message>
        <source>The spoken form must be a few characters on one line.</source>
        <translation>The spoken form must be a few characters on one line.</translation>
    </message>
    <message>
        <source>&amp;Pinyin</source>
        <translation>&amp;Pinyin</translation>
    </message>
    <message>
        <source>Select a Chinese character or word first, or put the cursor on one.</source>
        <translation>Select a Chinese character or word first, or put the cursor on one.</translation>
    </message>
    <message>
        <source>There is no Chinese character to correct here.</source>
        <translation>There is no Chinese character to correct here.</translation>
    </message>
    <message>
        <source>%1 is now read %2. Speech uses it too.</source>
        <translation>%1 is now read %2. Speech uses it too.</translation>
    </message>
    <message>
        <source>You have not corrected this reading.</source>
        <translation>You have not corrected this reading.</translation>
    </message>
    <message>
        <source>%1 is read %2 again.</source>
        <translation>%1 is read %2 again.</translation>
    </message>
    <message>
        <source>Your correction could not be saved: %1</source>
        <translation>Your correction could not be saved: %1</translation>
    </message>
    <message>
        <source>You have no pinyin corrections.</source>
        <translation>You have no pinyin corrections.</translation>
    </message>
    <message>
        <source>Reset all my corrections</source>
        <translation>Reset all my corrections</translation>
    </message>
    <message>
        <source>Forget all %1 of your pinyin corrections and show the usual readings again?</source>
        <translation>Forget all %1 of your pinyin corrections and show the usual readings again?</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Reset all</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Keep them</translation>
    </message>
    <message>
        <source>Your corrections could not be reset: %1</source>
        <translation>Your corrections could not be reset: %1</translation>
    </message>
    <message>
        <source>All your pinyin corrections were reset (%1).</source>
        <translation>All your pinyin corrections were reset (%1).</translation>
    </message>
    <message>
        <source>Pinyin of 一 and 不: spoken tones</source>
        <translation>Pinyin of 一 and 不: spoken tones</translation>
    </message>
    <message>
        <source>Pinyin of 一 and 不: dictionary tones</source>
        <translation>Pinyin of 一 and 不: dictionary tones</translation>
    </message>
    <message>
        <source>Pinyin corrections</source>
        <translation>Pinyin corrections</translation>
    </message>
    <message>
        <source>Pinyin corrections could not be read</source>
        <translation>Pinyin corrections could not be read</translation>
    </message>
    <message>
        <source>Correct the pinyin of “%1”…</source>
        <translation>Correct the pinyin of “%1”…</translation>
    </message>
    <message>
        <source>Correct the pinyin…</source>
        <translation>Correct the pinyin…</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>Closes the dock widget</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>Undocks and re-attaches the dock widget</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Nothing to read here.</source>
        <translation>Nothing to read here.</translation>
    </message>
    <message>
        <source>End of the document.</source>
        <translation>End of the document.</translation>
    </message>
    <message>
        <source>No voice is available.</source>
        <translation>No voice is available.</translation>
    </message>
    <message>
        <source>Cannot read aloud: %1</source>
        <translation>Cannot read aloud: %1</translation>
    </message>
    <message>
        <source>Preparing the voice…</source>
        <translation>Preparing the voice…</translation>
    </message>
    <message>
        <source>Switched to the offline voice: %1</source>
        <translation>Switched to the offline voice: %1</translation>
    </message>
    <message>
        <source>Reading stopped: %1</source>
        <translation>Reading stopped: %1</translation>
    </message>
    <message>
        <source>The sound is not coming through; reading goes on when it does.</source>
        <translation>The sound is not coming through; reading goes on when it does.</translation>
    </message>
    <message>
        <source>Reading continues to the end</source>
        <translation>Reading continues to the end</translation>
    </message>
    <message>
        <source>Reading stops after each paragraph</source>
        <translation>Reading stops after each paragraph</translation>
    </message>
    <message>
        <source>Speed %1×</source>
        <translation>Speed %1×</translation>
    </message>
    <message>
        <source>Online voices on; the next sentence uses them.</source>
        <translation>Online voices on; the next sentence uses them.</translation>
    </message>
    <message>
        <source>Only the offline voice will be used.</source>
        <translation>Only the offline voice will be used.</translation>
    </message>
    <message>
        <source>Reading paragraph %1 of %2</source>
        <translation>Reading paragraph %1 of %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Voice and speed</source>
        <translation>Voice and speed</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Online voices (Microsoft Edge), offline voice as backup</source>
        <translation>Online voices (Microsoft Edge), offline voice as backup</translation>
    </message>
    <message>
        <source>Offline voice</source>
        <translation>Offline voice</translation>
    </message>
    <message>
        <source>Never send text to online voices</source>
        <translation>Never send text to online voices</translation>
    </message>
    <message>
        <source>Online voice</source>
        <translation>Online voice</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Pitch</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Windows offers no speech engine to this program. Reinstall Fenggang Reader; if that does not help, check Settings ▸ Time &amp; language ▸ Speech.</source>
        <translation>Windows offers no speech engine to this program. Reinstall Fenggang Reader; if that does not help, check Settings ▸ Time &amp; language ▸ Speech.</translation>
    </message>
    <message>
        <source>macOS offers no speech engine to this program. Reinstall Fenggang Reader.</source>
        <translation>macOS offers no speech engine to this program. Reinstall Fenggang Reader.</translation>
    </message>
    <message>
        <source>No speech engine is installed (on Linux: install speech-dispatcher and espeak-ng).</source>
        <translation>No speech engine is installed (on Linux: install speech-dispatcher and espeak-ng).</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice. Add one in Windows: Settings ▸ Time &amp; language ▸ Speech ▸ Add voices ▸ Chinese (Simplified, China), then restart Fenggang Reader.</source>
        <translation>The system voice has no Chinese voice. Add one in Windows: Settings ▸ Time &amp; language ▸ Speech ▸ Add voices ▸ Chinese (Simplified, China), then restart Fenggang Reader.</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice. Add one in macOS: System Settings ▸ Accessibility ▸ Spoken Content ▸ System voice ▸ Manage Voices… ▸ Chinese (China mainland), then restart Fenggang Reader.</source>
        <translation>The system voice has no Chinese voice. Add one in macOS: System Settings ▸ Accessibility ▸ Spoken Content ▸ System voice ▸ Manage Voices… ▸ Chinese (China mainland), then restart Fenggang Reader.</translation>
    </message>
    <message>
        <source>No voice could make the audio: the online voices cannot be reached, and the offline voice has no Chinese voice on this computer. Check the internet connection, or add a Chinese voice in the system settings.</source>
        <translation>No voice could make the audio: the online voices cannot be reached, and the offline voice has no Chinese voice on this computer. Check the internet connection, or add a Chinese voice in the system settings.</translation>
    </message>
    <message>
        <source>No voice could make the audio: the online voices cannot be reached, and the offline voice cannot write audio on this computer. Check the internet connection, or install espeak-ng.</source>
        <translation>No voice could make the audio: the online voices cannot be reached, and the offline voice cannot write audio on this computer. Check the internet connection, or install espeak-ng.</translation>
    </message>
    <message>
        <source>The system voice (%1) could not start: %2</source>
        <translation>The system voice (%1) could not start: %2</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice (on Linux: install espeak-ng).</source>
        <translation>The system voice has no Chinese voice (on Linux: install espeak-ng).</translation>
    </message>
    <message>
        <source>The system voice is still starting.</source>
        <translation>The system voice is still starting.</translation>
    </message>
    <message>
        <source>The offline voice did not answer (speech-dispatcher is not responding).</source>
        <translation>The offline voice did not answer (speech-dispatcher is not responding).</translation>
    </message>
</context>
<context>
    <name>ScreenReader</name>
    <message>
        <source>Screen-reader mode on</source>
        <translation>Screen-reader mode on</translation>
    </message>
    <message>
        <source>Screen-reader mode off</source>
        <translation>Screen-reader mode off</translation>
    </message>
</context>
<context>
    <name>SimpleMode</name>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>Bigger</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>All features</source>
        <translation>All features</translation>
    </message>
    <message>
        <source>Show the menus, the toolbar and the contents again (%1).</source>
        <translation>Show the menus, the toolbar and the contents again (%1).</translation>
    </message>
    <message>
        <source>Simple mode buttons</source>
        <translation>Simple mode buttons</translation>
    </message>
    <message>
        <source>Simple mode. Large buttons: Read, Bigger, Smaller, Previous, Next. All features brings everything back.</source>
        <translation>Simple mode. Large buttons: Read, Bigger, Smaller, Previous, Next. All features brings everything back.</translation>
    </message>
    <message>
        <source>All features shown.</source>
        <translation>All features shown.</translation>
    </message>
</context>
<context>
    <name>SpeechError</name>
    <message>
        <source>The online voices cannot be reached; check the network.</source>
        <translation>The online voices cannot be reached; check the network.</translation>
    </message>
    <message>
        <source>The connection to the online voices was lost.</source>
        <translation>The connection to the online voices was lost.</translation>
    </message>
    <message>
        <source>The online voices refused the request; check the computer&apos;s date and time.</source>
        <translation>The online voices refused the request; check the computer&apos;s date and time.</translation>
    </message>
    <message>
        <source>The online voices are busy; try again later.</source>
        <translation>The online voices are busy; try again later.</translation>
    </message>
    <message>
        <source>The online voices did not answer in time.</source>
        <translation>The online voices did not answer in time.</translation>
    </message>
    <message>
        <source>The online voice&apos;s sound did not arrive complete.</source>
        <translation>The online voice&apos;s sound did not arrive complete.</translation>
    </message>
    <message>
        <source>The online voices&apos; answer could not be understood.</source>
        <translation>The online voices&apos; answer could not be understood.</translation>
    </message>
    <message>
        <source>The online voices answered in an unexpected way.</source>
        <translation>The online voices answered in an unexpected way.</translation>
    </message>
    <message>
        <source>The speed, pitch or volume setting is not valid.</source>
        <translation>The speed, pitch or volume setting is not valid.</translation>
    </message>
    <message>
        <source>This is not the name of an online voice.</source>
        <translation>This is not the name of an online voice.</translation>
    </message>
    <message>
        <source>The address set for the online voices is not valid.</source>
        <translation>The address set for the online voices is not valid.</translation>
    </message>
    <message>
        <source>Parts of the online voices are missing or damaged; please reinstall Fenggang Reader.</source>
        <translation>Parts of the online voices are missing or damaged; please reinstall Fenggang Reader.</translation>
    </message>
    <message>
        <source>The sound could not be played.</source>
        <translation>The sound could not be played.</translation>
    </message>
    <message>
        <source>The sound stopped coming through.</source>
        <translation>The sound stopped coming through.</translation>
    </message>
    <message>
        <source>The offline voice failed.</source>
        <translation>The offline voice failed.</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Welcome to Fenggang Reader. Press Space to hear the paragraph in front of you, plus to make the characters bigger, and F1 for help.</source>
        <translation>Welcome to Fenggang Reader. Press Space to hear the paragraph in front of you, plus to make the characters bigger, and F1 for help.</translation>
    </message>
    <message>
        <source>Continue reading?</source>
        <translation>Continue reading?</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <source>No, start at the top</source>
        <translation>No, start at the top</translation>
    </message>
    <message>
        <source>Last time you stopped at “%1” (paragraph %2). Continue from there?</source>
        <translation>Last time you stopped at “%1” (paragraph %2). Continue from there?</translation>
    </message>
    <message>
        <source>Starting at the top.</source>
        <translation>Starting at the top.</translation>
    </message>
</context>
<context>
    <name>StorageWarning</name>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the folder cannot be written</source>
        <translation>the folder cannot be written</translation>
    </message>
    <message>
        <source>Your settings cannot be saved: %1 (%2). The reader keeps working, but changes are forgotten when it closes.</source>
        <translation>Your settings cannot be saved: %1 (%2). The reader keeps working, but changes are forgotten when it closes.</translation>
    </message>
    <message>
        <source>Spoken audio cannot be kept on this computer: %1 (%2). Reading aloud still works, but needs the network each time.</source>
        <translation>Spoken audio cannot be kept on this computer: %1 (%2). Reading aloud still works, but needs the network each time.</translation>
    </message>
    <message>
        <source>⚠ Settings cannot be saved</source>
        <translation>⚠ Settings cannot be saved</translation>
    </message>
    <message>
        <source>⚠ Spoken audio cannot be kept</source>
        <translation>⚠ Spoken audio cannot be kept</translation>
    </message>
</context>
<context>
    <name>WindowFit</name>
    <message>
        <source>More buttons</source>
        <translation>More buttons</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Next paragraph</source>
        <translation>Next paragraph</translation>
    </message>
    <message>
        <source>Previous paragraph</source>
        <translation>Previous paragraph</translation>
    </message>
    <message>
        <source>Next heading</source>
        <translation>Next heading</translation>
    </message>
    <message>
        <source>Jump to the next heading.</source>
        <translation>Jump to the next heading.</translation>
    </message>
    <message>
        <source>Previous heading</source>
        <translation>Previous heading</translation>
    </message>
    <message>
        <source>Jump to the previous heading.</source>
        <translation>Jump to the previous heading.</translation>
    </message>
    <message>
        <source>Go to the start</source>
        <translation>Go to the start</translation>
    </message>
    <message>
        <source>Jump to the title at the start of the document.</source>
        <translation>Jump to the title at the start of the document.</translation>
    </message>
    <message>
        <source>Go to the end</source>
        <translation>Go to the end</translation>
    </message>
    <message>
        <source>Jump to the last note at the end of the document.</source>
        <translation>Jump to the last note at the end of the document.</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Page down</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Page up</translation>
    </message>
    <message>
        <source>Contents / text</source>
        <translation>Contents / text</translation>
    </message>
    <message>
        <source>Move between the contents panel and the text.</source>
        <translation>Move between the contents panel and the text.</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Search the document for a word.</source>
        <translation>Search the document for a word.</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>Go to the next match of the search.</source>
        <translation>Go to the next match of the search.</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <source>Go to the previous match of the search.</source>
        <translation>Go to the previous match of the search.</translation>
    </message>
    <message>
        <source>Show the note</source>
        <translation>Show the note</translation>
    </message>
    <message>
        <source>Open the note explaining the term in focus (Tab moves between terms; Enter on a term also opens it; Esc closes it).</source>
        <translation>Open the note explaining the term in focus (Tab moves between terms; Enter on a term also opens it; Esc closes it).</translation>
    </message>
    <message>
        <source>Next place the term is used</source>
        <translation>Next place the term is used</translation>
    </message>
    <message>
        <source>From a note or a term, go to the next place where the term is used.</source>
        <translation>From a note or a term, go to the next place where the term is used.</translation>
    </message>
    <message>
        <source>Previous place the term is used</source>
        <translation>Previous place the term is used</translation>
    </message>
    <message>
        <source>From a note or a term, go to the previous place where the term is used.</source>
        <translation>From a note or a term, go to the previous place where the term is used.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Go back to where you were before going to a place where a term is used.</source>
        <translation>Go back to where you were before going to a place where a term is used.</translation>
    </message>
    <message>
        <source>Read the note aloud</source>
        <translation>Read the note aloud</translation>
    </message>
    <message>
        <source>Read aloud the note for the term in focus (R in the note window).</source>
        <translation>Read aloud the note for the term in focus (R in the note window).</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Make the characters and the pinyin larger.</source>
        <translation>Make the characters and the pinyin larger.</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Make the characters and the pinyin smaller.</source>
        <translation>Make the characters and the pinyin smaller.</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <source>Return to the normal text size.</source>
        <translation>Return to the normal text size.</translation>
    </message>
    <message>
        <source>Show pinyin</source>
        <translation>Show pinyin</translation>
    </message>
    <message>
        <source>Show or hide the pinyin above the characters.</source>
        <translation>Show or hide the pinyin above the characters.</translation>
    </message>
    <message>
        <source>Pinyin style: marks / numbers / zhuyin</source>
        <translation>Pinyin style: marks / numbers / zhuyin</translation>
    </message>
    <message>
        <source>Switch between tone marks, tone numbers and zhuyin.</source>
        <translation>Switch between tone marks, tone numbers and zhuyin.</translation>
    </message>
    <message>
        <source>Correct the pinyin…</source>
        <translation>Correct the pinyin…</translation>
    </message>
    <message>
        <source>Choose the right reading of the selected character or word (or the one at the cursor); the pinyin and the voice both use it.</source>
        <translation>Choose the right reading of the selected character or word (or the one at the cursor); the pinyin and the voice both use it.</translation>
    </message>
    <message>
        <source>Reset all my pinyin corrections…</source>
        <translation>Reset all my pinyin corrections…</translation>
    </message>
    <message>
        <source>Forget every reading you chose yourself and show the usual pinyin again.</source>
        <translation>Forget every reading you chose yourself and show the usual pinyin again.</translation>
    </message>
    <message>
        <source>Dictionary tones (一 yī, 不 bù)</source>
        <translation>Dictionary tones (一 yī, 不 bù)</translation>
    </message>
    <message>
        <source>Show 一 and 不 with the tones the dictionary writes (一定 yīdìng, 不断 bùduàn).</source>
        <translation>Show 一 and 不 with the tones the dictionary writes (一定 yīdìng, 不断 bùduàn).</translation>
    </message>
    <message>
        <source>Spoken tones (一 yí/yì, 不 bú)</source>
        <translation>Spoken tones (一 yí/yì, 不 bú)</translation>
    </message>
    <message>
        <source>Show 一 and 不 with the tones they are said with (一定 yídìng, 一般 yìbān, 不断 búduàn).</source>
        <translation>Show 一 and 不 with the tones they are said with (一定 yídìng, 一般 yìbān, 不断 búduàn).</translation>
    </message>
    <message>
        <source>Larger menus and buttons</source>
        <translation>Larger menus and buttons</translation>
    </message>
    <message>
        <source>Make the menus, buttons, panels and messages larger, whatever the text size.</source>
        <translation>Make the menus, buttons, panels and messages larger, whatever the text size.</translation>
    </message>
    <message>
        <source>Smaller menus and buttons</source>
        <translation>Smaller menus and buttons</translation>
    </message>
    <message>
        <source>Make the menus, buttons, panels and messages smaller, whatever the text size.</source>
        <translation>Make the menus, buttons, panels and messages smaller, whatever the text size.</translation>
    </message>
    <message>
        <source>Menus and buttons follow the text size</source>
        <translation>Menus and buttons follow the text size</translation>
    </message>
    <message>
        <source>Let the menus, buttons, panels and messages grow and shrink with the text.</source>
        <translation>Let the menus, buttons, panels and messages grow and shrink with the text.</translation>
    </message>
    <message>
        <source>Next colour theme</source>
        <translation>Next colour theme</translation>
    </message>
    <message>
        <source>Switch to the next colour theme (light, dark, high contrast).</source>
        <translation>Switch to the next colour theme (light, dark, high contrast).</translation>
    </message>
    <message>
        <source>Text spacing…</source>
        <translation>Text spacing…</translation>
    </message>
    <message>
        <source>Change the space between lines, characters and paragraphs.</source>
        <translation>Change the space between lines, characters and paragraphs.</translation>
    </message>
    <message>
        <source>Focus mode: paragraph / line / off</source>
        <translation>Focus mode: paragraph / line / off</translation>
    </message>
    <message>
        <source>Dim everything but the current paragraph or line.</source>
        <translation>Dim everything but the current paragraph or line.</translation>
    </message>
    <message>
        <source>Large buttons</source>
        <translation>Large buttons</translation>
    </message>
    <message>
        <source>Make the toolbar buttons extra large.</source>
        <translation>Make the toolbar buttons extra large.</translation>
    </message>
    <message>
        <source>Simple mode</source>
        <translation>Simple mode</translation>
    </message>
    <message>
        <source>Only five very large buttons: Read, Bigger, Smaller, Previous, Next.</source>
        <translation>Only five very large buttons: Read, Bigger, Smaller, Previous, Next.</translation>
    </message>
    <message>
        <source>Show contents panel</source>
        <translation>Show contents panel</translation>
    </message>
    <message>
        <source>Show or hide the list of parts, headings and notes.</source>
        <translation>Show or hide the list of parts, headings and notes.</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Use the whole screen for the text.</source>
        <translation>Use the whole screen for the text.</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>Screen-reader mode</translation>
    </message>
    <message>
        <source>Leave single-letter and keypad keys to the screen reader and let it hear every key press (on by itself while a screen reader runs).</source>
        <translation>Leave single-letter and keypad keys to the screen reader and let it hear every key press (on by itself while a screen reader runs).</translation>
    </message>
    <message>
        <source>Single-letter keys in screen-reader mode</source>
        <translation>Single-letter keys in screen-reader mode</translation>
    </message>
    <message>
        <source>Keep J, K, H, N, S, +, - and the other single keys in screen-reader mode.</source>
        <translation>Keep J, K, H, N, S, +, - and the other single keys in screen-reader mode.</translation>
    </message>
    <message>
        <source>Follow the system language</source>
        <translation>Follow the system language</translation>
    </message>
    <message>
        <source>Show the menus and messages in the language of this computer.</source>
        <translation>Show the menus and messages in the language of this computer.</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Show the menus and messages in Simplified Chinese.</source>
        <translation>Show the menus and messages in Simplified Chinese.</translation>
    </message>
    <message>
        <source>繁體中文</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>Show the menus and messages in Traditional Chinese.</source>
        <translation>Show the menus and messages in Traditional Chinese.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Show the menus and messages in English.</source>
        <translation>Show the menus and messages in English.</translation>
    </message>
    <message>
        <source>Simplified characters</source>
        <translation>Simplified characters</translation>
    </message>
    <message>
        <source>Show the document in Simplified characters.</source>
        <translation>Show the document in Simplified characters.</translation>
    </message>
    <message>
        <source>Traditional characters (Hong Kong)</source>
        <translation>Traditional characters (Hong Kong)</translation>
    </message>
    <message>
        <source>Show the document in Traditional characters, Hong Kong style. The pinyin stays the same.</source>
        <translation>Show the document in Traditional characters, Hong Kong style. The pinyin stays the same.</translation>
    </message>
    <message>
        <source>Traditional characters (Taiwan)</source>
        <translation>Traditional characters (Taiwan)</translation>
    </message>
    <message>
        <source>Show the document in Traditional characters, Taiwan style. The pinyin stays the same.</source>
        <translation>Show the document in Traditional characters, Taiwan style. The pinyin stays the same.</translation>
    </message>
    <message>
        <source>Next character set</source>
        <translation>Next character set</translation>
    </message>
    <message>
        <source>Switch between Simplified and Traditional characters (Hong Kong, Taiwan).</source>
        <translation>Switch between Simplified and Traditional characters (Hong Kong, Taiwan).</translation>
    </message>
    <message>
        <source>Pinyin (Mandarin)</source>
        <translation>Pinyin (Mandarin)</translation>
    </message>
    <message>
        <source>Show Mandarin pinyin above the characters.</source>
        <translation>Show Mandarin pinyin above the characters.</translation>
    </message>
    <message>
        <source>Jyutping (Cantonese)</source>
        <translation>Jyutping (Cantonese)</translation>
    </message>
    <message>
        <source>Show Cantonese Jyutping above the characters.</source>
        <translation>Show Cantonese Jyutping above the characters.</translation>
    </message>
    <message>
        <source>Pinyin / Jyutping</source>
        <translation>Pinyin / Jyutping</translation>
    </message>
    <message>
        <source>Switch between Mandarin pinyin and Cantonese Jyutping above the characters.</source>
        <translation>Switch between Mandarin pinyin and Cantonese Jyutping above the characters.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Open a document to read: a text file, a saved web page, a Word file (.docx), an EPUB book or a PDF with text. You can also drop a file on the window.</source>
        <translation>Open a document to read: a text file, a saved web page, a Word file (.docx), an EPUB book or a PDF with text. You can also drop a file on the window.</translation>
    </message>
    <message>
        <source>Paste as a new document</source>
        <translation>Paste as a new document</translation>
    </message>
    <message>
        <source>Read the text or web page you copied as a document of its own, with pinyin.</source>
        <translation>Read the text or web page you copied as a document of its own, with pinyin.</translation>
    </message>
    <message>
        <source>The built-in report</source>
        <translation>The built-in report</translation>
    </message>
    <message>
        <source>Open the 2025 Fenggang town government work report that comes with the reader.</source>
        <translation>Open the 2025 Fenggang town government work report that comes with the reader.</translation>
    </message>
    <message>
        <source>Screen-reader mode (on by itself while a screen reader runs; %1 switches it) leaves these single keys to the screen reader: %2. Every other key stays, and the screen reader hears each press, so it stops speaking when you move. Keypad keys and Insert or CapsLock chords always belong to the screen reader.</source>
        <translation>Screen-reader mode (on by itself while a screen reader runs; %1 switches it) leaves these single keys to the screen reader: %2. Every other key stays, and the screen reader hears each press, so it stops speaking when you move. Keypad keys and Insert or CapsLock chords always belong to the screen reader.</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Show the next screen of a paragraph taller than the window; otherwise move to the next paragraph.</source>
        <translation>Show the next screen of a paragraph taller than the window; otherwise move to the next paragraph.</translation>
    </message>
    <message>
        <source>Show the previous screen of a paragraph that starts above the window; otherwise move to the previous paragraph.</source>
        <translation>Show the previous screen of a paragraph that starts above the window; otherwise move to the previous paragraph.</translation>
    </message>
    <message>
        <source>Show the next screenful of text; its last line stays on screen as the first.</source>
        <translation>Show the next screenful of text; its last line stays on screen as the first.</translation>
    </message>
    <message>
        <source>Show the previous screenful of text; its first line stays on screen as the last.</source>
        <translation>Show the previous screenful of text; its first line stays on screen as the last.</translation>
    </message>
    <message>
        <source>Read the current paragraph aloud; press again to pause or resume.</source>
        <translation>Read the current paragraph aloud; press again to pause or resume.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop reading aloud.</source>
        <translation>Stop reading aloud.</translation>
    </message>
    <message>
        <source>Next sentence</source>
        <translation>Next sentence</translation>
    </message>
    <message>
        <source>While reading aloud, skip to the next sentence.</source>
        <translation>While reading aloud, skip to the next sentence.</translation>
    </message>
    <message>
        <source>Previous sentence</source>
        <translation>Previous sentence</translation>
    </message>
    <message>
        <source>While reading aloud, go back to the previous sentence.</source>
        <translation>While reading aloud, go back to the previous sentence.</translation>
    </message>
    <message>
        <source>Keep reading to the end</source>
        <translation>Keep reading to the end</translation>
    </message>
    <message>
        <source>Go on to the next paragraphs after this one, with the text following the voice.</source>
        <translation>Go on to the next paragraphs after this one, with the text following the voice.</translation>
    </message>
    <message>
        <source>Read faster</source>
        <translation>Read faster</translation>
    </message>
    <message>
        <source>Make the voice faster (up to 2×).</source>
        <translation>Make the voice faster (up to 2×).</translation>
    </message>
    <message>
        <source>Read slower</source>
        <translation>Read slower</translation>
    </message>
    <message>
        <source>Make the voice slower (down to 0.5×).</source>
        <translation>Make the voice slower (down to 0.5×).</translation>
    </message>
    <message>
        <source>Voice and speed…</source>
        <translation>Voice and speed…</translation>
    </message>
    <message>
        <source>Choose the voice, speed, pitch and volume, and whether online voices may be used.</source>
        <translation>Choose the voice, speed, pitch and volume, and whether online voices may be used.</translation>
    </message>
    <message>
        <source>Export audiobook…</source>
        <translation>Export audiobook…</translation>
    </message>
    <message>
        <source>Save the document as MP3 files for a phone or a player: one file with chapters, and one file per paragraph.</source>
        <translation>Save the document as MP3 files for a phone or a player: one file with chapters, and one file per paragraph.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Print the document in large print with pinyin, after a preview.</source>
        <translation>Print the document in large print with pinyin, after a preview.</translation>
    </message>
    <message>
        <source>Save as large-print PDF…</source>
        <translation>Save as large-print PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF in large print with pinyin, the headings as bookmarks and the notes linked.</source>
        <translation>Save the document as a PDF in large print with pinyin, the headings as bookmarks and the notes linked.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Close the reader; your place is remembered.</source>
        <translation>Close the reader; your place is remembered.</translation>
    </message>
    <message>
        <source>Keys and help</source>
        <translation>Keys and help</translation>
    </message>
    <message>
        <source>Show every key and how to use the reader.</source>
        <translation>Show every key and how to use the reader.</translation>
    </message>
    <message>
        <source>Where am I?</source>
        <translation>Where am I?</translation>
    </message>
    <message>
        <source>Say which part and paragraph you are reading.</source>
        <translation>Say which part and paragraph you are reading.</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation>&amp;Speech</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>themes</name>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>High contrast: white on black</source>
        <translation>High contrast: white on black</translation>
    </message>
    <message>
        <source>High contrast: yellow on black</source>
        <translation>High contrast: yellow on black</translation>
    </message>
    <message>
        <source>High contrast: black on white</source>
        <translation>High contrast: black on white</translation>
    </message>
</context>
</TS>
