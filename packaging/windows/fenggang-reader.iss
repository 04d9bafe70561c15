; Fenggang Reader — Windows installer script for Inno Setup 6 or 7 (https://jrsoftware.org/isinfo.php).
; NOT RUN on this project's Linux machines: .github/workflows/release.yml builds, installs and self-tests it on Windows.
;
; Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\FenggangReader, a Start-menu entry,
; an optional desktop icon, an uninstaller in "Apps & features". Installer pages in Chinese and English
; (the language is picked from Windows' UI language; a dialog lets the user change it).
;
; Build, after the PyInstaller bundle (packaging/windows/build-installer.ps1 does both and finds ISCC):
;   iscc /DAppVersion=<fenggang_reader.__version__> /DAppVersionNumeric=<a.b.c.d> packaging\windows\fenggang-reader.iss
; Signed builds add  /DSignToolName=fenggang "/Sfenggang=signtool.exe sign ... $f"  (build-installer.ps1 does it
; when SIGN_CERT_FILE is set): the installer and the uninstaller are then Authenticode-signed.
;
; The Chinese message files sit beside this script (ChineseSimplified.isl, ChineseTraditional.isl, from
; jrsoftware/issrc Files/Languages, the 6.5.0+ message set; Inno Setup 6 never shipped them and Inno Setup 7
; ships them in its own folder), so the build needs no download and no particular Inno Setup install.
; This file and the .isl files are UTF-8 with a byte-order mark: Inno Setup needs the BOM to read Chinese.

#ifndef AppVersion
  #error Pass the version from fenggang_reader/__init__.py: iscc /DAppVersion=X.Y.Z fenggang-reader.iss
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\fenggang-reader"
#endif
#define AppExe "fenggang-reader.exe"

[Setup]
AppId={{B4D00573-3CCB-44C2-914E-8BAC147C0A0C}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=Fenggang Reader developers
AppCopyright=GPL-3.0-or-later
DefaultDirName={autopf}\FenggangReader
DefaultGroupName={cm:AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=fenggang-reader-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\fenggang-reader.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
ShowLanguageDialog=auto
; Version information of setup.exe (Properties ▸ Details), from fenggang_reader.__version__.
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName=Fenggang Reader
VersionInfoDescription=Fenggang Reader setup
VersionInfoCompany=Fenggang Reader developers
VersionInfoCopyright=GPL-3.0-or-later
#ifdef SignToolName
; Authenticode: SmartScreen and Smart App Control judge the installer and the uninstaller by their signature.
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
; Relative paths resolve against this script's folder (compiler: would mean the Inno Setup install).
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "chinesetraditional"; MessagesFile: "ChineseTraditional.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppName=凤岗读报
chinesetraditional.AppName=鳳崗讀報
english.AppName=Fenggang Reader
chinesesimplified.AppComment=阅读并收听《2025年凤岗镇政府工作报告》，带拼音，字号可随意放大
chinesetraditional.AppComment=閱讀並收聽《2025年鳳崗鎮政府工作報告》，帶拼音，字號可隨意放大
english.AppComment=Read and listen to the 2025 Fenggang town government work report, with pinyin

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: files of the old version (dist-info folders, Qt plugins, libraries that
; the new one no longer has) would otherwise stay in _internal and could be loaded instead of the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; fenggang-reader.exe is the windowed program; fenggang-reader-cli.exe the same program as a console one, for
; --version and the export-* commands (a windowed program has no stdout).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may leave __pycache__ folders next to the bundle; the user's settings live elsewhere and are kept.
Type: filesandordirs; Name: "{app}\_internal"
