# shellcheck shell=bash
# Private PostgreSQL 15 clusters for scripts/run and scripts/test. Nothing system-wide is
# configured: each cluster lives in its own folder, listens on 127.0.0.1 only, and is started with
# pg_ctl. As root the server runs as the `postgres` user, because initdb refuses root.

PG_USER=servicewindow
PG_DATABASE=servicewindow

pg_find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null)
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  fi
  return 1
}

pg_ensure_installed() {
  if PG_BIN=$(pg_find_bindir); then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL 15 is not installed and this user cannot install it; as root run: apt-get install postgresql-15" >&2
    exit 1
  fi
  echo "Installing PostgreSQL 15 with apt-get ..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  PG_BIN=$(pg_find_bindir) || { echo "PostgreSQL 15 installation failed" >&2; exit 1; }
}

# Runs a command as the owner of the cluster: ourselves, or `postgres` when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # From /, since postgres may not be allowed into the caller's working directory.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pg_prepare_dir DIR: make DIR usable by the cluster owner. As root, when `postgres` cannot reach
# DIR (a home folder closed to others), the data goes to /var/lib/servicewindow and DIR links there.
pg_prepare_dir() {
  local dir=$1
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] || return 0
  chown postgres:postgres "$dir"
  if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
    local alt
    alt=/var/lib/servicewindow/$(printf '%s' "$dir" | md5sum | cut -c1-12)
    echo "note: the postgres user cannot reach $dir; keeping the cluster in $alt" >&2
    rmdir "$dir"
    mkdir -p "$alt"
    chown postgres:postgres "$alt"
    ln -s "$alt" "$dir"
  fi
}

# pg_start DIR PORT [tuning...]: initialise DIR on first use, start the server if it is not running,
# and print the connection string. Extra arguments are postgresql.conf lines (test speed-ups).
pg_start() {
  local dir=$1 port=$2
  shift 2
  if [ ! -f "$dir/pgdata/PG_VERSION" ]; then
    pg_prepare_dir "$dir"
  fi
  # The server sees the real path: a link into a folder postgres cannot enter would not do.
  dir=$(readlink -f "$dir")
  local data="$dir/pgdata" password_file="$dir/password"
  if [ ! -f "$data/PG_VERSION" ]; then
    local password
    password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
    printf '%s\n' "$password" > "$password_file"
    chmod 600 "$password_file"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$password_file"
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U "$PG_USER" --pwfile="$password_file" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = ''"
      echo "max_connections = 200"
      echo "timezone = 'UTC'"
      local line
      for line in "$@"; do echo "$line"; done
    } | pg_as_owner tee -a "$data/postgresql.conf" >/dev/null
  fi
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; return 1; }
  fi
  port=$(sed -n "s/^port = \([0-9]*\)$/\1/p" "$data/postgresql.conf" | tail -1)
  local password
  password=$(cat "$password_file")
  PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$PG_USER" -d postgres -qtAc \
    "select 1 from pg_database where datname = '$PG_DATABASE'" | grep -q 1 \
    || PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$PG_USER" -d postgres -qc \
      "create database $PG_DATABASE" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Database=$PG_DATABASE;Username=$PG_USER;Password=$password"
}

pg_stop() {
  local data
  data="$(readlink -f "$1")/pgdata"
  [ -f "$data/PG_VERSION" ] || return 0
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
}
