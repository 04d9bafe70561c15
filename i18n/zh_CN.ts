<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Fenggang Reader</source>
        <translation>凤岗读报</translation>
    </message>
    <message>
        <source>Read and listen to the 2025 Fenggang town government work report, with pinyin.</source>
        <translation>阅读和收听《2025年凤岗镇政府工作报告》，每个字上都有拼音。</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>本程序不提供任何担保。</translation>
    </message>
    <message>
        <source>Application ID:</source>
        <translation>应用标识：</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>所用组件及其许可证</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>The full licence texts are installed with the program.</source>
        <translation>完整的许可证文本已随程序一起安装。</translation>
    </message>
    <message>
        <source>About Fenggang Reader</source>
        <translation>关于凤岗读报</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Heading level %1</source>
        <translation>%1 级标题</translation>
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
        <translation>每个汉字所占的宽度（%1 到 %2 %）。</translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation>段距</translation>
    </message>
    <message>
        <source>Space after each paragraph, in percent of a line (%1 to %2 %).</source>
        <translation>每段之后的空白，按一行的百分比计（%1 到 %2 %）。</translation>
    </message>
    <message>
        <source>Text spacing</source>
        <translation>文字间距</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Restore the normal spacing</source>
        <translation>恢复正常间距</translation>
    </message>
    <message>
        <source>Normal spacing</source>
        <translation>正常间距</translation>
    </message>
    <message>
        <source>Focus mode off</source>
        <translation>已关闭专注模式</translation>
    </message>
    <message>
        <source>Focus on the current paragraph</source>
        <translation>只突出当前段落</translation>
    </message>
    <message>
        <source>Focus on the current line</source>
        <translation>只突出当前这一行</translation>
    </message>
    <message>
        <source>Large buttons</source>
        <translation>大按钮</translation>
    </message>
    <message>
        <source>Normal buttons</source>
        <translation>普通按钮</translation>
    </message>
</context>
<context>
    <name>ContentsDrawer</name>
    <message>
        <source>Contents (Esc closes)</source>
        <translation>目录（按 Esc 关闭）</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>继续阅读</translation>
    </message>
    <message>
        <source>The reader met an unexpected problem. It keeps running: you can go on reading.</source>
        <translation>阅读器遇到了一个意外问题，但仍在运行，您可以继续阅读。</translation>
    </message>
    <message>
        <source>(%1 problems so far.)</source>
        <translation>（到目前为止共 %1 个问题。）</translation>
    </message>
    <message>
        <source>The details were saved in %1. If you want help, copy them and send them to whoever looks after this computer.</source>
        <translation>详情已保存在 %1。如需帮助，请复制详情，发给帮您照看这台电脑的人。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DocumentError</name>
    <message>
        <source>There is no file by that name: it was moved, renamed or deleted, or the name is mistyped.</source>
        <translation>找不到这个文件：它可能被移动、改名或删除了，也可能是文件名写错了。</translation>
    </message>
    <message>
        <source>The file cannot be read: the computer does not allow it, or the disk is not available.</source>
        <translation>无法读取这个文件：电脑不允许读取，或者磁盘不可用。</translation>
    </message>
    <message>
        <source>There is no text in it.</source>
        <translation>里面没有文字。</translation>
    </message>
    <message>
        <source>It is too large: the reader opens documents of up to %1 characters.</source>
        <translation>文件太大了：读报器最多能打开 %1 个字的文档。</translation>
    </message>
    <message>
        <source>Its characters cannot be read: it is in an encoding the reader does not know.</source>
        <translation>无法识别其中的文字：它使用了读报器不认识的编码。</translation>
    </message>
    <message>
        <source>It is not a document the reader can open. It opens text files, web pages (.html, .mhtml), Word files (.docx), EPUB books and PDF files with text.</source>
        <translation>这不是读报器能打开的文档。读报器能打开文本文件、网页（.html、.mhtml）、Word 文件（.docx）、EPUB 电子书和带文字的 PDF 文件。</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete.</source>
        <translation>文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>The copied text cannot be opened.</source>
        <translation>无法打开复制的文字。</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>Something went wrong in the reader while opening it; the details are in the log.</source>
        <translation>读报器打开它时出了问题；详细情况记在日志里。</translation>
    </message>
</context>
<context>
    <name>DocumentOpening</name>
    <message>
        <source>The clipboard holds no text to read. Copy some text first, then press Ctrl+Shift+V.</source>
        <translation>剪贴板里没有可读的文字。请先复制一段文字，再按 Ctrl+Shift+V。</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>文档 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 files were dropped: opening the first, “%2”.</source>
        <translation>拖进来 %1 个文件：打开第一个，“%2”。</translation>
    </message>
    <message>
        <source>&amp;Recent documents</source>
        <translation>最近的文档(&amp;R)</translation>
    </message>
    <message>
        <source>No documents opened yet</source>
        <translation>还没有打开过文档</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
    <message>
        <source>Opening the copied text…</source>
        <translation>正在打开复制的文字…</translation>
    </message>
    <message>
        <source>Opening the built-in report…</source>
        <translation>正在打开凤岗镇政府工作报告…</translation>
    </message>
    <message>
        <source>It was the document you had open last time; the built-in report is open instead.</source>
        <translation>这是您上次打开的文档；现在打开的是自带的政府工作报告。</translation>
    </message>
    <message>
        <source>The built-in report is open instead.</source>
        <translation>现在打开的是自带的政府工作报告。</translation>
    </message>
    <message>
        <source>The list of recent documents could not be read, so it starts empty.</source>
        <translation>最近的文档列表无法读取，所以从空列表开始。</translation>
    </message>
    <message>
        <source>Recent documents</source>
        <translation>最近的文档</translation>
    </message>
    <message>
        <source>The old list was kept as %1.</source>
        <translation>原来的列表已另存为 %1。</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <source>Remove it from the recent documents</source>
        <translation>从最近的文档中删去</translation>
    </message>
    <message>
        <source>Keep it in the list</source>
        <translation>留在列表里</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %2 (the file is no longer there)</source>
        <translation>%1 %2（文件已不在）</translation>
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
        <translation>已打开“%1”。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Cannot write in the folder %1. Choose another folder; nothing was written.</source>
        <translation>无法写入文件夹 %1。请另选一个文件夹；没有写入任何文件。</translation>
    </message>
    <message>
        <source>The export could not be done. Nothing was written.</source>
        <translation>无法导出。没有写入任何文件。</translation>
    </message>
    <message>
        <source>Export audiobook</source>
        <translation>导出有声书</translation>
    </message>
    <message>
        <source>Makes MP3 files to listen to on a phone or a player: one file with chapters for the whole part and, in a folder of their own inside it, one file per paragraph with a playlist.</source>
        <translation>生成可以在手机或播放器上收听的 MP3 文件：整个部分一个带章节的文件；另在其中一个单独的文件夹里，每段一个文件，并附播放列表。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>整篇文档</translation>
    </message>
    <message>
        <source>Part 1: the review of 2024</source>
        <translation>第一部分：2024年工作回顾</translation>
    </message>
    <message>
        <source>Part 2: the plans for 2025</source>
        <translation>第二部分：2025年工作安排</translation>
    </message>
    <message>
        <source>The notes (explanations of terms)</source>
        <translation>名词解释</translation>
    </message>
    <message>
        <source>Part %1: %2</source>
        <translation>第%1部分：%2</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>The folder the audiobook is written into; it is made if needed.</source>
        <translation>有声书写入的文件夹；没有的话会自动建立。</translation>
    </message>
    <message>
        <source>Offline voice only (nothing is sent over the internet)</source>
        <translation>只用离线语音（不通过网络发送任何内容）</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stop the export; nothing is left behind.</source>
        <translation>停止导出；不会留下任何文件。</translation>
    </message>
    <message>
        <source>Folder for the audiobook</source>
        <translation>有声书的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>请先选择文件夹。</translation>
    </message>
    <message>
        <source>Exporting the audiobook: %1 paragraphs.</source>
        <translation>正在导出有声书：共 %1 段。</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>第%1段，共%2段</translation>
    </message>
    <message>
        <source>The online voice failed; the offline voice is used instead.</source>
        <translation>在线语音出错，改用离线语音。</translation>
    </message>
    <message>
        <source>The audiobook is ready: %1 paragraphs, %2 minutes, in %3.</source>
        <translation>有声书已完成：%1 段，%2 分钟，保存在 %3。</translation>
    </message>
    <message>
        <source>The online voice could not be used, so the offline voice was used.</source>
        <translation>在线语音无法使用，因此用了离线语音。</translation>
    </message>
    <message>
        <source>The audiobook was not made</source>
        <translation>有声书没有生成</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出；没有写入任何文件。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Save as large-print PDF</source>
        <translation>另存为大字 PDF</translation>
    </message>
    <message>
        <source>A PDF to print or to read on a tablet: large characters with pinyin, the headings as bookmarks, the notes linked, page numbers at the foot of each page.</source>
        <translation>可以打印或在平板上阅读的 PDF：大字带拼音，标题作为书签，名词解释有链接，每页底部有页码。</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Pinyin above the characters</source>
        <translation>汉字上方显示拼音</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the large-print PDF as</source>
        <translation>大字 PDF 另存为</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>Saving the large-print PDF…</source>
        <translation>正在保存大字 PDF…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Saved the large-print PDF: %1 pages, in %2.</source>
        <translation>大字 PDF 已保存：%1 页，保存在 %2。</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>PDF 没有保存</translation>
    </message>
    <message>
        <source>Print preview — large print</source>
        <translation>打印预览 — 大字</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>The pages as they will be printed</source>
        <translation>打印出来的页面</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>无法使用打印机。</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>没有打印</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Type a word, e.g. 凤岗</source>
        <translation>输入要找的词，例如：凤岗</translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation>在正文中查找</translation>
    </message>
    <message>
        <source>Enter: next match. Shift+Enter: previous match. Esc: close.</source>
        <translation>回车键：下一处。Shift+回车键：上一处。Esc 键：关闭。</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一处</translation>
    </message>
    <message>
        <source>Go to the previous match (Shift+F3)</source>
        <translation>转到上一处（Shift+F3）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一处</translation>
    </message>
    <message>
        <source>Go to the next match (F3)</source>
        <translation>转到下一处（F3）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第%1处，共%2处</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>Skip markers like [1]</source>
        <translation>不读 [1] 这样的注释编号</translation>
    </message>
    <message>
        <source>Say “注释一”</source>
        <translation>读作“注释一”</translation>
    </message>
    <message>
        <source>Read the note after the sentence</source>
        <translation>读完这句话后再读注释</translation>
    </message>
    <message>
        <source>Note %1: %2</source>
        <translation>注释%1：%2</translation>
    </message>
    <message>
        <source>Note %1: %2. %3</source>
        <translation>注释 %1：%2。%3</translation>
    </message>
    <message>
        <source>No glossary term in this paragraph.</source>
        <translation>这一段没有需要解释的词语。</translation>
    </message>
    <message>
        <source>No glossary note here.</source>
        <translation>这里没有注释。</translation>
    </message>
    <message>
        <source>This term is not used in the text.</source>
        <translation>正文中没有用到这个词。</translation>
    </message>
    <message>
        <source>%1: place %2 of %3, in %4. Alt+Left goes back.</source>
        <translation>%1：第 %2 处，共 %3 处，在“%4”。按 Alt+向左键返回。</translation>
    </message>
    <message>
        <source>Nothing to go back to.</source>
        <translation>没有可以返回的地方。</translation>
    </message>
    <message>
        <source>Back.</source>
        <translation>已返回。</translation>
    </message>
    <message>
        <source>Menu key: show the note and the %1 places it is used; Alt+Right goes there.</source>
        <translation>按菜单键：显示注释和用到它的 %1 个地方；按 Alt+向右键前往。</translation>
    </message>
    <message>
        <source>Show the note</source>
        <translation>显示注释</translation>
    </message>
    <message>
        <source>Used at</source>
        <translation>出现位置</translation>
    </message>
    <message>
        <source>Glossary markers like [1]</source>
        <translation>[1] 这样的注释编号</translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>Shows or hides the list of places; Enter on a place goes there.</source>
        <translation>显示或收起用到这个词的地方；在某一处按回车就到那里。</translation>
    </message>
    <message>
        <source>Places where this term is used</source>
        <translation>这个词出现的地方</translation>
    </message>
    <message>
        <source>Enter goes there; Alt+Left comes back.</source>
        <translation>按回车键前往；按 Alt+向左键返回。</translation>
    </message>
    <message>
        <source>Read aloud (R)</source>
        <translation>朗读（R）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Read the note aloud</source>
        <translation>朗读注释</translation>
    </message>
    <message>
        <source>Used in %1 places</source>
        <translation>用在 %1 处</translation>
    </message>
    <message>
        <source>Used in 1 place</source>
        <translation>用在 1 处</translation>
    </message>
</context>
<context>
    <name>GuidanceBars</name>
    <message>
        <source>Space: listen</source>
        <translation>空格键：朗读</translation>
    </message>
    <message>
        <source>+ / −: size</source>
        <translation>+ / −：字号</translation>
    </message>
    <message>
        <source>F1: help</source>
        <translation>F1：帮助</translation>
    </message>
    <message>
        <source>Got it, hide this</source>
        <translation>知道了，不再显示</translation>
    </message>
    <message>
        <source>Hide the key hints</source>
        <translation>隐藏按键提示</translation>
    </message>
    <message>
        <source>The natural-sounding online voices (Microsoft Edge) send the text being read to Microsoft over the internet. The offline voice keeps everything on this computer. Use the online voices?</source>
        <translation>自然流畅的在线语音（微软 Edge）会把正在朗读的文字通过互联网发送给微软。离线语音不会把任何内容传出这台电脑。要使用在线语音吗？</translation>
    </message>
    <message>
        <source>Offline voice only</source>
        <translation>只用离线语音</translation>
    </message>
    <message>
        <source>Use online voices</source>
        <translation>使用在线语音</translation>
    </message>
    <message>
        <source>Reading aloud stopped: %1
Try the voice settings, or Space to try again.</source>
        <translation>朗读已停止：%1
请打开语音设置看看，或按空格键再试一次。</translation>
    </message>
    <message>
        <source>Voice settings…</source>
        <translation>语音设置…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Fenggang Reader shows the 2025 government work report of Fenggang town with pinyin above every character. Press + or - to change the size. Press Down and Up to move from paragraph to paragraph. Press F6 to move to the list of contents. Your place and your settings are remembered.</source>
        <translation>凤岗读报为您显示《2025年凤岗镇政府工作报告》，每个字的上方都标有拼音。按 + 或 - 键调整字的大小。按向下、向上方向键逐段移动。按 F6 键转到目录。您读到的位置和各项设置都会自动记住。</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>（仅在菜单中）</translation>
    </message>
    <message>
        <source>How to use Fenggang Reader</source>
        <translation>凤岗读报使用说明</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Keys and help</source>
        <translation>按键与帮助</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>帮助内容</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Say this page with the reader&apos;s voice (Ctrl+R).</source>
        <translation>用朗读声音读出这一页（Ctrl+R）。</translation>
    </message>
</context>
<context>
    <name>InterfaceSize</name>
    <message>
        <source>Menus and buttons %1 points</source>
        <translation>菜单和按钮 %1 磅</translation>
    </message>
    <message>
        <source>Menus and buttons follow the text size (%1 points)</source>
        <translation>菜单和按钮随正文大小变化（%1 磅）</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Simplified characters</source>
        <translation>简体字</translation>
    </message>
    <message>
        <source>Traditional characters (Hong Kong)</source>
        <translation>繁体字（香港）</translation>
    </message>
    <message>
        <source>Traditional characters (Taiwan)</source>
        <translation>繁体字（台湾）</translation>
    </message>
    <message>
        <source>Pinyin above the characters</source>
        <translation>字上显示拼音</translation>
    </message>
    <message>
        <source>Jyutping (Cantonese) above the characters</source>
        <translation>字上显示粤拼（粤语）</translation>
    </message>
    <message>
        <source>Menus and messages: %1</source>
        <translation>菜单和提示：%1</translation>
    </message>
    <message>
        <source>Also read aloud in Cantonese?</source>
        <translation>朗读也改用粤语吗？</translation>
    </message>
    <message>
        <source>Read aloud in Mandarin again?</source>
        <translation>朗读改回普通话吗？</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>朗读声音</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Report text</source>
        <translation>报告正文</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>凤岗镇政府工作报告</source>
        <translation>凤岗镇政府工作报告</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文档正文</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>End of the document.</source>
        <translation>已到文档末尾。</translation>
    </message>
    <message>
        <source>Start of the document.</source>
        <translation>已到文档开头。</translation>
    </message>
    <message>
        <source>No more headings.</source>
        <translation>后面没有标题了。</translation>
    </message>
    <message>
        <source>Paragraph %1 of %2</source>
        <translation>第%1段，共%2段</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>字号 %1</translation>
    </message>
    <message>
        <source>Text size %1 points</source>
        <translation>字号 %1 磅</translation>
    </message>
    <message>
        <source>Pinyin shown</source>
        <translation>已显示拼音</translation>
    </message>
    <message>
        <source>Pinyin hidden</source>
        <translation>已隐藏拼音</translation>
    </message>
    <message>
        <source>Pinyin with tone marks</source>
        <translation>拼音带声调符号</translation>
    </message>
    <message>
        <source>Pinyin with tone numbers</source>
        <translation>拼音带声调数字</translation>
    </message>
    <message>
        <source>Zhuyin</source>
        <translation>注音符号</translation>
    </message>
    <message>
        <source>This document has no headings to list.</source>
        <translation>这份文档没有可列出的标题。</translation>
    </message>
    <message>
        <source>Some of your settings could not be used, so the usual ones were taken instead.</source>
        <translation>有些设置无法使用，已改用默认设置。</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>部分设置已恢复默认</translation>
    </message>
    <message>
        <source>The old settings file was kept as %1.</source>
        <translation>原来的设置文件已另存为 %1。</translation>
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
        <translation>，%1级标题</translation>
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
        <translation>%1。按F1键听帮助。</translation>
    </message>
    <message>
        <source>%1 (Reading paused: Space goes on.)</source>
        <translation>%1（朗读已暂停，按空格键继续。）</translation>
    </message>
</context>
<context>
    <name>PronunciationDialog</name>
    <message>
        <source>neutral tone</source>
        <translation>轻声</translation>
    </message>
    <message>
        <source>tone %1</source>
        <translation>第 %1 声</translation>
    </message>
    <message>
        <source>Correct the pinyin of %1</source>
        <translation>改正“%1”的拼音</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>现在：%1</translation>
    </message>
    <message>
        <source>In the text: %1</source>
        <translation>原文：%1</translation>
    </message>
    <message>
        <source>Only the first %1 characters of your selection are shown.</source>
        <translation>只显示所选内容的前 %1 个字。</translation>
    </message>
    <message>
        <source>&amp;Spoken as (optional, for experts):</source>
        <translation>朗读时读作（可不填，供熟练用户使用）(&amp;S)：</translation>
    </message>
    <message>
        <source>characters the voice should say instead</source>
        <translation>朗读时改读的字</translation>
    </message>
    <message>
        <source>Spoken as (optional, for experts)</source>
        <translation>朗读时读作（可不填，供熟练用户使用）</translation>
    </message>
    <message>
        <source>Only for speech, never shown: characters with the same sound that the voice reads correctly, for example 围 for 为 read wéi. Leave empty to let the reader choose.</source>
        <translation>只用于朗读，不会显示：填写读音相同、朗读声音能读对的字，例如“为”读 wéi 时填“围”。不填则由阅读器自动选择。</translation>
    </message>
    <message>
        <source>Use this reading</source>
        <translation>使用这个读音</translation>
    </message>
    <message>
        <source>Use these readings</source>
        <translation>使用这些读音</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Reset this reading</source>
        <translation>恢复这个读音(&amp;R)</translation>
    </message>
    <message>
        <source>Reset this reading</source>
        <translation>恢复这个读音</translation>
    </message>
    <message>
        <source>Forget your own choice here and show the usual reading again.</source>
        <translation>取消您在这里的选择，恢复通常的读音。</translation>
    </message>
    <message>
        <source>%1 — now %2</source>
        <translation>%1 — 现在读 %2</translation>
    </message>
    <message>
        <source>shown now</source>
        <translation>现在显示的</translation>
    </message>
    <message>
        <source>usual reading</source>
        <translation>通常读音</translation>
    </message>
    <message>
        <source>The spoken form must be a few characters on one line.</source>
        <translation>朗读时读作的内容只能是一行里的几个字。</translation>
    </message>
    <message>
        <source>&amp;Pinyin</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <source>Select a Chinese character or word first, or put the cursor on one.</source>
        <translation>请先选中一个汉字或词语，或者把光标放在上面。</translation>
    </message>
    <message>
        <source>There is no Chinese character to correct here.</source>
        <translation>这里没有可以改正的汉字。</translation>
    </message>
    <message>
        <source>%1 is now read %2. Speech uses it too.</source>
        <translation>“%1”现在读作 %2，朗读也会这样读。</translation>
    </message>
    <message>
        <source>You have not corrected this reading.</source>
        <translation>您没有改过这个读音。</translation>
    </message>
    <message>
        <source>%1 is read %2 again.</source>
        <translation>“%1”已恢复读作 %2。</translation>
    </message>
    <message>
        <source>Your correction could not be saved: %1</source>
        <translation>无法保存您的改正：%1</translation>
    </message>
    <message>
        <source>You have no pinyin corrections.</source>
        <translation>您还没有改过任何拼音。</translation>
    </message>
    <message>
        <source>Reset all my corrections</source>
        <translation>恢复我改过的全部读音</translation>
    </message>
    <message>
        <source>Forget all %1 of your pinyin corrections and show the usual readings again?</source>
        <translation>要取消您改过的全部 %1 处拼音，恢复通常的读音吗？</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>全部恢复</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Your corrections could not be reset: %1</source>
        <translation>无法恢复您的改正：%1</translation>
    </message>
    <message>
        <source>All your pinyin corrections were reset (%1).</source>
        <translation>您改过的拼音已全部恢复（%1 处）。</translation>
    </message>
    <message>
        <source>Pinyin of 一 and 不: spoken tones</source>
        <translation>“一”“不”的拼音：按实际读法标调</translation>
    </message>
    <message>
        <source>Pinyin of 一 and 不: dictionary tones</source>
        <translation>“一”“不”的拼音：按字典标调</translation>
    </message>
    <message>
        <source>Pinyin corrections</source>
        <translation>拼音改正</translation>
    </message>
    <message>
        <source>Pinyin corrections could not be read</source>
        <translation>无法读取拼音改正</translation>
    </message>
    <message>
        <source>Correct the pinyin of “%1”…</source>
        <translation>改正“%1”的拼音…</translation>
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
        <translation>关闭</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>关闭这个面板</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>悬浮</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>让这个面板独立出来或放回原处</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Nothing to read here.</source>
        <translation>这里没有可以朗读的内容。</translation>
    </message>
    <message>
        <source>End of the document.</source>
        <translation>已到文档末尾。</translation>
    </message>
    <message>
        <source>No voice is available.</source>
        <translation>没有可用的朗读声音。</translation>
    </message>
    <message>
        <source>Cannot read aloud: %1</source>
        <translation>无法朗读：%1</translation>
    </message>
    <message>
        <source>Preparing the voice…</source>
        <translation>正在准备语音…</translation>
    </message>
    <message>
        <source>Switched to the offline voice: %1</source>
        <translation>已改用离线声音：%1</translation>
    </message>
    <message>
        <source>Reading stopped: %1</source>
        <translation>朗读已停止：%1</translation>
    </message>
    <message>
        <source>The sound is not coming through; reading goes on when it does.</source>
        <translation>声音暂时没有播放出来；声音恢复后会接着朗读。</translation>
    </message>
    <message>
        <source>Reading continues to the end</source>
        <translation>朗读会一直读到最后</translation>
    </message>
    <message>
        <source>Reading stops after each paragraph</source>
        <translation>每读完一段就停下</translation>
    </message>
    <message>
        <source>Speed %1×</source>
        <translation>语速 %1 倍</translation>
    </message>
    <message>
        <source>Online voices on; the next sentence uses them.</source>
        <translation>已开启在线声音，从下一句开始使用。</translation>
    </message>
    <message>
        <source>Only the offline voice will be used.</source>
        <translation>只会使用离线声音。</translation>
    </message>
    <message>
        <source>Reading paragraph %1 of %2</source>
        <translation>正在朗读第%1段，共%2段</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Voice and speed</source>
        <translation>声音和语速</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Online voices (Microsoft Edge), offline voice as backup</source>
        <translation>在线声音（微软 Edge），离线声音备用</translation>
    </message>
    <message>
        <source>Offline voice</source>
        <translation>离线声音</translation>
    </message>
    <message>
        <source>Never send text to online voices</source>
        <translation>绝不把文字发送给在线声音</translation>
    </message>
    <message>
        <source>Online voice</source>
        <translation>在线声音</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>音调</translation>
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
        <translation>Windows 没有为本程序提供语音引擎。请重新安装凤岗读报；如果仍然不行，请检查“设置 ▸ 时间和语言 ▸ 语音”。</translation>
    </message>
    <message>
        <source>macOS offers no speech engine to this program. Reinstall Fenggang Reader.</source>
        <translation>macOS 没有为本程序提供语音引擎。请重新安装凤岗读报。</translation>
    </message>
    <message>
        <source>No speech engine is installed (on Linux: install speech-dispatcher and espeak-ng).</source>
        <translation>没有安装语音引擎（Linux 上请安装 speech-dispatcher 和 espeak-ng）。</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice. Add one in Windows: Settings ▸ Time &amp; language ▸ Speech ▸ Add voices ▸ Chinese (Simplified, China), then restart Fenggang Reader.</source>
        <translation>系统语音里没有中文嗓音。请在 Windows 中添加：设置 ▸ 时间和语言 ▸ 语音 ▸ 添加语音 ▸ 中文(简体，中国)，然后重新打开凤岗读报。</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice. Add one in macOS: System Settings ▸ Accessibility ▸ Spoken Content ▸ System voice ▸ Manage Voices… ▸ Chinese (China mainland), then restart Fenggang Reader.</source>
        <translation>系统语音里没有中文嗓音。请在 macOS 中添加：系统设置 ▸ 辅助功能 ▸ 朗读内容 ▸ 系统嗓音 ▸ 管理嗓音… ▸ 中文（中国大陆），然后重新打开凤岗读报。</translation>
    </message>
    <message>
        <source>No voice could make the audio: the online voices cannot be reached, and the offline voice has no Chinese voice on this computer. Check the internet connection, or add a Chinese voice in the system settings.</source>
        <translation>没有语音能生成音频：在线语音连接不上，这台电脑的离线语音也没有中文嗓音。请检查网络连接，或在系统设置里添加中文语音。</translation>
    </message>
    <message>
        <source>No voice could make the audio: the online voices cannot be reached, and the offline voice cannot write audio on this computer. Check the internet connection, or install espeak-ng.</source>
        <translation>没有语音能生成音频：在线语音连接不上，这台电脑的离线语音也无法生成音频。请检查网络连接，或安装 espeak-ng。</translation>
    </message>
    <message>
        <source>The system voice (%1) could not start: %2</source>
        <translation>系统语音（%1）无法启动：%2</translation>
    </message>
    <message>
        <source>The system voice has no Chinese voice (on Linux: install espeak-ng).</source>
        <translation>系统语音没有中文声音（Linux 上请安装 espeak-ng）。</translation>
    </message>
    <message>
        <source>The system voice is still starting.</source>
        <translation>系统语音还在启动，请稍候。</translation>
    </message>
    <message>
        <source>The offline voice did not answer (speech-dispatcher is not responding).</source>
        <translation>离线语音没有回应（speech-dispatcher 没有响应）。</translation>
    </message>
</context>
<context>
    <name>ScreenReader</name>
    <message>
        <source>Screen-reader mode on</source>
        <translation>读屏模式已开启</translation>
    </message>
    <message>
        <source>Screen-reader mode off</source>
        <translation>读屏模式已关闭</translation>
    </message>
</context>
<context>
    <name>SimpleMode</name>
    <message>
        <source>Read</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Bigger</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>缩小</translation>
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
        <translation>重新显示菜单、工具栏和目录（%1）。</translation>
    </message>
    <message>
        <source>Simple mode buttons</source>
        <translation>简易模式按钮</translation>
    </message>
    <message>
        <source>Simple mode. Large buttons: Read, Bigger, Smaller, Previous, Next. All features brings everything back.</source>
        <translation>简易模式。大按钮：朗读、放大、缩小、上一段、下一段。按“全部功能”恢复所有功能。</translation>
    </message>
    <message>
        <source>All features shown.</source>
        <translation>已显示全部功能。</translation>
    </message>
</context>
<context>
    <name>SpeechError</name>
    <message>
        <source>The online voices cannot be reached; check the network.</source>
        <translation>无法连接在线语音，请检查网络。</translation>
    </message>
    <message>
        <source>The connection to the online voices was lost.</source>
        <translation>与在线语音的连接中断了。</translation>
    </message>
    <message>
        <source>The online voices refused the request; check the computer&apos;s date and time.</source>
        <translation>在线语音服务拒绝了请求，请检查电脑的日期和时间。</translation>
    </message>
    <message>
        <source>The online voices are busy; try again later.</source>
        <translation>在线语音服务繁忙，请稍后再试。</translation>
    </message>
    <message>
        <source>The online voices did not answer in time.</source>
        <translation>在线语音没有及时回应。</translation>
    </message>
    <message>
        <source>The online voice&apos;s sound did not arrive complete.</source>
        <translation>在线语音的声音没有完整收到。</translation>
    </message>
    <message>
        <source>The online voices&apos; answer could not be understood.</source>
        <translation>在线语音服务的回应无法识别。</translation>
    </message>
    <message>
        <source>The online voices answered in an unexpected way.</source>
        <translation>在线语音服务的回应出乎意料。</translation>
    </message>
    <message>
        <source>The speed, pitch or volume setting is not valid.</source>
        <translation>语速、音调或音量的设置无效。</translation>
    </message>
    <message>
        <source>This is not the name of an online voice.</source>
        <translation>这个在线语音的名称无效。</translation>
    </message>
    <message>
        <source>The address set for the online voices is not valid.</source>
        <translation>为在线语音设置的网址无效。</translation>
    </message>
    <message>
        <source>Parts of the online voices are missing or damaged; please reinstall Fenggang Reader.</source>
        <translation>在线语音的组件缺失或已损坏，请重新安装凤岗读报。</translation>
    </message>
    <message>
        <source>The sound could not be played.</source>
        <translation>声音无法播放。</translation>
    </message>
    <message>
        <source>The sound stopped coming through.</source>
        <translation>声音没有播放出来。</translation>
    </message>
    <message>
        <source>The offline voice failed.</source>
        <translation>离线语音出错了。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Welcome to Fenggang Reader. Press Space to hear the paragraph in front of you, plus to make the characters bigger, and F1 for help.</source>
        <translation>欢迎使用凤岗读报。按空格键收听眼前这一段，按加号把字放大，按 F1 查看帮助。</translation>
    </message>
    <message>
        <source>Continue reading?</source>
        <translation>继续阅读吗？</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>是，继续读</translation>
    </message>
    <message>
        <source>No, start at the top</source>
        <translation>不，从头开始</translation>
    </message>
    <message>
        <source>Last time you stopped at “%1” (paragraph %2). Continue from there?</source>
        <translation>上次读到“%1”（第 %2 段），从那里继续吗？</translation>
    </message>
    <message>
        <source>Starting at the top.</source>
        <translation>从头开始。</translation>
    </message>
</context>
<context>
    <name>StorageWarning</name>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the folder cannot be written</source>
        <translation>文件夹无法写入</translation>
    </message>
    <message>
        <source>Your settings cannot be saved: %1 (%2). The reader keeps working, but changes are forgotten when it closes.</source>
        <translation>无法保存您的设置：%1（%2）。阅读器仍可正常使用，但关闭后所做的更改不会保留。</translation>
    </message>
    <message>
        <source>Spoken audio cannot be kept on this computer: %1 (%2). Reading aloud still works, but needs the network each time.</source>
        <translation>朗读的声音无法保存在这台电脑上：%1（%2）。朗读仍然可用，但每次都需要联网。</translation>
    </message>
    <message>
        <source>⚠ Settings cannot be saved</source>
        <translation>⚠ 设置无法保存</translation>
    </message>
    <message>
        <source>⚠ Spoken audio cannot be kept</source>
        <translation>⚠ 朗读的声音无法保存</translation>
    </message>
</context>
<context>
    <name>WindowFit</name>
    <message>
        <source>More buttons</source>
        <translation>更多按钮</translation>
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
        <translation>下一个标题</translation>
    </message>
    <message>
        <source>Jump to the next heading.</source>
        <translation>跳到下一个标题。</translation>
    </message>
    <message>
        <source>Previous heading</source>
        <translation>上一个标题</translation>
    </message>
    <message>
        <source>Jump to the previous heading.</source>
        <translation>跳到上一个标题。</translation>
    </message>
    <message>
        <source>Go to the start</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <source>Jump to the title at the start of the document.</source>
        <translation>跳到文档开头的标题。</translation>
    </message>
    <message>
        <source>Go to the end</source>
        <translation>跳到末尾</translation>
    </message>
    <message>
        <source>Jump to the last note at the end of the document.</source>
        <translation>跳到文档末尾的最后一条注释。</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>向下翻页</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>向上翻页</translation>
    </message>
    <message>
        <source>Contents / text</source>
        <translation>目录 / 正文</translation>
    </message>
    <message>
        <source>Move between the contents panel and the text.</source>
        <translation>在目录和正文之间切换。</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Search the document for a word.</source>
        <translation>在文档中查找词语。</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一处</translation>
    </message>
    <message>
        <source>Go to the next match of the search.</source>
        <translation>转到下一处查找结果。</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>查找上一处</translation>
    </message>
    <message>
        <source>Go to the previous match of the search.</source>
        <translation>转到上一处查找结果。</translation>
    </message>
    <message>
        <source>Show the note</source>
        <translation>显示注释</translation>
    </message>
    <message>
        <source>Open the note explaining the term in focus (Tab moves between terms; Enter on a term also opens it; Esc closes it).</source>
        <translation>打开当前词语的注释（Tab 键在词语之间移动；在词语上按回车键也能打开；按 Esc 键关闭）。</translation>
    </message>
    <message>
        <source>Next place the term is used</source>
        <translation>这个词下一次出现的地方</translation>
    </message>
    <message>
        <source>From a note or a term, go to the next place where the term is used.</source>
        <translation>从注释或词语出发，转到这个词下一次出现的地方。</translation>
    </message>
    <message>
        <source>Previous place the term is used</source>
        <translation>这个词上一次出现的地方</translation>
    </message>
    <message>
        <source>From a note or a term, go to the previous place where the term is used.</source>
        <translation>从注释或词语出发，转到这个词上一次出现的地方。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back to where you were before going to a place where a term is used.</source>
        <translation>回到跳转之前读到的地方。</translation>
    </message>
    <message>
        <source>Read the note aloud</source>
        <translation>朗读注释</translation>
    </message>
    <message>
        <source>Read aloud the note for the term in focus (R in the note window).</source>
        <translation>朗读当前词语的注释（在注释窗口中按 R 键）。</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字体</translation>
    </message>
    <message>
        <source>Make the characters and the pinyin larger.</source>
        <translation>把字和拼音放大。</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>缩小字体</translation>
    </message>
    <message>
        <source>Make the characters and the pinyin smaller.</source>
        <translation>把字和拼音缩小。</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>正常字号</translation>
    </message>
    <message>
        <source>Return to the normal text size.</source>
        <translation>恢复正常字号。</translation>
    </message>
    <message>
        <source>Show pinyin</source>
        <translation>显示拼音</translation>
    </message>
    <message>
        <source>Show or hide the pinyin above the characters.</source>
        <translation>显示或隐藏字上方的拼音。</translation>
    </message>
    <message>
        <source>Pinyin style: marks / numbers / zhuyin</source>
        <translation>拼音样式：声调符号 / 数字 / 注音</translation>
    </message>
    <message>
        <source>Switch between tone marks, tone numbers and zhuyin.</source>
        <translation>在声调符号、声调数字和注音符号之间切换。</translation>
    </message>
    <message>
        <source>Correct the pinyin…</source>
        <translation>改正拼音…</translation>
    </message>
    <message>
        <source>Choose the right reading of the selected character or word (or the one at the cursor); the pinyin and the voice both use it.</source>
        <translation>为选中的字或词（或光标处的字）选择正确的读音；拼音和朗读都会照此读。</translation>
    </message>
    <message>
        <source>Reset all my pinyin corrections…</source>
        <translation>恢复我改过的全部拼音…</translation>
    </message>
    <message>
        <source>Forget every reading you chose yourself and show the usual pinyin again.</source>
        <translation>取消您自己选过的所有读音，恢复通常的拼音。</translation>
    </message>
    <message>
        <source>Dictionary tones (一 yī, 不 bù)</source>
        <translation>按字典标调（一 yī，不 bù）</translation>
    </message>
    <message>
        <source>Show 一 and 不 with the tones the dictionary writes (一定 yīdìng, 不断 bùduàn).</source>
        <translation>“一”和“不”按字典上的声调标注（一定 yīdìng，不断 bùduàn）。</translation>
    </message>
    <message>
        <source>Spoken tones (一 yí/yì, 不 bú)</source>
        <translation>按实际读法标调（一 yí/yì，不 bú）</translation>
    </message>
    <message>
        <source>Show 一 and 不 with the tones they are said with (一定 yídìng, 一般 yìbān, 不断 búduàn).</source>
        <translation>“一”和“不”按实际读出的声调标注（一定 yídìng，一般 yìbān，不断 búduàn）。</translation>
    </message>
    <message>
        <source>Larger menus and buttons</source>
        <translation>放大菜单和按钮</translation>
    </message>
    <message>
        <source>Make the menus, buttons, panels and messages larger, whatever the text size.</source>
        <translation>把菜单、按钮、面板和提示放大，不随正文大小变化。</translation>
    </message>
    <message>
        <source>Smaller menus and buttons</source>
        <translation>缩小菜单和按钮</translation>
    </message>
    <message>
        <source>Make the menus, buttons, panels and messages smaller, whatever the text size.</source>
        <translation>把菜单、按钮、面板和提示缩小，不随正文大小变化。</translation>
    </message>
    <message>
        <source>Menus and buttons follow the text size</source>
        <translation>菜单和按钮随正文大小变化</translation>
    </message>
    <message>
        <source>Let the menus, buttons, panels and messages grow and shrink with the text.</source>
        <translation>让菜单、按钮、面板和提示随正文一起放大缩小。</translation>
    </message>
    <message>
        <source>Next colour theme</source>
        <translation>换一种配色</translation>
    </message>
    <message>
        <source>Switch to the next colour theme (light, dark, high contrast).</source>
        <translation>换成下一种配色（浅色、深色、高对比度）。</translation>
    </message>
    <message>
        <source>Text spacing…</source>
        <translation>文字间距…</translation>
    </message>
    <message>
        <source>Change the space between lines, characters and paragraphs.</source>
        <translation>调整行与行、字与字、段与段之间的距离。</translation>
    </message>
    <message>
        <source>Focus mode: paragraph / line / off</source>
        <translation>专注模式：段落 / 单行 / 关闭</translation>
    </message>
    <message>
        <source>Dim everything but the current paragraph or line.</source>
        <translation>把当前段落或当前行以外的文字调暗。</translation>
    </message>
    <message>
        <source>Large buttons</source>
        <translation>大按钮</translation>
    </message>
    <message>
        <source>Make the toolbar buttons extra large.</source>
        <translation>把工具栏按钮变得特别大。</translation>
    </message>
    <message>
        <source>Simple mode</source>
        <translation>简易模式</translation>
    </message>
    <message>
        <source>Only five very large buttons: Read, Bigger, Smaller, Previous, Next.</source>
        <translation>只留五个大按钮：朗读、放大、缩小、上一段、下一段。</translation>
    </message>
    <message>
        <source>Show contents panel</source>
        <translation>显示目录</translation>
    </message>
    <message>
        <source>Show or hide the list of parts, headings and notes.</source>
        <translation>显示或隐藏各部分、标题和注释的列表。</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Use the whole screen for the text.</source>
        <translation>用整个屏幕显示文字。</translation>
    </message>
    <message>
        <source>Screen-reader mode</source>
        <translation>读屏模式</translation>
    </message>
    <message>
        <source>Leave single-letter and keypad keys to the screen reader and let it hear every key press (on by itself while a screen reader runs).</source>
        <translation>把单字母键和小键盘留给读屏软件，并让它听到每一次按键（读屏软件运行时自动开启）。</translation>
    </message>
    <message>
        <source>Single-letter keys in screen-reader mode</source>
        <translation>读屏模式下保留单字母键</translation>
    </message>
    <message>
        <source>Keep J, K, H, N, S, +, - and the other single keys in screen-reader mode.</source>
        <translation>在读屏模式下也保留 J、K、H、N、S、+、- 等单个按键。</translation>
    </message>
    <message>
        <source>Follow the system language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Show the menus and messages in the language of this computer.</source>
        <translation>菜单和提示使用这台电脑的语言。</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Show the menus and messages in Simplified Chinese.</source>
        <translation>菜单和提示使用简体中文。</translation>
    </message>
    <message>
        <source>繁體中文</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>Show the menus and messages in Traditional Chinese.</source>
        <translation>菜单和提示使用繁体中文。</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Show the menus and messages in English.</source>
        <translation>菜单和提示使用英文。</translation>
    </message>
    <message>
        <source>Simplified characters</source>
        <translation>简体字</translation>
    </message>
    <message>
        <source>Show the document in Simplified characters.</source>
        <translation>用简体字显示文档。</translation>
    </message>
    <message>
        <source>Traditional characters (Hong Kong)</source>
        <translation>繁体字（香港）</translation>
    </message>
    <message>
        <source>Show the document in Traditional characters, Hong Kong style. The pinyin stays the same.</source>
        <translation>用香港繁体字显示文档，拼音不变。</translation>
    </message>
    <message>
        <source>Traditional characters (Taiwan)</source>
        <translation>繁体字（台湾）</translation>
    </message>
    <message>
        <source>Show the document in Traditional characters, Taiwan style. The pinyin stays the same.</source>
        <translation>用台湾繁体字显示文档，拼音不变。</translation>
    </message>
    <message>
        <source>Next character set</source>
        <translation>切换简繁体</translation>
    </message>
    <message>
        <source>Switch between Simplified and Traditional characters (Hong Kong, Taiwan).</source>
        <translation>在简体字和繁体字（香港、台湾）之间切换。</translation>
    </message>
    <message>
        <source>Pinyin (Mandarin)</source>
        <translation>拼音（普通话）</translation>
    </message>
    <message>
        <source>Show Mandarin pinyin above the characters.</source>
        <translation>在字的上方显示普通话拼音。</translation>
    </message>
    <message>
        <source>Jyutping (Cantonese)</source>
        <translation>粤拼（粤语）</translation>
    </message>
    <message>
        <source>Show Cantonese Jyutping above the characters.</source>
        <translation>在字的上方显示粤语拼音（粤拼）。</translation>
    </message>
    <message>
        <source>Pinyin / Jyutping</source>
        <translation>拼音 / 粤拼</translation>
    </message>
    <message>
        <source>Switch between Mandarin pinyin and Cantonese Jyutping above the characters.</source>
        <translation>在普通话拼音和粤拼之间切换。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a document to read: a text file, a saved web page, a Word file (.docx), an EPUB book or a PDF with text. You can also drop a file on the window.</source>
        <translation>打开要读的文档：文本文件、保存的网页、Word 文件（.docx）、EPUB 电子书或带文字的 PDF。也可以把文件拖到窗口上。</translation>
    </message>
    <message>
        <source>Paste as a new document</source>
        <translation>粘贴为新文档</translation>
    </message>
    <message>
        <source>Read the text or web page you copied as a document of its own, with pinyin.</source>
        <translation>把复制的文字或网页当作一份新文档来读，带拼音。</translation>
    </message>
    <message>
        <source>The built-in report</source>
        <translation>凤岗镇政府工作报告</translation>
    </message>
    <message>
        <source>Open the 2025 Fenggang town government work report that comes with the reader.</source>
        <translation>打开读报器自带的2025年凤岗镇政府工作报告。</translation>
    </message>
    <message>
        <source>Screen-reader mode (on by itself while a screen reader runs; %1 switches it) leaves these single keys to the screen reader: %2. Every other key stays, and the screen reader hears each press, so it stops speaking when you move. Keypad keys and Insert or CapsLock chords always belong to the screen reader.</source>
        <translation>读屏模式（读屏软件运行时自动开启；按 %1 切换）把这些单个按键留给读屏软件：%2。其他按键不变，读屏软件能听到每一次按键，所以您一移动它就停止朗读。小键盘按键以及 Insert 或 CapsLock 组合键始终归读屏软件使用。</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Show the next screen of a paragraph taller than the window; otherwise move to the next paragraph.</source>
        <translation>段落比窗口长时显示它的下一屏，否则转到下一段。</translation>
    </message>
    <message>
        <source>Show the previous screen of a paragraph that starts above the window; otherwise move to the previous paragraph.</source>
        <translation>段落开头在窗口上方时显示它的上一屏，否则转到上一段。</translation>
    </message>
    <message>
        <source>Show the next screenful of text; its last line stays on screen as the first.</source>
        <translation>显示下一屏文字；这一屏的最后一行留在屏幕上作为第一行。</translation>
    </message>
    <message>
        <source>Show the previous screenful of text; its first line stays on screen as the last.</source>
        <translation>显示上一屏文字；这一屏的第一行留在屏幕上作为最后一行。</translation>
    </message>
    <message>
        <source>Read the current paragraph aloud; press again to pause or resume.</source>
        <translation>朗读当前这一段；再按一次暂停或继续。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading aloud.</source>
        <translation>停止朗读。</translation>
    </message>
    <message>
        <source>Next sentence</source>
        <translation>下一句</translation>
    </message>
    <message>
        <source>While reading aloud, skip to the next sentence.</source>
        <translation>朗读时跳到下一句。</translation>
    </message>
    <message>
        <source>Previous sentence</source>
        <translation>上一句</translation>
    </message>
    <message>
        <source>While reading aloud, go back to the previous sentence.</source>
        <translation>朗读时回到上一句。</translation>
    </message>
    <message>
        <source>Keep reading to the end</source>
        <translation>一直读到最后</translation>
    </message>
    <message>
        <source>Go on to the next paragraphs after this one, with the text following the voice.</source>
        <translation>读完这一段后接着读下面各段，文字跟着声音走。</translation>
    </message>
    <message>
        <source>Read faster</source>
        <translation>读快一点</translation>
    </message>
    <message>
        <source>Make the voice faster (up to 2×).</source>
        <translation>让声音读得快一些（最快 2 倍）。</translation>
    </message>
    <message>
        <source>Read slower</source>
        <translation>读慢一点</translation>
    </message>
    <message>
        <source>Make the voice slower (down to 0.5×).</source>
        <translation>让声音读得慢一些（最慢 0.5 倍）。</translation>
    </message>
    <message>
        <source>Voice and speed…</source>
        <translation>声音和语速…</translation>
    </message>
    <message>
        <source>Choose the voice, speed, pitch and volume, and whether online voices may be used.</source>
        <translation>选择朗读的声音、语速、音调和音量，以及是否可以使用在线声音。</translation>
    </message>
    <message>
        <source>Export audiobook…</source>
        <translation>导出有声书…</translation>
    </message>
    <message>
        <source>Save the document as MP3 files for a phone or a player: one file with chapters, and one file per paragraph.</source>
        <translation>把文档保存为 MP3 文件，在手机或播放器上收听：一个带章节的文件，以及每段一个文件。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the document in large print with pinyin, after a preview.</source>
        <translation>预览后以大字带拼音打印文档。</translation>
    </message>
    <message>
        <source>Save as large-print PDF…</source>
        <translation>另存为大字 PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF in large print with pinyin, the headings as bookmarks and the notes linked.</source>
        <translation>把文档保存为大字带拼音的 PDF，标题作为书签，名词解释有链接。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Close the reader; your place is remembered.</source>
        <translation>关闭阅读器，会记住您读到的位置。</translation>
    </message>
    <message>
        <source>Keys and help</source>
        <translation>按键与帮助</translation>
    </message>
    <message>
        <source>Show every key and how to use the reader.</source>
        <translation>显示所有按键和使用方法。</translation>
    </message>
    <message>
        <source>Where am I?</source>
        <translation>我读到哪里了？</translation>
    </message>
    <message>
        <source>Say which part and paragraph you are reading.</source>
        <translation>告诉您正在读哪一部分、哪一段。</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>显示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language / 语言</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation>朗读(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>themes</name>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast: white on black</source>
        <translation>高对比度：黑底白字</translation>
    </message>
    <message>
        <source>High contrast: yellow on black</source>
        <translation>高对比度：黑底黄字</translation>
    </message>
    <message>
        <source>High contrast: black on white</source>
        <translation>高对比度：白底黑字</translation>
    </message>
</context>
</TS>
