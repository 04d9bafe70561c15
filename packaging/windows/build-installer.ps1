# Build the Windows installer: PyInstaller bundle, then Inno Setup. NOT TESTED on this project's Linux
# machines; packaging/ci/release.yml runs it on a Windows runner.
# Usage (PowerShell, repository root, Python 3.11 with `pip install -e .[test]` done):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
# Output: dist\fenggang-reader-<version>-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
$version = & $python -c "import fenggang_reader as f; print(f.__version__)"
if ($LASTEXITCODE -ne 0) { throw "cannot read fenggang_reader.__version__" }

& $python -m PyInstaller --noconfirm --clean --distpath build\pyinstaller\dist --workpath build\pyinstaller\work `
    packaging\fenggang-reader.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 not found: choco install innosetup" }
$chinese = Join-Path (Split-Path $iscc) "Languages\ChineseSimplified.isl"
if (-not (Test-Path $chinese)) {
    # Inno Setup before 6.5 kept the Chinese translation among the unofficial ones.
    Invoke-WebRequest -UseBasicParsing -OutFile $chinese `
        "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/ChineseSimplified.isl"
}
& $iscc "/DAppVersion=$version" packaging\windows\fenggang-reader.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Output "dist\fenggang-reader-$version-setup.exe"
