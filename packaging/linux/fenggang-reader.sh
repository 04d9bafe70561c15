#!/bin/sh
# Launcher for the bundled Fenggang Reader (a PyInstaller one-folder bundle in /opt).
exec /opt/fenggang-reader/fenggang-reader "$@"
