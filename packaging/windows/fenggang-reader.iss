; Fenggang Reader — Windows installer script for Inno Setup 6 (https://jrsoftware.org/isinfo.php).
; NOT TESTED on this project's Linux machines: packaging/ci/release.yml builds and smoke-tests it on Windows.
;
; Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\FenggangReader, a Start-menu entry,
; an optional desktop icon, an uninstaller in "Apps & features". Installer pages in Chinese and English
; (the language is picked from Windows' UI language; a dialog lets the user change it).
;
; Build, after the PyInstaller bundle (packaging/windows/build-installer.ps1 does both):
;   iscc /DAppVersion=<fenggang_reader.__version__> packaging\windows\fenggang-reader.iss
; Inno Setup 6.5+ ships Languages\ChineseSimplified.isl; older versions need it copied from
; https://github.com/jrsoftware/issrc/tree/main/Files/Languages/Unofficial (build-installer.ps1 checks).
; This file is UTF-8 with a byte-order mark: Inno Setup needs the BOM to read the Chinese text below.

#ifndef AppVersion
  #error Pass the version from fenggang_reader/__init__.py: iscc /DAppVersion=X.Y.Z fenggang-reader.iss
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

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppName=凤岗读报
english.AppName=Fenggang Reader
chinesesimplified.AppComment=阅读并收听《2025年凤岗镇政府工作报告》，带拼音，字号可随意放大
english.AppComment=Read and listen to the 2025 Fenggang town government work report, with pinyin

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Python may leave __pycache__ folders next to the bundle; the user's settings live elsewhere and are kept.
Type: filesandordirs; Name: "{app}\_internal"
