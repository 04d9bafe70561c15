<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Fenggang Reader</source>
        <translation>鳳崗讀報</translation>
    </message>
    <message>
        <source>Read and listen to the 2025 Fenggang town government work report, with pinyin.</source>
        <translation>閱讀和收聽《2025年鳳崗鎮政府工作報告》，每個字上都有拼音。</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>授權條款：</translation>
    </message>
    <message>
        <source>This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>本程式不提供任何擔保。</translation>
    </message>
    <message>
        <source>Application ID:</source>
        <translation>應用程式識別碼：</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>所用元件及其授權條款</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>授權條款</translation>
    </message>
    <message>
        <source>The full licence texts are installed with the program.</source>
        <translation>完整的授權條款文字已隨程式一起安裝。</translation>
    </message>
    <message>
        <source>About Fenggang Reader</source>
        <translation>關於鳳崗讀報</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Heading level %1</source>
        <translation>%1 級標題</translation>
    </message>
    <message>
        <source>Colour &amp;theme</source>
        <translation>配色(&amp;T)</translation>
    </message>
    <message>
        <source>Use the colour theme: %1</source>
        <translation>使用配色：%1</translation>
    </message>
</context>
<context>
    <name>Comfort</name>
    <message>
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>Height of each line, with room for the pinyin (%1 to %2 %).</source>
        <translation>每一行的高度，含拼音的位置（%1 到 %2 %）。</translation>
    </message>
    <message>
        <source>Character spacing</source>
        <translation>字距</translation>
    </message>
    <message>
        <source>Width given to each Chinese character (%1 to %2 %).</source>
        <translation>每個漢字所佔的寬度（%1 到 %2 %）。</translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation>段距</translation>
    </message>
    <message>
        <source>Space after each paragraph, in percent of a line (%1 to %2 %).</source>
        <translation>每段之後的空白，按一行的百分比計（%1 到 %2 %）。</translation>
    </message>
    <message>
        <source>Text spacing</source>
        <translation>文字間距</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Restore the normal spacing</source>
        <translation>恢復正常間距</translation>
    </message>
    <message>
        <source>Normal spacing</source>
        <translation>正常間距</translation>
    </message>
    <message>
        <source>Focus mode off</source>
        <translation>已關閉專注模式</translation>
    </message>
    <message>
        <source>Focus on the current paragraph</source>
        <translation>只突出當前段落</translation>
    </message>
    <message>
        <source>Focus on the current line</source>
        <translation>只突出當前這一行</translation>
    </message>
    <message>
        <source>Large buttons</source>
        <translation>大按鈕</translation>
    </message>
    <message>
        <source>Normal buttons</source>
        <translation>普通按鈕</translation>
    </message>
</context>
<context>
    <name>ContentsDrawer</name>
    <message>
        <source>Contents (Esc closes)</source>
        <translation>目錄（按 Esc 關閉）</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目錄</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出了點問題</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>錯誤詳情</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>複製詳情</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>繼續閱讀</translation>
    </message>
    <message>
        <source>The reader met an unexpected problem. It keeps running: you can go on reading.</source>
        <translation>閱讀器遇到了一個意外問題，但仍在執行，您可以繼續閱讀。</translation>
    </message>
    <message>
        <source>(%1 problems so far.)</source>
        <translation>（到目前為止共 %1 個問題。）</translation>
    </message>
    <message>
        <source>The details were saved in %1. If you want help, copy them and send them to whoever looks after this computer.</source>
        <translation>詳情已儲存在 %1。如需協助，請複製詳情，傳給幫您照看這台電腦的人。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已複製</translation>
    </message>
</context>
<context>
    <name>DocumentError</name>
    <message>
        <source>There is no file by that name: it was moved, renamed or deleted, or the name is mistyped.</source>
        <translation>找不到這個檔案：它可能被移動、改名或刪除了，也可能是檔名寫錯了。</translation>
    </message>
    <message>
        <source>The file cannot be read: the computer does not allow it, or the disk is not available.</source>
        <translation>無法讀取這個檔案：電腦不允許讀取，或者磁碟不可用。</translation>
    </message>
    <message>
        <source>There is no text in it.</source>
        <translation>裡面沒有文字。</translation>
    </message>
    <message>
        <source>It is too large: the reader opens documents of up to %1 characters.</source>
        <translation>檔案太大了：讀報器最多能開啟 %1 個字的文件。</translation>
    </message>
    <message>
        <source>Its characters cannot be read: it is in an encoding the reader does not know.</source>
        <translation>無法識別其中的文字：它使用了讀報器不認識的編碼。</translation>
    </message>
    <message>
        <source>It is not a document the reader can open. It opens text files, web pages (.html, .mhtml), Word files (.docx), EPUB books and PDF files with text.</source>
        <translation>這不是讀報器能開啟的文件。讀報器能開啟文字檔、網頁（.html、.mhtml）、Word 檔案（.docx）、EPUB 電子書和帶文字的 PDF 檔案。</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete.</source>
        <translation>檔案已損壞或不完整。</translation>
    </message>
    <message>
        <source>The copied text cannot be opened.</source>
        <translation>無法開啟複製的文字。</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>無法開啟「%1」。</translation>
    </message>
    <message>
        <source>Something went wrong in the reader while opening it; the details are in the log.</source>
        <translation>讀報器開啟它時出了問題；詳細情況記在日誌裡。</translation>
    </message>
</context>
<context>
    <name>DocumentOpening</name>
    <message>
        <source>The clipboard holds no text to read. Copy some text first, then press Ctrl+Shift+V.</source>
        <translation>剪貼簿裡沒有可讀的文字。請先複製一段文字，再按 Ctrl+Shift+V。</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>開啟文件</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>文件 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>查詢範圍：</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>檔案名稱：</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>檔案類型：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 files were dropped: opening the first, “%2”.</source>
        <translation>拖進來 %1 個檔案：開啟第一個，「%2」。</translation>
    </message>
    <message>
        <source>&amp;Recent documents</source>
        <translation>最近的文件(&amp;R)</translation>
    </message>
    <message>
        <source>No documents opened yet</source>
        <translation>還沒有開啟過文件</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>正在開啟「%1」…</translation>
    </message>
    <message>
        <source>Opening the copied text…</source>
        <translation>正在開啟複製的文字…</translation>
    </message>
    <message>
        <source>Opening the built-in report…</source>
        <translation>正在開啟鳳崗鎮政府工作報告…</translation>
    </message>
    <message>
        <source>It was the document you had open last time; the built-in report is open instead.</source>
        <translation>這是您上次開啟的文件；現在開啟的是內建的政府工作報告。</translation>
    </message>
    <message>
        <source>The built-in report is open instead.</source>
        <translation>現在開啟的是內建的政府工作報告。</translation>
    </message>
    <message>
        <source>The list of recent documents could not be read, so it starts empty.</source>
        <translation>最近的文件清單無法讀取，所以從空清單開始。</translation>
    </message>
    <message>
        <source>Recent documents</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <source>The old list was kept as %1.</source>
        <translation>原來的清單已另存為 %1。</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>無法開啟文件</translation>
    </message>
    <message>
        <source>Remove it from the recent documents</source>
        <translation>從最近的文件中刪去</translation>
    </message>
    <message>
        <source>Keep it in the list</source>
        <translation>留在清單裡</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %2 (the file is no longer there)</source>
        <translation>%1 %2（檔案已不在）</translation>
    </message>
    <message>
        <source>%1 %2 · paragraph %3</source>
        <translation>%1 %2 · 第%3段</translation>
    </message>
</context>
<context>
    <name>DocumentWindows</name>
    <message>
        <source>Opened “%1”.</source>
        <translation>已開啟「%1」。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Cannot write in the folder %1. Choose another folder; nothing was written.</source>
        <translation>無法寫入資料夾 %1。請另選一個資料夾；沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>The export could not be done. Nothing was written.</source>
        <translation>無法匯出。沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>Export audiobook</source>
        <translation>匯出有聲書</translation>
    </message>
    <message>
        <source>Makes MP3 files to listen to on a phone or a player: one file with chapters for the whole part and, in a folder of their own inside it, one file per paragraph with a playlist.</source>
        <translation>產生可以在手機或播放器上收聽的 MP3 檔案：整個部分一個帶章節的檔案；另在其中一個單獨的資料夾裡，每段一個檔案，並附播放清單。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>選擇資料夾</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>整份文件</translation>
    </message>
    <message>
        <source>Part 1: the review of 2024</source>
        <translation>第一部分：2024年工作回顧</translation>
    </message>
    <message>
        <source>Part 2: the plans for 2025</source>
        <translation>第二部分：2025年工作安排</translation>
    </message>
    <message>
        <source>The notes (explanations of terms)</source>
        <translation>名詞解釋</translation>
    </message>
    <message>
        <source>Part %1: %2</source>
        <translation>第%1部分：%2</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>語音</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>語速</translation>
    </message>
    <message>
        <source>The folder the audiobook is written into; it is made if needed.</source>
        <translation>有聲書寫入的資料夾；沒有的話會自動建立。</translation>
    </message>
    <message>
        <source>Offline voice only (nothing is sent over the internet)</source>
        <translation>只用離線語音（不通過網路發送任何內容）</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>匯出進度</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Stop the export; nothing is left behind.</source>
        <translation>停止匯出；不會留下任何檔案。</translation>
    </message>
    <message>
        <source>Folder for the audiobook</source>
        <translation>有聲書的資料夾</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>請先選擇資料夾。</translation>
    </message>
    <message>
        <source>Exporting the audiobook: %1 paragraphs.</source>
        <translation>正在匯出有聲書：共 %1 段。</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>第%1段，共%2段</translation>
    </message>
    <message>
        <source>The online voice failed; the offline voice is used instead.</source>
        <translation>線上語音出錯，改用離線語音。</translation>
    </message>
    <message>
        <source>The audiobook is ready: %1 paragraphs, %2 minutes, in %3.</source>
        <translation>有聲書已完成：%1 段，%2 分鐘，儲存在 %3。</translation>
    </message>
    <message>
        <source>The online voice could not be used, so the offline voice was used.</source>
        <translation>線上語音無法使用，因此用了離線語音。</translation>
    </message>
    <message>
        <source>The audiobook was not made</source>
        <translation>有聲書沒有生成</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消匯出；沒有寫入任何檔案。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Save as large-print PDF</source>
        <translation>另存為大字 PDF</translation>
    </message>
    <message>
        <source>A PDF to print or to read on a tablet: large characters with pinyin, the headings as bookmarks, the notes linked, page numbers at the foot of each page.</source>
        <translation>可以列印或在平板上閱讀的 PDF：大字帶拼音，標題作為書籤，名詞解釋有連結，每頁底部有頁碼。</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字級</translation>
    </message>
    <message>
        <source>Pinyin above the characters</source>
        <translation>漢字上方顯示拼音</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>開啟 PDF</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Save the large-print PDF as</source>
        <translation>大字 PDF 另存為</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>請先選擇檔案。</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>Saving the large-print PDF…</source>
        <translation>正在儲存大字 PDF…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <source>Saved the large-print PDF: %1 pages, in %2.</source>
        <translation>大字 PDF 已儲存：%1 頁，儲存在 %2。</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>PDF 沒有儲存</translation>
    </message>
    <message>
        <source>Print preview — large print</source>
        <translation>列印預覽 — 大字</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>縮放</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>頁碼</translation>
    </message>
    <message>
        <source>The pages as they will be printed</source>
        <translation>列印出來的頁面</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>無法使用印表機。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>沒有列印</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>Type a word, e.g. 凤岗</source>
        <translation>輸入要找的詞，例如：鳳崗</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>在正文中尋找</translation>
    </message>
    <message>
        <source>Enter: next match. Shift+Enter: previous match. Esc: close.</source>
        <translation>Enter 鍵：下一處。Shift+Enter：上一處。Esc 鍵：關閉。</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>尋找結果</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一處</translation>
    </message>
    <message>
        <source>Go to the previous match (Shift+F3)</source>
        <translation>前往上一處（Shift+F3）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一處</translation>
    </message>
    <message>
        <source>Go to the next match (F3)</source>
        <translation>前往下一處（F3）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>關閉尋找列（Esc）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第%1處，共%2處</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>Skip markers like [1]</source>
        <translation>不讀 [1] 這樣的註釋編號</translation>
    </message>
    <message>
        <source>Say “注释一”</source>
        <translation>讀作「註釋一」</translation>
    </message>
    <message>
        <source>Read the note after the sentence</source>
        <translation>讀完這句話後再讀註釋</translation>
    </message>
    <message>
        <source>Note %1: %2</source>
        <translation>註釋%1：%2</translation>
    </message>
    <message>
        <source>Note %1: %2. %3</source>
        <translation>註釋 %1：%2。%3</translation>
    </message>
    <message>
        <source>No glossary term in this paragraph.</source>
        <translation>這一段沒有需要解釋的詞語。</translation>
    </message>
    <message>
        <source>No glossary note here.</source>
        <translation>這裡沒有註釋。</translation>
    </message>
    <message>
        <source>This term is not used in the text.</source>
        <translation>正文中沒有用到這個詞。</translation>
    </message>
    <message>
        <source>%1: place %2 of %3, in %4. Alt+Left goes back.</source>
        <translation>%1：第 %2 處，共 %3 處，在「%4」。按 Alt+向左鍵返回。</translation>
    </message>
    <message>
        <source>Nothing to go back to.</source>
        <translation>沒有可以返回的地方。</translation>
    </message>
    <message>
        <source>Back.</source>
        <translation>已返回。</translation>
    </message>
    <message>
        <source>Menu key: show the note and the %1 places it is used; Alt+Right goes there.</source>
        <translation>按選單鍵：顯示註釋和用到它的 %1 個地方；按 Alt+向右鍵前往。</translation>
    </message>
    <message>
        <source>Show the note</source>
        <translation>顯示註釋</translation>
    </message>
    <message>
        <source>Used at</source>
        <translation>出現位置</translation>
    </message>
    <message>
        <source>Glossary markers like [1]</source>
        <translation>[1] 這樣的註釋編號</translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>Shows or hides the list of places; Enter on a place goes there.</source>
        <translation>顯示或收起用到這個詞的地方；在某一處按Enter就到那裡。</translation>
    </message>
    <message>
        <source>Places where this term is used</source>
        <translation>這個詞出現的地方</translation>
    </message>
    <message>
        <source>Enter goes there; Alt+Left comes back.</source>
        <translation>按 Enter 鍵前往；按 Alt+向左鍵返回。</translation>
    </message>
    <message>
        <source>Read aloud (R)</source>
        <translation>朗讀（R）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>Read the note aloud</source>
        <translation>朗讀註釋</translation>
    </message>
    <message>
        <source>Used in %1 places</source>
        <translation>用在 %1 處</translation>
    </message>
    <message>
        <source>Used in 1 place</source>
        <translation>用在 1 處</translation>
    </message>
</context>
<context>
    <name>GuidanceBars</name>
    <message>
        <source>Space: listen</source>
        <translation>空白鍵：朗讀</translation>
    </message>
    <message>
        <source>+ / −: size</source>
        <translation>+ / −：字號</translation>
    </message>
    <message>
        <source>F1: help</source>
        <translation>F1：說明</translation>
    </message>
    <message>
        <source>Got it, hide this</source>
        <translation>知道了，不再顯示</translation>
    </message>
    <message>
        <source>Hide the key hints</source>
        <translation>隱藏按鍵提示</translation>
    </message>
    <message>
        <source>The natural-sounding online voices (Microsoft Edge) send the text being read to Microsoft over the internet. The offline voice keeps everything on this computer. Use the online voices?</source>
        <translation>自然流暢的線上語音（微軟 Edge）會把正在朗讀的文字透過網際網路傳送給微軟。離線語音不會把任何內容傳出這台電腦。要使用線上語音嗎？</translation>
    </message>
    <message>
        <source>Offline voice only</source>
        <translation>只用離線語音</translation>
    </message>
    <message>
        <source>Use online voices</source>
        <translation>使用線上語音</translation>
    </message>
    <message>
        <source>Reading aloud stopped: %1
Try the voice settings, or Space to try again.</source>
        <translation>朗讀已停止：%1
請打開語音設定看看，或按空白鍵再試一次。</translation>
    </message>
    <message>
        <source>Voice settings…</source>
        <translation>語音設定…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Fenggang Reader shows the 2025 government work report of Fenggang town with pinyin above every character. Press + or - to change the size. Press Down and Up to move from paragraph to paragraph. Press F6 to move to the list of contents. Your place and your settings are remembered.</source>
        <translation>鳳崗讀報為您顯示《2025年鳳崗鎮政府工作報告》，每個字的上方都標有拼音。按 + 或 - 鍵調整字的大小。按向下、向上方向鍵逐段移動。按 F6 鍵前往目錄。您讀到的位置和各項設定都會自動記住。</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>（僅在選單中）</translation>
    </message>
    <message>
        <source>How to use Fenggang Reader</source>
        <translation>鳳崗讀報使用說明</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Keys and help</source>
        <translation>按鍵與說明</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>說明內容</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>Say this page with the reader&apos;s voice (Ctrl+R).</source>
        <translation>用朗讀聲音讀出這一頁（Ctrl+R）。</translation>
    </message>
</context>
<context>
    <name>InterfaceSize</name>
    <message>
        <source>Menus and buttons %1 points</source>
        <translation>選單和按鈕 %1 點</translation>
    </message>
    <message>
        <source>Menus and buttons follow the text size (%1 points)</source>
        <translation>選單和按鈕隨正文大小變化（%1 點）</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Simplified characters</source>
        <translation>簡體字</translation>
    </message>
    <message>
        <source>Traditional characters (Hong Kong)</source>
        <translation>繁體字（香港）</translation>
    </message>
    <message>
        <source>Traditional characters (Taiwan)</source>
        <translation>繁體字（台灣）</translation>
    </message>
    <message>
        <source>Pinyin above the characters</source>
        <translation>字上顯示拼音</translation>
    </message>
    <message>
        <source>Jyutping (Cantonese) above the characters</source>
        <translation>字上顯示粵拼（粵語）</translation>
    </message>
    <message>
        <source>Menus and messages: %1</source>
        <translation>選單和提示：%1</translation>
    </message>
    <message>
        <source>Also read aloud in Cantonese?</source>
        <translation>朗讀也改用粵語嗎？</translation>
    </message>
    <message>
        <source>Read aloud in Mandarin again?</source>
        <translation>朗讀改回普通話嗎？</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>朗讀聲音</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Report text</source>
        <translation>報告正文</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>凤岗镇政府工作报告</source>
        <translation>鳳崗鎮政府工作報告</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文件正文</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>End of the document.</source>
        <translation>已到文件結尾。</translation>
    </message>
    <message>
        <source>Start of the document.</source>
        <translation>已到文件開頭。</translation>
    </message>
    <message>
        <source>No more headings.</source>
        <translation>後面沒有標題了。</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>第%1段，共%2段</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>字號 %1</translation>
    </message>
    <message>
        <source>Text size %1 points</source>
        <translation>字號 %1 點</translation>
    </message>
    <message>
        <source>Pinyin shown</source>
        <translation>已顯示拼音</translation>
    </message>
    <message>
        <source>Pinyin hidden</source>
        <translation>已隱藏拼音</translation>
    </message>
    <message>
        <source>Pinyin with tone marks</source>
        <translation>拼音帶聲調符號</translation>
    </message>
    <message>
        <source>Pinyin with tone numbers</source>
        <translation>拼音帶聲調數字</translation>
    </message>
    <message>
        <source>Zhuyin</source>
        <translation>注音符號</translation>
    </message>
    <message>
        <source>This document has no headings to list.</source>
        <translation>這份文件沒有可列出的標題。</translation>
    </message>
    <message>
        <source>Some of your settings could not be used, so the usual ones were taken instead.</source>
        <translation>有些設定無法使用，已改用預設設定。</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>部分設定已恢復預設</translation>
    </message>
    <message>
        <source>The old settings file was kept as %1.</source>
        <translation>原來的設定檔已另存為 %1。</translation>
    </message>
</context>
<context>
    <name>Orientation</name>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>第%1段，共%2段</translation>
    </message>
    <message>
        <source>, heading level %1</source>
        <translation>，%1級標題</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1. Press F1 for help.</source>
        <translation>%1。按F1鍵聽說明。</translation>
    </message>
    <message>
        <source>%1 (Reading paused: Space goes on.)</source>
        <translation>%1（朗讀已暫停，按空白鍵繼續。）</translation>
    </message>
</context>
<context>
    <name>PronunciationDialog</name>
    <message>
        <source>neutral tone</source>
        <translation>輕聲</translation>
    </message>
    <message>
        <source>tone %1</source>
        <translation>第 %1 聲</translation>
    </message>
    <message>
        <source>Correct the pinyin of %1</source>
        <translation>改正「%1」的拼音</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>目前：%1</translation>
    </message>
    <message>
        <source>In the text: %1</source>
        <translation>原文：%1</translation>
    </message>
    <message>
        <source>Only the first %1 characters of your selection are shown.</source>
        <translation>只顯示所選內容的前 %1 個字。</translation>
    </message>
    <message>
        <source>&amp;Spoken as (optional, for experts):</source>
        <translation>朗讀時讀作（可不填，供熟練使用者使用）(&amp;S)：</translation>
    </message>
    <message>
        <source>characters the voice should say instead</source>
        <translation>朗讀時改讀的字</translation>
    </message>
    <message>
        <source>Spoken as (optional, for experts)</source>
        <translation>朗讀時讀作（可不填，供熟練使用者使用）</translation>
    </message>
    <message>
        <source>Only for speech, never shown: characters with the same sound that the voice reads correctly, for example 围 for 为 read wéi. Leave empty to let the reader choose.</source>
        <translation>只用於朗讀，不會顯示：填寫讀音相同、朗讀聲音能讀對的字，例如「為」讀 wéi 時填「圍」。不填則由閱讀器自動選擇。</translation>
    </message>
    <message>
        <source>Use this reading</source>
        <translation>使用這個讀音</translation>
    </message>
    <message>
        <source>Use these readings</source>
        <translation>使用這些讀音</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Reset this reading</source>
        <translation>恢復這個讀音(&amp;R)</translation>
    </message>
    <message>
        <source>Reset this reading</source>
        <translation>恢復這個讀音</translation>
    </message>
    <message>
        <source>Forget your own choice here and show the usual reading again.</source>
        <translation>取消您在這裡的選擇，恢復通常的讀音。</translation>
    </message>
    <message>
        <source>%1 — now %2</source>
        <translation>%1 — 目前讀 %2</translation>
    </message>
    <message>
        <source>shown now</source>
        <translation>目前顯示的</translation>
    </message>
    <message>
        <source>usual reading</source>
        <translation>通常讀音</translation>
    </message>
    <message>
        <source>The spoken form must be a few characters on one line.</source>
        <translation>朗讀時讀作的內容只能是一行裡的幾個字。</translation>
    </message>
    <message>
        <source>&amp;Pinyin</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <source>Select a Chinese character or word first, or put the cursor on one.</source>
        <translation>請先選取一個漢字或詞語，或者把游標放在上面。</translation>
    </message>
    <message>
        <source>There is no Chinese character to correct here.</source>
        <translation>這裡沒有可以改正的漢字。</translation>
    </message>
    <message>
        <source>%1 is now read %2. Speech uses it too.</source>
        <translation>「%1」現在讀作 %2，朗讀也會這樣讀。</translation>
    </message>
    <message>
        <source>You have not corrected this reading.</source>
        <translation>您沒有改過這個讀音。</translation>
    </message>
    <message>
        <source>%1 is read %2 again.</source>
        <translation>「%1」已恢復讀作 %2。</translation>
    </message>
    <message>
        <source>Your correction could not be saved: %1</source>
        <translation>無法儲存您的改正：%1</translation>
    </message>
    <message>
        <source>You have no pinyin corrections.</source>
        <translation>您還沒有改過任何拼音。</translation>
    </message>
    <message>
        <source>Reset all my corrections</source>
        <translation>恢復我改過的全部讀音</translation>
    </message>
    <message>
        <source>Forget all %1 of your pinyin corrections and show the usual readings again?</source>
        <translation>要取消您改過的全部 %1 處拼音，恢復通常的讀音嗎？</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部恢復</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Your corrections could not be reset: %1</source>
        <translation>無法恢復您的改正：%1</translation>
    </message>
    <message>
        <source>All your pinyin corrections were reset (%1).</source>
        <translation>您改過的拼音已全部恢復（%1 處）。</translation>
    </message>
    <message>
        <source>Pinyin of 一 and 不: spoken tones</source>
        <translation>「一」「不」的拼音：按實際讀法標調</translation>
    </message>
    <message>
        <source>Pinyin of 一 and 不: dictionary tones</source>
        <translation>「一」「不」的拼音：按字典標調</translation>
    </message>
    <message>
        <source>Pinyin corrections</source>
        <translation>拼音改正</translation>
    </message>
    <message>
        <source>Pinyin corrections could not be read</source>
        <translation>無法讀取拼音改正</translation>
    </message>
    <message>
        <source>Correct the pinyin of “%1”…</source>
        <translation>改正「%1」的拼音…</translation>
    </message>
    <message>
        <source>Correct the pinyin…</source>
        <translation>改正拼音…</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>關閉這個面板</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>浮動</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>讓這個面板獨立出來或放回原處</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Nothing to read here.</source>
        <translation>這裡沒有可以朗讀的內容。</translation>
    </message>
    <message>
        <source>End of the document.</source>
        <translation>已到文件結尾。</translation>
    </message>
    <message>
        <source>No voice is available.</source>
        <translation>沒有可用的朗讀聲音。</translation>
    </message>
    <message>
        <source>Cannot read aloud: %1</source>
        <translation>無法朗讀：%1</translation>
    </message>
    <message>
        <source>Preparing the voice…</source>
        <translation>正在準備語音…</translation>
    </message>
    <message>
        <source>Switched to the offline voice: %1</source>
        <translation>已改用離線聲音：%1</translation>
    </message>
    <message>
        <source>Reading stopped: %1</source>
        <translation>朗讀已停止：%1</translation>
    </message>
    <message>
        <source>The sound is not coming through; reading goes on when it does.</source>
        <translation>聲音暫時沒有播放出來；聲音恢復後會接著朗讀。</translation>
    </message>
    <message>
        <source>Reading continues to the end</source>
        <translation>朗讀會一直讀到最後</translation>
    </message>
    <message>
        <source>Reading stops after each paragraph</source>
        <translation>每讀完一段就停下</translation>
    </message>
    <message>
        <source>Speed %1×</source>
        <translation>語速 %1 倍</translation>
    </message>
    <message>
        <source>Online voices on; the next sentence uses them.</source>
        <translation>已開啟線上聲音，從下一句開始使用。</translation>
    </message>
    <message>
        <source>Only the offline voice will be used.</source>
        <translation>只會使用離線聲音。</translation>
    </message>
    <message>
        <source>Reading paragraph %1 of %2</source>
        <translation>正在朗讀第%1段，共%2段</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Voice and speed</source>
        <translation>聲音和語速</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Online voices (Microsoft Edge), offline voice as backup</source>
        <translation>線上聲音（微軟 Edge），離線聲音備用</translation>
    </message>
    <message>
        <source>Offline voice</source>
        <translation>離線聲音</translation>
    </message>
    <message>
        <source>Never send text to online voices</source>
        <translation>絕不把文字傳送給線上聲音</translation>
    </message>
    <message>
        <source>Online voice</source>
        <translation>線上聲音</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>語速</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>音調</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Windows offers no speech engine to this program. Reinstall Fenggang Reader; if that does not help, check Settings ▸ Time &amp; language ▸ Speech.</source>
        <translation>Windows 沒有為本程式提供語音引擎。請重新安裝鳳崗讀報；如果仍然不行，請檢查「設定 ▸ 時間與語言 ▸ 語音」。</translation>
    </message>
    <message>
        <source>macOS offers no speech engine to this program. Reinstall Fenggang Reader.</source>
        <translation>macOS 沒有為本程式提供語音引擎。請重新安裝鳳崗讀報。</translation>
    </message>
    <message>
        <source>No speech engine is installed (on Linux: install speech-dispatcher and espeak-ng).</source>
        <translation>沒有安裝語音引擎（Linux 上請安裝 speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice. Add one in Windows: Settings ▸ Time &amp; language ▸ Speech ▸ Add voices ▸ Chinese (Simplified, China), then restart Fenggang Reader.</source>
        <translation>系統語音裡沒有中文聲音。請在 Windows 中新增：設定 ▸ 時間與語言 ▸ 語音 ▸ 新增語音 ▸ 中文 (簡體，中國) 或中文 (繁體，台灣)，然後重新開啟鳳崗讀報。</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice. Add one in macOS: System Settings ▸ Accessibility ▸ Spoken Content ▸ System voice ▸ Manage Voices… ▸ Chinese (China mainland), then restart Fenggang Reader.</source>
        <translation>系統語音裡沒有中文聲音。請在 macOS 中加入：系統設定 ▸ 輔助使用 ▸ 語音內容 ▸ 系統語音 ▸ 管理語音… ▸ 中文（中國大陸）或中文（台灣），然後重新開啟鳳崗讀報。</translation>
    </message>
    <message>
        <source>No voice could make the audio: the online voices cannot be reached, and the offline voice has no Chinese voice on this computer. Check the internet connection, or add a Chinese voice in the system settings.</source>
        <translation>沒有語音能產生音訊：線上語音連不上，這台電腦的離線語音也沒有中文聲音。請檢查網路連線，或在系統設定裡加入中文語音。</translation>
    </message>
    <message>
        <source>No voice could make the audio: the online voices cannot be reached, and the offline voice cannot write audio on this computer. Check the internet connection, or install espeak-ng.</source>
        <translation>沒有語音能產生音訊：線上語音連不上，這台電腦的離線語音也無法產生音訊。請檢查網路連線，或安裝 espeak-ng。</translation>
    </message>
    <message>
        <source>The system voice (%1) could not start: %2</source>
        <translation>系統語音（%1）無法啟動：%2</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice (on Linux: install espeak-ng).</source>
        <translation>系統語音沒有中文聲音（Linux 上請安裝 espeak-ng）。</translation>
    </message>
    <message>
        <source>The system voice is still starting.</source>
        <translation>系統語音還在啟動，請稍候。</translation>
    </message>
    <message>
        <source>The offline voice did not answer (speech-dispatcher is not responding).</source>
        <translation>離線語音沒有回應（speech-dispatcher 沒有回應）。</translation>
    </message>
</context>
<context>
    <name>ScreenReader</name>
    <message>
        <source>Screen-reader mode on</source>
        <translation>讀屏模式已開啟</translation>
    </message>
    <message>
        <source>Screen-reader mode off</source>
        <translation>讀屏模式已關閉</translation>
    </message>
</context>
<context>
    <name>SimpleMode</name>
    <message>
        <source>Read</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一段</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一段</translation>
    </message>
    <message>
        <source>All features</source>
        <translation>全部功能</translation>
    </message>
    <message>
        <source>Show the menus, the toolbar and the contents again (%1).</source>
        <translation>重新顯示選單、工具列和目錄（%1）。</translation>
    </message>
    <message>
        <source>Simple mode buttons</source>
        <translation>簡易模式按鈕</translation>
    </message>
    <message>
        <source>Simple mode. Large buttons: Read, Bigger, Smaller, Previous, Next. All features brings everything back.</source>
        <translation>簡易模式。大按鈕：朗讀、放大、縮小、上一段、下一段。按“全部功能”恢復所有功能。</translation>
    </message>
    <message>
        <source>All features shown.</source>
        <translation>已顯示全部功能。</translation>
    </message>
</context>
<context>
    <name>SpeechError</name>
    <message>
        <source>The online voices cannot be reached; check the network.</source>
        <translation>無法連接線上語音，請檢查網路。</translation>
    </message>
    <message>
        <source>The connection to the online voices was lost.</source>
        <translation>與線上語音的連線中斷了。</translation>
    </message>
    <message>
        <source>The online voices refused the request; check the computer&apos;s date and time.</source>
        <translation>線上語音服務拒絕了請求，請檢查電腦的日期和時間。</translation>
    </message>
    <message>
        <source>The online voices are busy; try again later.</source>
        <translation>線上語音服務繁忙，請稍後再試。</translation>
    </message>
    <message>
        <source>The online voices did not answer in time.</source>
        <translation>線上語音沒有及時回應。</translation>
    </message>
    <message>
        <source>The online voice&apos;s sound did not arrive complete.</source>
        <translation>線上語音的聲音沒有完整收到。</translation>
    </message>
    <message>
        <source>The online voices&apos; answer could not be understood.</source>
        <translation>線上語音服務的回應無法識別。</translation>
    </message>
    <message>
        <source>The online voices answered in an unexpected way.</source>
        <translation>線上語音服務的回應出乎意料。</translation>
    </message>
    <message>
        <source>The speed, pitch or volume setting is not valid.</source>
        <translation>語速、音調或音量的設定無效。</translation>
    </message>
    <message>
        <source>This is not the name of an online voice.</source>
        <translation>這個線上語音的名稱無效。</translation>
    </message>
    <message>
        <source>The address set for the online voices is not valid.</source>
        <translation>為線上語音設定的網址無效。</translation>
    </message>
    <message>
        <source>Parts of the online voices are missing or damaged; please reinstall Fenggang Reader.</source>
        <translation>線上語音的元件缺失或已損壞，請重新安裝鳳崗讀報。</translation>
    </message>
    <message>
        <source>The sound could not be played.</source>
        <translation>聲音無法播放。</translation>
    </message>
    <message>
        <source>The sound stopped coming through.</source>
        <translation>聲音沒有播放出來。</translation>
    </message>
    <message>
        <source>The offline voice failed.</source>
        <translation>離線語音出錯了。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Welcome to Fenggang Reader. Press Space to hear the paragraph in front of you, plus to make the characters bigger, and F1 for help.</source>
        <translation>歡迎使用鳳崗讀報。按空格鍵收聽眼前這一段，按加號把字放大，按 F1 查看幫助。</translation>
    </message>
    <message>
        <source>Continue reading?</source>
        <translation>繼續閱讀嗎？</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>是，繼續讀</translation>
    </message>
    <message>
        <source>No, start at the top</source>
        <translation>不，從頭開始</translation>
    </message>
    <message>
        <source>Last time you stopped at “%1” (paragraph %2). Continue from there?</source>
        <translation>上次讀到“%1”（第 %2 段），從那裡繼續嗎？</translation>
    </message>
    <message>
        <source>Starting at the top.</source>
        <translation>從頭開始。</translation>
    </message>
</context>
<context>
    <name>StorageWarning</name>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>the folder cannot be written</source>
        <translation>資料夾無法寫入</translation>
    </message>
    <message>
        <source>Your settings cannot be saved: %1 (%2). The reader keeps working, but changes are forgotten when it closes.</source>
        <translation>無法儲存您的設定：%1（%2）。閱讀器仍可正常使用，但關閉後所做的變更不會保留。</translation>
    </message>
    <message>
        <source>Spoken audio cannot be kept on this computer: %1 (%2). Reading aloud still works, but needs the network each time.</source>
        <translation>朗讀的聲音無法儲存在這台電腦上：%1（%2）。朗讀仍然可用，但每次都需要上網。</translation>
    </message>
    <message>
        <source>⚠ Settings cannot be saved</source>
        <translation>⚠ 設定無法儲存</translation>
    </message>
    <message>
        <source>⚠ Spoken audio cannot be kept</source>
        <translation>⚠ 朗讀的聲音無法儲存</translation>
    </message>
</context>
<context>
    <name>WindowFit</name>
    <message>
        <source>More buttons</source>
        <translation>更多按鈕</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Next paragraph</source>
        <translation>下一段</translation>
    </message>
    <message>
        <source>Previous paragraph</source>
        <translation>上一段</translation>
    </message>
    <message>
        <source>Next heading</source>
        <translation>下一個標題</translation>
    </message>
    <message>
        <source>Jump to the next heading.</source>
        <translation>跳到下一個標題。</translation>
    </message>
    <message>
        <source>Previous heading</source>
        <translation>上一個標題</translation>
    </message>
    <message>
        <source>Jump to the previous heading.</source>
        <translation>跳到上一個標題。</translation>
    </message>
    <message>
        <source>Go to the start</source>
        <translation>回到開頭</translation>
    </message>
    <message>
        <source>Jump to the title at the start of the document.</source>
        <translation>跳到文件開頭的標題。</translation>
    </message>
    <message>
        <source>Go to the end</source>
        <translation>跳到結尾</translation>
    </message>
    <message>
        <source>Jump to the last note at the end of the document.</source>
        <translation>跳到文件結尾的最後一條註釋。</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>向下翻頁</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>向上翻頁</translation>
    </message>
    <message>
        <source>Contents / text</source>
        <translation>目錄 / 正文</translation>
    </message>
    <message>
        <source>Move between the contents panel and the text.</source>
        <translation>在目錄和正文之間切換。</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>尋找…</translation>
    </message>
    <message>
        <source>Search the document for a word.</source>
        <translation>在文件中尋找詞語。</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>尋找下一處</translation>
    </message>
    <message>
        <source>Go to the next match of the search.</source>
        <translation>前往下一處尋找結果。</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>尋找上一處</translation>
    </message>
    <message>
        <source>Go to the previous match of the search.</source>
        <translation>前往上一處尋找結果。</translation>
    </message>
    <message>
        <source>Show the note</source>
        <translation>顯示註釋</translation>
    </message>
    <message>
        <source>Open the note explaining the term in focus (Tab moves between terms; Enter on a term also opens it; Esc closes it).</source>
        <translation>開啟目前詞語的註釋（Tab 鍵在詞語之間移動；在詞語上按 Enter 鍵也能開啟；按 Esc 鍵關閉）。</translation>
    </message>
    <message>
        <source>Next place the term is used</source>
        <translation>這個詞下一次出現的地方</translation>
    </message>
    <message>
        <source>From a note or a term, go to the next place where the term is used.</source>
        <translation>從註釋或詞語出發，前往這個詞下一次出現的地方。</translation>
    </message>
    <message>
        <source>Previous place the term is used</source>
        <translation>這個詞上一次出現的地方</translation>
    </message>
    <message>
        <source>From a note or a term, go to the previous place where the term is used.</source>
        <translation>從註釋或詞語出發，前往這個詞上一次出現的地方。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back to where you were before going to a place where a term is used.</source>
        <translation>回到跳轉之前讀到的地方。</translation>
    </message>
    <message>
        <source>Read the note aloud</source>
        <translation>朗讀註釋</translation>
    </message>
    <message>
        <source>Read aloud the note for the term in focus (R in the note window).</source>
        <translation>朗讀目前詞語的註釋（在註釋視窗中按 R 鍵）。</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字體</translation>
    </message>
    <message>
        <source>Make the characters and the pinyin larger.</source>
        <translation>把字和拼音放大。</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>縮小字體</translation>
    </message>
    <message>
        <source>Make the characters and the pinyin smaller.</source>
        <translation>把字和拼音縮小。</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>正常字號</translation>
    </message>
    <message>
        <source>Return to the normal text size.</source>
        <translation>恢復正常字號。</translation>
    </message>
    <message>
        <source>Show pinyin</source>
        <translation>顯示拼音</translation>
    </message>
    <message>
        <source>Show or hide the pinyin above the characters.</source>
        <translation>顯示或隱藏字上方的拼音。</translation>
    </message>
    <message>
        <source>Pinyin style: marks / numbers / zhuyin</source>
        <translation>拼音樣式：聲調符號 / 數字 / 注音</translation>
    </message>
    <message>
        <source>Switch between tone marks, tone numbers and zhuyin.</source>
        <translation>在聲調符號、聲調數字和注音符號之間切換。</translation>
    </message>
    <message>
        <source>Correct the pinyin…</source>
        <translation>改正拼音…</translation>
    </message>
    <message>
        <source>Choose the right reading of the selected character or word (or the one at the cursor); the pinyin and the voice both use it.</source>
        <translation>為選取的字或詞（或游標處的字）選擇正確的讀音；拼音和朗讀都會照此讀。</translation>
    </message>
    <message>
        <source>Reset all my pinyin corrections…</source>
        <translation>恢復我改過的全部拼音…</translation>
    </message>
    <message>
        <source>Forget every reading you chose yourself and show the usual pinyin again.</source>
        <translation>取消您自己選過的所有讀音，恢復通常的拼音。</translation>
    </message>
    <message>
        <source>Dictionary tones (一 yī, 不 bù)</source>
        <translation>按字典標調（一 yī，不 bù）</translation>
    </message>
    <message>
        <source>Show 一 and 不 with the tones the dictionary writes (一定 yīdìng, 不断 bùduàn).</source>
        <translation>「一」和「不」按字典上的聲調標注（一定 yīdìng，不斷 bùduàn）。</translation>
    </message>
    <message>
        <source>Spoken tones (一 yí/yì, 不 bú)</source>
        <translation>按實際讀法標調（一 yí/yì，不 bú）</translation>
    </message>
    <message>
        <source>Show 一 and 不 with the tones they are said with (一定 yídìng, 一般 yìbān, 不断 búduàn).</source>
        <translation>「一」和「不」按實際讀出的聲調標注（一定 yídìng，一般 yìbān，不斷 búduàn）。</translation>
    </message>
    <message>
        <source>Larger menus and buttons</source>
        <translation>放大選單和按鈕</translation>
    </message>
    <message>
        <source>Make the menus, buttons, panels and messages larger, whatever the text size.</source>
        <translation>把選單、按鈕、面板和提示放大，不隨正文大小變化。</translation>
    </message>
    <message>
        <source>Smaller menus and buttons</source>
        <translation>縮小選單和按鈕</translation>
    </message>
    <message>
        <source>Make the menus, buttons, panels and messages smaller, whatever the text size.</source>
        <translation>把選單、按鈕、面板和提示縮小，不隨正文大小變化。</translation>
    </message>
    <message>
        <source>Menus and buttons follow the text size</source>
        <translation>選單和按鈕隨正文大小變化</translation>
    </message>
    <message>
        <source>Let the menus, buttons, panels and messages grow and shrink with the text.</source>
        <translation>讓選單、按鈕、面板和提示隨正文一起放大縮小。</translation>
    </message>
    <message>
        <source>Next colour theme</source>
        <translation>換一種配色</translation>
    </message>
    <message>
        <source>Switch to the next colour theme (light, dark, high contrast).</source>
        <translation>換成下一種配色（淺色、深色、高對比）。</translation>
    </message>
    <message>
        <source>Text spacing…</source>
        <translation>文字間距…</translation>
    </message>
    <message>
        <source>Change the space between lines, characters and paragraphs.</source>
        <translation>調整行與行、字與字、段與段之間的距離。</translation>
    </message>
    <message>
        <source>Focus mode: paragraph / line / off</source>
        <translation>專注模式：段落 / 單行 / 關閉</translation>
    </message>
    <message>
        <source>Dim everything but the current paragraph or line.</source>
        <translation>把當前段落或當前行以外的文字調暗。</translation>
    </message>
    <message>
        <source>Large buttons</source>
        <translation>大按鈕</translation>
    </message>
    <message>
        <source>Make the toolbar buttons extra large.</source>
        <translation>把工具列按鈕變得特別大。</translation>
    </message>
    <message>
        <source>Simple mode</source>
        <translation>簡易模式</translation>
    </message>
    <message>
        <source>Only five very large buttons: Read, Bigger, Smaller, Previous, Next.</source>
        <translation>只留五個大按鈕：朗讀、放大、縮小、上一段、下一段。</translation>
    </message>
    <message>
        <source>Show contents panel</source>
        <translation>顯示目錄</translation>
    </message>
    <message>
        <source>Show or hide the list of parts, headings and notes.</source>
        <translation>顯示或隱藏各部分、標題和註釋的清單。</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全螢幕</translation>
    </message>
    <message>
        <source>Use the whole screen for the text.</source>
        <translation>用整個螢幕顯示文字。</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>讀屏模式</translation>
    </message>
    <message>
        <source>Leave single-letter and keypad keys to the screen reader and let it hear every key press (on by itself while a screen reader runs).</source>
        <translation>把單字母鍵和數字鍵盤留給讀屏軟體，並讓它聽到每一次按鍵（讀屏軟體執行時自動開啟）。</translation>
    </message>
    <message>
        <source>Single-letter keys in screen-reader mode</source>
        <translation>讀屏模式下保留單字母鍵</translation>
    </message>
    <message>
        <source>Keep J, K, H, N, S, +, - and the other single keys in screen-reader mode.</source>
        <translation>在讀屏模式下也保留 J、K、H、N、S、+、- 等單個按鍵。</translation>
    </message>
    <message>
        <source>Follow the system language</source>
        <translation>跟隨系統語言</translation>
    </message>
    <message>
        <source>Show the menus and messages in the language of this computer.</source>
        <translation>選單和提示使用這台電腦的語言。</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Show the menus and messages in Simplified Chinese.</source>
        <translation>選單和提示使用簡體中文。</translation>
    </message>
    <message>
        <source>繁體中文</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>Show the menus and messages in Traditional Chinese.</source>
        <translation>選單和提示使用繁體中文。</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Show the menus and messages in English.</source>
        <translation>選單和提示使用英文。</translation>
    </message>
    <message>
        <source>Simplified characters</source>
        <translation>簡體字</translation>
    </message>
    <message>
        <source>Show the document in Simplified characters.</source>
        <translation>用簡體字顯示文件。</translation>
    </message>
    <message>
        <source>Traditional characters (Hong Kong)</source>
        <translation>繁體字（香港）</translation>
    </message>
    <message>
        <source>Show the document in Traditional characters, Hong Kong style. The pinyin stays the same.</source>
        <translation>用香港繁體字顯示文件，拼音不變。</translation>
    </message>
    <message>
        <source>Traditional characters (Taiwan)</source>
        <translation>繁體字（台灣）</translation>
    </message>
    <message>
        <source>Show the document in Traditional characters, Taiwan style. The pinyin stays the same.</source>
        <translation>用台灣繁體字顯示文件，拼音不變。</translation>
    </message>
    <message>
        <source>Next character set</source>
        <translation>切換簡繁體</translation>
    </message>
    <message>
        <source>Switch between Simplified and Traditional characters (Hong Kong, Taiwan).</source>
        <translation>在簡體字和繁體字（香港、台灣）之間切換。</translation>
    </message>
    <message>
        <source>Pinyin (Mandarin)</source>
        <translation>拼音（普通話）</translation>
    </message>
    <message>
        <source>Show Mandarin pinyin above the characters.</source>
        <translation>在字的上方顯示普通話拼音。</translation>
    </message>
    <message>
        <source>Jyutping (Cantonese)</source>
        <translation>粵拼（粵語）</translation>
    </message>
    <message>
        <source>Show Cantonese Jyutping above the characters.</source>
        <translation>在字的上方顯示粵語拼音（粵拼）。</translation>
    </message>
    <message>
        <source>Pinyin / Jyutping</source>
        <translation>拼音 / 粵拼</translation>
    </message>
    <message>
        <source>Switch between Mandarin pinyin and Cantonese Jyutping above the characters.</source>
        <translation>在普通話拼音和粵拼之間切換。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開啟…</translation>
    </message>
    <message>
        <source>Open a document to read: a text file, a saved web page, a Word file (.docx), an EPUB book or a PDF with text. You can also drop a file on the window.</source>
        <translation>開啟要讀的文件：文字檔、儲存的網頁、Word 檔案（.docx）、EPUB 電子書或帶文字的 PDF。也可以把檔案拖到視窗上。</translation>
    </message>
    <message>
        <source>Paste as a new document</source>
        <translation>貼上為新文件</translation>
    </message>
    <message>
        <source>Read the text or web page you copied as a document of its own, with pinyin.</source>
        <translation>把複製的文字或網頁當作一份新文件來讀，帶拼音。</translation>
    </message>
    <message>
        <source>The built-in report</source>
        <translation>鳳崗鎮政府工作報告</translation>
    </message>
    <message>
        <source>Open the 2025 Fenggang town government work report that comes with the reader.</source>
        <translation>開啟讀報器內建的2025年鳳崗鎮政府工作報告。</translation>
    </message>
    <message>
        <source>Screen-reader mode (on by itself while a screen reader runs; %1 switches it) leaves these single keys to the screen reader: %2. Every other key stays, and the screen reader hears each press, so it stops speaking when you move. Keypad keys and Insert or CapsLock chords always belong to the screen reader.</source>
        <translation>讀屏模式（讀屏軟體執行時自動開啟；按 %1 切換）把這些單個按鍵留給讀屏軟體：%2。其他按鍵不變，讀屏軟體能聽到每一次按鍵，所以您一移動它就停止朗讀。數字鍵盤按鍵以及 Insert 或 CapsLock 組合鍵始終歸讀屏軟體使用。</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>Show the next screen of a paragraph taller than the window; otherwise move to the next paragraph.</source>
        <translation>段落比視窗長時顯示它的下一個畫面，否則前往下一段。</translation>
    </message>
    <message>
        <source>Show the previous screen of a paragraph that starts above the window; otherwise move to the previous paragraph.</source>
        <translation>段落開頭在視窗上方時顯示它的上一個畫面，否則前往上一段。</translation>
    </message>
    <message>
        <source>Show the next screenful of text; its last line stays on screen as the first.</source>
        <translation>顯示下一個畫面的文字；這個畫面的最後一行留在螢幕上作為第一行。</translation>
    </message>
    <message>
        <source>Show the previous screenful of text; its first line stays on screen as the last.</source>
        <translation>顯示上一個畫面的文字；這個畫面的第一行留在螢幕上作為最後一行。</translation>
    </message>
    <message>
        <source>Read the current paragraph aloud; press again to pause or resume.</source>
        <translation>朗讀目前這一段；再按一次暫停或繼續。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading aloud.</source>
        <translation>停止朗讀。</translation>
    </message>
    <message>
        <source>Next sentence</source>
        <translation>下一句</translation>
    </message>
    <message>
        <source>While reading aloud, skip to the next sentence.</source>
        <translation>朗讀時跳到下一句。</translation>
    </message>
    <message>
        <source>Previous sentence</source>
        <translation>上一句</translation>
    </message>
    <message>
        <source>While reading aloud, go back to the previous sentence.</source>
        <translation>朗讀時回到上一句。</translation>
    </message>
    <message>
        <source>Keep reading to the end</source>
        <translation>一直讀到最後</translation>
    </message>
    <message>
        <source>Go on to the next paragraphs after this one, with the text following the voice.</source>
        <translation>讀完這一段後接著讀下面各段，文字跟著聲音走。</translation>
    </message>
    <message>
        <source>Read faster</source>
        <translation>讀快一點</translation>
    </message>
    <message>
        <source>Make the voice faster (up to 2×).</source>
        <translation>讓聲音讀得快一些（最快 2 倍）。</translation>
    </message>
    <message>
        <source>Read slower</source>
        <translation>讀慢一點</translation>
    </message>
    <message>
        <source>Make the voice slower (down to 0.5×).</source>
        <translation>讓聲音讀得慢一些（最慢 0.5 倍）。</translation>
    </message>
    <message>
        <source>Voice and speed…</source>
        <translation>聲音和語速…</translation>
    </message>
    <message>
        <source>Choose the voice, speed, pitch and volume, and whether online voices may be used.</source>
        <translation>選擇朗讀的聲音、語速、音調和音量，以及是否可以使用線上聲音。</translation>
    </message>
    <message>
        <source>Export audiobook…</source>
        <translation>匯出有聲書…</translation>
    </message>
    <message>
        <source>Save the document as MP3 files for a phone or a player: one file with chapters, and one file per paragraph.</source>
        <translation>把文件儲存為 MP3 檔案，在手機或播放器上收聽：一個帶章節的檔案，以及每段一個檔案。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <source>Print the document in large print with pinyin, after a preview.</source>
        <translation>預覽後以大字帶拼音列印文件。</translation>
    </message>
    <message>
        <source>Save as large-print PDF…</source>
        <translation>另存為大字 PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF in large print with pinyin, the headings as bookmarks and the notes linked.</source>
        <translation>把文件儲存為大字帶拼音的 PDF，標題作為書籤，名詞解釋有連結。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Close the reader; your place is remembered.</source>
        <translation>關閉閱讀器，會記住您讀到的位置。</translation>
    </message>
    <message>
        <source>Keys and help</source>
        <translation>按鍵與說明</translation>
    </message>
    <message>
        <source>Show every key and how to use the reader.</source>
        <translation>顯示所有按鍵和使用方法。</translation>
    </message>
    <message>
        <source>Where am I?</source>
        <translation>我讀到哪裡了？</translation>
    </message>
    <message>
        <source>Say which part and paragraph you are reading.</source>
        <translation>告訴您正在讀哪一部分、哪一段。</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>顯示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation>朗讀(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
</context>
<context>
    <name>themes</name>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast: white on black</source>
        <translation>高對比：黑底白字</translation>
    </message>
    <message>
        <source>High contrast: yellow on black</source>
        <translation>高對比：黑底黃字</translation>
    </message>
    <message>
        <source>High contrast: black on white</source>
        <translation>高對比：白底黑字</translation>
    </message>
</context>
</TS>
