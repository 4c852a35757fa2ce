#!/usr/bin/env bash
# Installs the system packages the test suite needs, when they are missing:
#   - PostgreSQL 15 server binaries (initdb, pg_ctl, postgres) for the api-postgres tests
#   - Chromium (/usr/bin/chromium) for the e2e tests
#   - a CJK font so screenshots of the Chinese UI show glyphs, not boxes
#
# Idempotent and silent when everything is already there. Uses apt-get; runs
# `apt-get update` only when something has to be installed. Works as root, or
# through sudo when not root.
set -euo pipefail

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
CHROMIUM_BIN=/usr/bin/chromium

log() { printf '[ensure-system-deps] %s\n' "$*" >&2; }
die() { printf '[ensure-system-deps] ERROR: %s\n' "$*" >&2; exit 1; }

have_pg() { [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/postgres" ]]; }
have_chromium() { [[ -x "$CHROMIUM_BIN" ]]; }
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
have_cjk_font() {
  if pkg_installed fonts-noto-cjk || pkg_installed fonts-wqy-zenhei || pkg_installed fonts-wqy-microhei; then
    return 0
  fi
  if command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh family 2>/dev/null | head -n1)" ]]; then
    return 0
  fi
  return 1
}

missing=()
have_pg || missing+=(postgresql)
have_chromium || missing+=(chromium)
have_cjk_font || missing+=(cjk-font)

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

command -v apt-get >/dev/null 2>&1 ||
  die "missing: ${missing[*]}, and apt-get is not available to install them. Install PostgreSQL ${PG_VERSION} server binaries (${PG_BIN}), Chromium (${CHROMIUM_BIN}) and a CJK font by hand."

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    if [[ -t 0 ]]; then SUDO=(sudo); else SUDO=(sudo -n); fi
  else
    die "missing: ${missing[*]}; not running as root and sudo is not available. Re-run as root: bash scripts/ensure-system-deps.sh"
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (e.g. unattended upgrades) instead of failing at once.
LOCK_OPTS=(-o DPkg::Lock::Timeout=600)
APT_OPTS=(-y -q --no-install-recommends -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${LOCK_OPTS[@]}")
LOG_DIR=$(mktemp -d -t ensure-system-deps.XXXXXX)

log "missing: ${missing[*]} — running apt-get update"
updated=0
for attempt in 1 2 3; do
  if "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q "${LOCK_OPTS[@]}" >"$LOG_DIR/update.log" 2>&1; then
    updated=1
    break
  fi
  log "apt-get update failed (attempt $attempt), retrying in 10 s"
  sleep 10
done
if [[ $updated -ne 1 ]]; then
  tail -n 40 "$LOG_DIR/update.log" >&2 || true
  die "apt-get update failed (see above)"
fi

pkg_available() {
  # true when apt knows an installable candidate for the package
  local cand
  cand=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
  [[ -n "$cand" && "$cand" != "(none)" ]]
}

to_install=()
if ! have_pg; then
  # Debian 12 ships PostgreSQL 15 as postgresql-15 (the `postgresql` metapackage
  # points at it). On a release whose default differs, only postgresql-15 gives
  # the binaries in /usr/lib/postgresql/15/bin.
  if pkg_available "postgresql-${PG_VERSION}"; then
    to_install+=("postgresql-${PG_VERSION}")
  else
    die "package postgresql-${PG_VERSION} is not available from the configured apt repositories (this Debian release ships a different PostgreSQL major version). Install PostgreSQL ${PG_VERSION} so that ${PG_BIN}/initdb exists."
  fi
fi
if ! have_chromium; then
  if pkg_available chromium; then
    to_install+=(chromium)
  else
    die "package chromium is not available from the configured apt repositories"
  fi
fi
if ! have_cjk_font; then
  if pkg_available fonts-noto-cjk; then
    to_install+=(fonts-noto-cjk)
  elif pkg_available fonts-wqy-zenhei; then
    to_install+=(fonts-wqy-zenhei)
  else
    die "no CJK font package (fonts-noto-cjk or fonts-wqy-zenhei) is available from the configured apt repositories"
  fi
fi

log "installing: ${to_install[*]}"
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${APT_OPTS[@]}" "${to_install[@]}" >"$LOG_DIR/install.log" 2>&1; then
  tail -n 40 "$LOG_DIR/install.log" >&2 || true
  die "apt-get install ${to_install[*]} failed (see above; full log in $LOG_DIR/install.log)"
fi

have_pg || die "installed postgresql-${PG_VERSION} but ${PG_BIN}/initdb is still missing"
have_chromium || die "installed chromium but ${CHROMIUM_BIN} is still missing"
have_cjk_font || die "installed a CJK font package but fontconfig still lists no Chinese font"
rm -rf "$LOG_DIR"
log "installed: ${to_install[*]}"
