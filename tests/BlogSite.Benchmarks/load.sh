#!/usr/bin/env bash
# Load test of the reader pages against two ceilings serving a saved copy of the same article page:
# nginx, and the blank ASP.NET Core app (Ceiling/CeilingServer.cs: Kestrel and a byte array); and the blank app once
# more with what the site must do for every page it answers from memory (`ceiling --rules`: proxy headers, the one
# host, the security headers, counting the view), which is the floor of the site's own cached page.
#
#   tests/BlogSite.Benchmarks/load.sh
#   WARMUP_SECONDS=30 RUN_SECONDS=30 tests/BlogSite.Benchmarks/load.sh
#   DOTNET_gcServer=0 tests/BlogSite.Benchmarks/load.sh      # runtime knobs pass through to the app
#   PUBLISH_ARGS="-r linux-x64 --self-contained -p:PublishReadyToRunComposite=true" tests/BlogSite.Benchmarks/load.sh
#   PROVIDER=Postgres tests/BlogSite.Benchmarks/load.sh       # on a private PostgreSQL (tests/postgres.sh)
#
# The app and nginx share CPU 0, wrk runs alone on CPU 1, so each server gets one core and the
# load generator does not steal from it. All traffic goes to 127.0.0.1.
set -euo pipefail

WARMUP_SECONDS=${WARMUP_SECONDS:-20}   # on the article page; / gets half of it
RUN_SECONDS=${RUN_SECONDS:-15}         # each measured run
CONNECTIONS=${CONNECTIONS:-32}
APP_PORT=${APP_PORT:-5080}
NGINX_PORT=${NGINX_PORT:-5081}
CEILING_PORT=${CEILING_PORT:-5082}
RULES_PORT=${RULES_PORT:-5083}
SLUG=${SLUG:-reading-go-stack-traces}
STRICT=${STRICT:-0}                    # 1: exit 2 when a target is missed
APP_DIR=${APP_DIR:-}                   # an existing `dotnet publish` output to run instead of publishing
PUBLISH_ARGS=${PUBLISH_ARGS:--r linux-x64}  # words for dotnet publish; a runtime makes the publish ReadyToRun
APP_CPU=0
WRK_CPU=1
# Without a browser-like User-Agent the app treats wrk as a bot and skips view counting.
USER_AGENT='Mozilla/5.0 (X11; Linux x86_64) BlogSiteLoad/1.0'

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ARTICLE_PATH="/articles/$SLUG"
# Search is never cached: each request runs the FTS5 query, ranks and marks the matches.
SEARCH_PATH="/search?q=${SEARCH_QUERY:-goroutine}"
APP_URL="http://127.0.0.1:$APP_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
CEILING_URL="http://127.0.0.1:$CEILING_PORT"
RULES_URL="http://127.0.0.1:$RULES_PORT"

# shellcheck source=published-app.sh
source "$REPO/tests/BlogSite.Benchmarks/published-app.sh"

install_missing() {
    local packages=()
    command -v wrk >/dev/null || packages+=(wrk)
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || packages+=(nginx-light)
    command -v curl >/dev/null || packages+=(curl)
    command -v taskset >/dev/null || packages+=(util-linux)
    command -v pgrep >/dev/null || packages+=(procps)
    # The site's build compiles its SCSS with the npm package pinned in package.json.
    command -v npm >/dev/null || packages+=(npm)
    if ((${#packages[@]} > 0)); then
        log "installing ${packages[*]}"
        local sudo=()
        ((EUID == 0)) || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    fi
    command -v dotnet >/dev/null || die "the .NET SDK is required (see global.json); install it from https://dot.net"
    (($(nproc) >= 2)) || die "needs 2 CPUs: the servers run on CPU $APP_CPU and wrk on CPU $WRK_CPU"
}

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
WORK=""
APP_PID=""
NGINX_PID=""
CEILING_PID=""
RULES_PID=""

cleanup() {
    stop "$APP_PID"
    stop "$NGINX_PID"
    stop "$CEILING_PID"
    stop "$RULES_PID"
    [[ -n $WORK && -f $WORK/postgres.state ]] && BLOGSITE_PG_STATE=$WORK/postgres.state bash "$REPO/tests/postgres.sh" stop
    [[ -n $WORK && -d $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }

# "1.23ms" / "850.00us" / "1.02s" -> milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

# Runs wrk against $2 for $3 seconds, keeps its output as $WORK/wrk-$1.txt.
run_wrk() {
    local name=$1 url=$2 seconds=$3
    taskset -c "$WRK_CPU" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency -H "User-Agent: $USER_AGENT" "$url" \
        >"$WORK/wrk-$name.txt"
    if grep -q 'Non-2xx or 3xx' "$WORK/wrk-$name.txt"; then
        cat "$WORK/wrk-$name.txt" >&2
        die "$name: some responses were not 2xx/3xx"
    fi
}

# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# The nginx worker, which does the serving: the master's child.
nginx_worker() { pgrep -o -P "$NGINX_PID" || true; }

# Like run_wrk, and records the server's CPU time per request in $WORK/cpu-$1.txt (microseconds).
measure() {
    local name=$1 url=$2 pid=$3 before after requests
    before=$(cpu_ticks "$pid")
    run_wrk "$name" "$url" "$RUN_SECONDS"
    after=$(cpu_ticks "$pid")
    requests=$(awk '/requests in/ { print $1 }' "$WORK/wrk-$name.txt")
    awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }' >"$WORK/cpu-$name.txt"
}

rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk-$1.txt"; }
pct_of() { to_ms "$(awk -v p="$2%" '$1 == p { print $2 }' "$WORK/wrk-$1.txt")"; }

views_on_page() {
    curl -s --max-time 5 "$APP_URL$ARTICLE_PATH" | sed -n 's/.*meta-row__views">\([0-9,]*\) views\{0,1\}<.*/\1/p' | tr -d , | head -n1
}

install_missing
WORK=$(mktemp -d /tmp/blogsite-load.XXXXXX)
# nginx workers drop to an unprivileged user, which must be able to read the static copy.
chmod 755 "$WORK"
port_free "$APP_PORT" || die "port $APP_PORT is in use; set APP_PORT"
port_free "$NGINX_PORT" || die "port $NGINX_PORT is in use; set NGINX_PORT"
port_free "$CEILING_PORT" || die "port $CEILING_PORT is in use; set CEILING_PORT"
port_free "$RULES_PORT" || die "port $RULES_PORT is in use; set RULES_PORT"

publish_app
STORE="$WORK/load.db"
if [[ ${PROVIDER:-Sqlite} == Postgres ]]; then
    # Not pinned: the cached pages timed here do not touch the database, and its writes (views) are few.
    log "starting a private PostgreSQL (tests/postgres.sh)"
    pg_env=$(BLOGSITE_PG_STATE=$WORK/postgres.state bash "$REPO/tests/postgres.sh" start) || die "PostgreSQL did not start"
    eval "$pg_env"
    pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$BLOGSITE_TEST_POSTGRES")
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -q -c "CREATE DATABASE blogsite_load" || die "could not create the database"
    STORE="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=blogsite_load"
fi
log "building the blank-app ceiling (tests/BlogSite.Benchmarks) to $WORK/ceiling"
dotnet build "$REPO/tests/BlogSite.Benchmarks" -c Release -o "$WORK/ceiling" -nologo -v quiet >"$WORK/ceiling-build.log" 2>&1 \
    || { cat "$WORK/ceiling-build.log" >&2; die "building the ceiling failed"; }
log "starting the app on $APP_URL (CPU $APP_CPU)"
started_ns=$(date +%s%N)
# Search has a per-address limit; all of wrk's requests come from one address.
start_app "$STORE" env RateLimits__SearchesPerMinute=100000 taskset -c "$APP_CPU"

ready=""
for _ in $(seq 3000); do   # 10 ms apart, so at most ~30 s plus curl time
    if [[ $(status_of "$APP_URL/") == 200 ]]; then
        ready=$(date +%s%N)
        break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the app exited during start-up"; }
    sleep 0.01
done
[[ -n $ready ]] || { cat "$WORK/app.log" >&2; die "no 200 from / within 30 s"; }
startup_ms=$(((ready - started_ns) / 1000000))
# CPU time is the steadier figure when other work shares the machine.
startup_cpu_ms=$(($(cpu_ticks "$APP_PID") * 1000 / $(getconf CLK_TCK)))
log "first 200 on / after $startup_ms ms ($startup_cpu_ms ms of CPU)"

# curl's User-Agent is a bot's, so saving the page does not count a view.
mkdir -p "$WORK/static/articles"
curl -sf --max-time 10 -o "$WORK/static$ARTICLE_PATH" "$APP_URL$ARTICLE_PATH" || die "could not fetch $ARTICLE_PATH"
chmod -R a+rX "$WORK/static"
views_before=$(views_on_page)
[[ -n $views_before ]] || die "no 'N views' on $ARTICLE_PATH; cannot check view counting"

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/static;
        location = $ARTICLE_PATH { }
    }
}
EOF
log "starting nginx on $NGINX_URL (CPU $APP_CPU)"
taskset -c "$APP_CPU" "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 200); do
    [[ $(status_of "$NGINX_URL$ARTICLE_PATH") == 200 ]] && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/stdout.log" "$WORK/nginx/error.log" >&2; die "nginx exited"; }
    sleep 0.05
done
[[ $(status_of "$NGINX_URL$ARTICLE_PATH") == 200 ]] || die "nginx does not serve $ARTICLE_PATH"

log "starting the blank-app ceiling on $CEILING_URL (CPU $APP_CPU)"
ceiling_started_ns=$(date +%s%N)
taskset -c "$APP_CPU" dotnet "$WORK/ceiling/BlogSite.Benchmarks.dll" ceiling "$WORK/static$ARTICLE_PATH" "$CEILING_URL" >"$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!
ceiling_ready=""
for _ in $(seq 3000); do
    if [[ $(status_of "$CEILING_URL$ARTICLE_PATH") == 200 ]]; then
        ceiling_ready=$(date +%s%N)
        break
    fi
    kill -0 "$CEILING_PID" 2>/dev/null || { cat "$WORK/ceiling.log" >&2; die "the ceiling exited"; }
    sleep 0.01
done
[[ -n $ceiling_ready ]] || die "the ceiling does not serve $ARTICLE_PATH"
ceiling_startup_ms=$(((ceiling_ready - ceiling_started_ns) / 1000000))

log "starting the blank app with the site's per-request rules on $RULES_URL (CPU $APP_CPU)"
taskset -c "$APP_CPU" dotnet "$WORK/ceiling/BlogSite.Benchmarks.dll" ceiling --rules "$WORK/static$ARTICLE_PATH" "$RULES_URL" >"$WORK/rules.log" 2>&1 &
RULES_PID=$!
for _ in $(seq 3000); do
    [[ $(status_of "$RULES_URL$ARTICLE_PATH") == 200 ]] && break
    kill -0 "$RULES_PID" 2>/dev/null || { cat "$WORK/rules.log" >&2; die "the ceiling with rules exited"; }
    sleep 0.01
done
[[ $(status_of "$RULES_URL$ARTICLE_PATH") == 200 ]] || die "the ceiling with rules does not serve $ARTICLE_PATH"

log "warm-up: ${WARMUP_SECONDS}s on $ARTICLE_PATH, $((WARMUP_SECONDS / 2))s on /"
run_wrk warmup-article "$APP_URL$ARTICLE_PATH" "$WARMUP_SECONDS"
run_wrk warmup-index "$APP_URL/" "$((WARMUP_SECONDS / 2 > 0 ? WARMUP_SECONDS / 2 : 1))"
run_wrk warmup-nginx "$NGINX_URL$ARTICLE_PATH" 2
run_wrk warmup-ceiling "$CEILING_URL$ARTICLE_PATH" "$((WARMUP_SECONDS / 2 > 0 ? WARMUP_SECONDS / 2 : 1))"
run_wrk warmup-rules "$RULES_URL$ARTICLE_PATH" "$((WARMUP_SECONDS / 2 > 0 ? WARMUP_SECONDS / 2 : 1))"

# Reader pages are served by the reader page cache, which marks its hits with an Age header. This request
# shares wrk's User-Agent and address, so it is the reader already counted and adds no view.
cache_hit=no
for _ in 1 2; do
    curl -s -o /dev/null -D "$WORK/headers.txt" --max-time 5 -A "$USER_AGENT" "$APP_URL$ARTICLE_PATH"
done
grep -qi '^Age:' "$WORK/headers.txt" && cache_hit=yes

read -r load1 _ </proc/loadavg
if awk -v l="$load1" 'BEGIN { exit !(l > 1.5) }'; then
    log "warning: load average is $load1; other work on this machine will distort the figures"
fi

log "measuring: ${RUN_SECONDS}s each"
NGINX_WORKER=$(nginx_worker)
[[ -n $NGINX_WORKER ]] || die "no nginx worker process found"
measure index "$APP_URL/" "$APP_PID"
measure article "$APP_URL$ARTICLE_PATH" "$APP_PID"
measure search "$APP_URL$SEARCH_PATH" "$APP_PID"
measure nginx "$NGINX_URL$ARTICLE_PATH" "$NGINX_WORKER"
measure ceiling "$CEILING_URL$ARTICLE_PATH" "$CEILING_PID"
measure rules "$RULES_URL$ARTICLE_PATH" "$RULES_PID"

rss_mb_of() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
rss_mb=$(rss_mb_of "$APP_PID")
ceiling_rss_mb=$(rss_mb_of "$CEILING_PID")

# Buffered views are written every 5 s and cached pages live as long, so the page is fresh after 6 s.
sleep 6
views_after=$(views_on_page)

# A restart on the store the run has filled: what a deploy or a crash costs readers.
log "restarting the app on the same store"
stop "$APP_PID"
restart_ns=$(date +%s%N)
start_app "$STORE" env RateLimits__SearchesPerMinute=100000 taskset -c "$APP_CPU"
restarted=""
for _ in $(seq 3000); do
    if [[ $(status_of "$APP_URL/") == 200 ]]; then
        restarted=$(date +%s%N)
        break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the app exited during its restart"; }
    sleep 0.01
done
[[ -n $restarted ]] || die "no 200 from / within 30 s of the restart"
restart_ms=$(((restarted - restart_ns) / 1000000))

nginx_rps=$(rps_of nginx)
ceiling_rps=$(rps_of ceiling)
printf '\n%-50s %11s %8s %8s %8s %10s %12s\n' target 'requests/s' 'p50 ms' 'p99 ms' 'x nginx' 'x ceiling' 'cpu us/req'
for name in index article search nginx ceiling rules; do
    case $name in
        index) label="app /" ;;
        article) label="app $ARTICLE_PATH" ;;
        search) label="app $SEARCH_PATH" ;;
        nginx) label="nginx $ARTICLE_PATH" ;;
        ceiling) label="blank app, the same page as bytes" ;;
        rules) label="blank app + the site's per-request rules" ;;
    esac
    rps=$(rps_of "$name")
    printf '%-50s %11.0f %8s %8s %8.2f %10.2f %12s\n' "$label" "$rps" "$(pct_of "$name" 50)" "$(pct_of "$name" 99)" \
        "$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { print a / b }')" "$(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { print a / b }')" \
        "$(cat "$WORK/cpu-$name.txt")"
done
printf '\nRSS after the runs: app %d MB, blank app %d MB\nstart to first 200: app %d ms on / on an empty store (%d ms of CPU), %d ms restarted on the filled one; blank app %d ms\n' \
    "$rss_mb" "$ceiling_rss_mb" "$startup_ms" "$startup_cpu_ms" "$restart_ms" "$ceiling_startup_ms"
printf 'article page from the page cache (Age header): %s\nviews of %s: %s before, %s after\nload average before measuring: %s\n\n' \
    "$cache_hit" "$SLUG" "$views_before" "${views_after:-?}" "$load1"

missed=0
check() {
    local ok=$1 what=$2
    if ((ok)); then
        printf 'met     %s\n' "$what"
    else
        printf 'MISSED  %s\n' "$what"
        missed=1
    fi
}
ratio=$(awk -v a="$(rps_of article)" -v b="$ceiling_rps" 'BEGIN { printf "%.2f", a / b }')
printf 'article page / blank app with the rules: %s\n' "$(awk -v a="$(rps_of article)" -v b="$(rps_of rules)" 'BEGIN { printf "%.2f", a / b }')"
p99=$(pct_of article 99)
check "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8) }')" "article page >= 0.8x the blank app's requests/s ($ratio)"
check "$(awk -v p="$p99" 'BEGIN { print (p < 5) }')" "article page p99 < 5 ms at $CONNECTIONS connections ($p99 ms)"
check "$((rss_mb <= ceiling_rss_mb + 60))" "RSS after the runs within 60 MB of the blank app's ($rss_mb MB, blank app $ceiling_rss_mb MB)"
check "$((restart_ms < 1000))" "first 200 within 1 s of a restart on an existing store ($restart_ms ms)"

# One reader (127.0.0.1 with one User-Agent) counts once per window, so the count must rise by exactly 1.
if [[ $views_after != "$((views_before + 1))" ]]; then
    die "views went from $views_before to ${views_after:-nothing}, not +1: the counting path did not run as expected"
fi
printf 'met     views were counted (%s -> %s)\n' "$views_before" "$views_after"

if ((missed && STRICT)); then
    exit 2
fi
