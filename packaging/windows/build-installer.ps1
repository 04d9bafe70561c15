# Build the Windows installer: PyInstaller bundle, then Inno Setup 6 or 7. NOT RUN on this project's Linux
# machines; .github/workflows/release.yml runs it on a Windows runner and self-tests the result.
# Usage (PowerShell, repository root, Python 3.11 with `pip install -e .[test]` done):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
# Output: dist\fenggang-reader-<version>-setup.exe (the path is the last line printed).
#
# ISCC: $env:ISCC if set, else the Inno Setup 7 or 6 install recorded in the registry (machine or per-user,
# 64- or 32-bit view), else iscc.exe on PATH. A Chocolatey shim on PATH is a last resort only: the real
# compiler folder is what matters, and the registry names it.
#
# Signing (Authenticode) happens when SIGN_CERT_FILE names a .pfx (SIGN_CERT_PASSWORD its password): the two
# program files, then the installer and its uninstaller through Inno Setup's SignTool. SIGN_TIMESTAMP_URL
# overrides the RFC 3161 timestamp server. Without SIGN_CERT_FILE nothing is signed (see README, "Trust").
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
$version = & $python -c "import fenggang_reader as f; print(f.__version__)"
if ($LASTEXITCODE -ne 0) { throw "cannot read fenggang_reader.__version__" }
# VersionInfoVersion takes up to four numbers: 1.2.0rc1 -> 1.2.0
$numeric = ($version -replace '^([0-9]+(\.[0-9]+){0,3}).*$', '$1')

function Find-Iscc {
    if ($env:ISCC -and (Test-Path $env:ISCC)) { return $env:ISCC }
    $roots = @(
        "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
        "HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
        "HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall"
    )
    foreach ($major in 7, 6) {
        foreach ($root in $roots) {
            $key = Join-Path $root "Inno Setup ${major}_is1"
            if (Test-Path $key) {
                $folder = (Get-ItemProperty $key).InstallLocation
                if ($folder -and (Test-Path (Join-Path $folder "ISCC.exe"))) { return (Join-Path $folder "ISCC.exe") }
            }
        }
    }
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    throw "Inno Setup 6 or 7 not found (registry or PATH): install it, e.g. winget install JRSoftware.InnoSetup"
}

& $python -m PyInstaller --noconfirm --clean --distpath build\pyinstaller\dist --workpath build\pyinstaller\work `
    packaging\fenggang-reader.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$bundle = "build\pyinstaller\dist\fenggang-reader"
foreach ($exe in "fenggang-reader.exe", "fenggang-reader-cli.exe") {
    if (-not (Test-Path (Join-Path $bundle $exe))) { throw "$exe was not built" }
}

$isccArgs = @("/DAppVersion=$version", "/DAppVersionNumeric=$numeric")
if ($env:SIGN_CERT_FILE) {
    $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
        Sort-Object FullName -Descending | Select-Object -First 1
    if (-not $signtool) { throw "signtool.exe not found (Windows SDK)" }
    $timestamp = if ($env:SIGN_TIMESTAMP_URL) { $env:SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    $sign = @("sign", "/fd", "sha256", "/td", "sha256", "/tr", $timestamp, "/f", $env:SIGN_CERT_FILE)
    if ($env:SIGN_CERT_PASSWORD) { $sign += @("/p", $env:SIGN_CERT_PASSWORD) }
    & $signtool.FullName @sign (Join-Path $bundle "fenggang-reader.exe") (Join-Path $bundle "fenggang-reader-cli.exe")
    if ($LASTEXITCODE -ne 0) { throw "signing the program failed" }
    # Inno Setup runs this for setup.exe and the uninstaller; $q is a quote, $f the file (Inno Setup's syntax).
    $quoted = ($sign | ForEach-Object { if ($_ -match '\s') { '$q' + $_ + '$q' } else { $_ } }) -join " "
    $isccArgs += @("/DSignToolName=fenggang", "/Sfenggang=`$q$($signtool.FullName)`$q $quoted `$f")
}
$iscc = Find-Iscc
Write-Output "ISCC: $iscc"
& $iscc @isccArgs packaging\windows\fenggang-reader.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Output "dist\fenggang-reader-$version-setup.exe"
