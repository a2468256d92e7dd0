#!/usr/bin/env bash
# The Spark job's tests (integrations/spark/tests), on a local Spark
# (local[2,2], loopback only, no UI) over Tests/InputFiles.
#
# Needs Java 17 (Debian: apt-get install openjdk-17-jre-headless) and the
# winnow binary `swift build` makes (.build/debug/winnow; WINNOW=PATH for
# another). The pinned Python packages go into .build/spark-venv, made on
# the first run. Arguments go to pytest (-k NAME, -x, ...).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build/spark-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# Pinned versions; a no-op (no download) once they are installed.
"$venv/bin/pip" install --quiet --disable-pip-version-check -r integrations/spark/requirements.txt
if [ -z "${WINNOW:-}" ] && [ ! -x .build/debug/winnow ]; then
    swift build --product winnow
fi
# spark-submit and the Python workers find this environment's python3 first.
export PATH="$PWD/$venv/bin:$PATH"
export PYSPARK_PYTHON="$PWD/$venv/bin/python"
exec "$venv/bin/python" -m pytest integrations/spark/tests "$@"
