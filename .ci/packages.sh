# Sourced by .ci/test.sh and samples/run.sh: installs a Debian package when what it provides is missing.
# Usage: ensure_debian_package PACKAGE WHY TEST_COMMAND...   (the package is installed when TEST_COMMAND fails)
ensure_debian_package() {
  local package=$1 why=$2
  shift 2
  if "$@" >/dev/null 2>&1; then
    return 0
  fi

  echo "$why: installing Debian's $package package" >&2
  local sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$package" >/dev/null
}

# PostgreSQL's server binaries (initdb, pg_ctl): Debian keeps them in /usr/lib/postgresql/VERSION/bin, off the PATH.
has_postgres_server() {
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || command -v pg_ctl
}

# PgBouncer: Debian installs it in /usr/sbin, which is on root's PATH but not always on a user's.
has_pgbouncer() {
  [[ -x /usr/sbin/pgbouncer ]] || command -v pgbouncer
}
