# Shared by load.sh and lighthouse.sh (sourced, not run): logging, and the site published and started
# on a fresh database with content/. The caller sets REPO, WORK, APP_URL, APP_DIR and PUBLISH_ARGS.

log() { printf '== %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# The HTTP status of $1, 000 when nothing answers.
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true; }

# Stops process $1 (if any): TERM, then KILL after 5 s.
stop() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

# The app in $WORK/app: a copy of $APP_DIR when set, else `dotnet publish` with $PUBLISH_ARGS.
publish_app() {
    if [[ -n $APP_DIR ]]; then
        [[ -f $APP_DIR/BlogSite.dll ]] || die "APP_DIR=$APP_DIR holds no BlogSite.dll"
        log "using the published app in $APP_DIR"
        cp -r "$APP_DIR" "$WORK/app"
    else
        log "publishing src/BlogSite (Release${PUBLISH_ARGS:+ $PUBLISH_ARGS}) to $WORK/app"
        # shellcheck disable=SC2086 # PUBLISH_ARGS is a list of words on purpose
        dotnet publish "$REPO/src/BlogSite" -c Release -o "$WORK/app" -nologo -v quiet $PUBLISH_ARGS >"$WORK/publish.log" 2>&1 \
            || { cat "$WORK/publish.log" >&2; die "publish failed"; }
    fi
}

# Starts the app on $APP_URL in Production with the database file $1 (or, with PROVIDER=Postgres, the
# PostgreSQL connection string $1) and content/, its output in
# $WORK/app.log; the words after $1 go before the app's command (e.g. taskset -c 0). Sets APP_PID.
# Scheduled backups are off: on a store with no backup yet the first starts at once, and copying a
# 3 GB store takes the core the pages are timed on.
start_app() {
    local database=$1
    shift
    # With PROVIDER=Postgres, $1 is a connection string rather than a file.
    local STORE_SETTINGS=(ConnectionStrings__Blog="Data Source=$database")
    [[ ${PROVIDER:-Sqlite} == Postgres ]] && STORE_SETTINGS=(Database__Provider=Postgres ConnectionStrings__Blog="$database")
    local exe=(dotnet "$WORK/app/BlogSite.dll")
    [[ -x $WORK/app/BlogSite ]] && exe=("$WORK/app/BlogSite")
    (
        cd "$WORK/app"
        exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP_URL" \
            "${STORE_SETTINGS[@]}" Content__Path="$REPO/content" Site__BaseUrl="${SITE_BASE_URL:-$APP_URL}" Backup__IntervalHours=0 \
            "$@" "${exe[@]}"
    ) >"$WORK/app.log" 2>&1 &
    APP_PID=$!
}
