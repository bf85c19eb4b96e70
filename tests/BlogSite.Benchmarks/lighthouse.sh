#!/usr/bin/env bash
# Lighthouse scores of the home page and one article, mobile and desktop, against the published site.
#
#   tests/BlogSite.Benchmarks/lighthouse.sh
#   tests/BlogSite.Benchmarks/lighthouse.sh --no-fail          # print the scores, exit 0 whatever they are
#   PRESETS=mobile SLUG=ef-core-query-counts tests/BlogSite.Benchmarks/lighthouse.sh
#   APP_DIR=/path/to/publish/output tests/BlogSite.Benchmarks/lighthouse.sh
#
# Lighthouse is pinned in lighthouse/package.json (12.2.3: 13 needs Node 22), apart from the root
# package.json that the site's build installs, and drives Debian's Chromium: nothing is downloaded.
set -euo pipefail

APP_PORT=${APP_PORT:-5082}
SLUG=${SLUG:-reading-go-stack-traces}
PRESETS=${PRESETS:-mobile desktop}
MIN_SCORE=${MIN_SCORE:-95}
APP_DIR=${APP_DIR:-}                   # an existing `dotnet publish` output to run instead of publishing
PUBLISH_ARGS=${PUBLISH_ARGS:--r linux-x64}  # words for dotnet publish; a runtime makes the publish ReadyToRun
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
CHROME_FLAGS='--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync'
CATEGORIES=(performance accessibility best-practices seo)

FAIL=1
for arg in "$@"; do
    case $arg in
        --no-fail) FAIL=0 ;;
        *) printf 'usage: %s [--no-fail]\n' "$0" >&2; exit 64 ;;
    esac
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
LH_DIR="$HERE/lighthouse"
RESULTS=${RESULTS:-$LH_DIR/results}
APP_URL="http://127.0.0.1:$APP_PORT"
PAGES=("home /" "article /articles/$SLUG")

# shellcheck source=published-app.sh
source "$HERE/published-app.sh"

install_missing() {
    local packages=()
    [[ -x $CHROME_PATH ]] || { [[ $CHROME_PATH == /usr/bin/chromium ]] && packages+=(chromium); }
    command -v curl >/dev/null || packages+=(curl)
    command -v npm >/dev/null || packages+=(npm)
    if ((${#packages[@]} > 0)); then
        log "installing ${packages[*]}"
        local sudo=()
        ((EUID == 0)) || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    fi
    [[ -x $CHROME_PATH ]] || die "no Chromium at CHROME_PATH=$CHROME_PATH"
    command -v dotnet >/dev/null || die "the .NET SDK is required (see global.json); install it from https://dot.net"
    # npm ci only when the lock changed since the last install, as the site's build does for sass.
    if [[ ! -f $LH_DIR/node_modules/.package-lock.json || $LH_DIR/package-lock.json -nt $LH_DIR/node_modules/.package-lock.json ]]; then
        log "npm ci in $LH_DIR"
        (cd "$LH_DIR" && npm ci --no-audit --no-fund >/dev/null)
    fi
}

WORK=""
APP_PID=""

cleanup() {
    stop "$APP_PID"
    [[ -n $WORK && -d $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_missing
WORK=$(mktemp -d /tmp/blogsite-lighthouse.XXXXXX)
mkdir -p "$RESULTS"
[[ $(status_of "$APP_URL/") == 000 ]] || die "port $APP_PORT is in use; set APP_PORT"

publish_app
log "starting the app on $APP_URL"
start_app "$WORK/lighthouse.db"

for _ in $(seq 300); do
    [[ $(status_of "$APP_URL/") == 200 ]] && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the app exited during start-up"; }
    sleep 0.1
done
[[ $(status_of "$APP_URL/") == 200 ]] || { cat "$WORK/app.log" >&2; die "no 200 from / within 30 s"; }

# Lighthouse should time a page as later readers get it, not the first render (JIT, Markdown) of each.
for page in "${PAGES[@]}"; do
    path=${page#* }
    [[ $(status_of "$APP_URL$path") == 200 ]] || die "$path does not answer 200"
    curl -s -o /dev/null --max-time 10 "$APP_URL$path"
done

LIGHTHOUSE="$LH_DIR/node_modules/.bin/lighthouse"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
rows=()
failed=0
for preset in $PRESETS; do
    preset_args=()
    case $preset in
        mobile) ;;
        desktop) preset_args=(--preset=desktop) ;;
        *) die "unknown preset '$preset' (mobile or desktop)" ;;
    esac
    for page in "${PAGES[@]}"; do
        name=${page%% *}
        path=${page#* }
        report="$RESULTS/$stamp-$name-$preset.report.json"
        log "lighthouse $preset $path"
        CHROME_PATH=$CHROME_PATH "$LIGHTHOUSE" "$APP_URL$path" "${preset_args[@]}" \
            --chrome-flags="$CHROME_FLAGS" --output=json --output-path="$report" --quiet \
            || die "lighthouse failed on $path ($preset)"
        # Scores are 0..1 in the report, null when a category could not be scored.
        scores=$(node -e '
            const r = require(process.argv[1]);
            if (r.runtimeError) { console.error(r.runtimeError.message); }
            console.log(process.argv.slice(2).map((id) => {
                const s = r.categories[id]?.score;
                return s == null ? "-" : Math.round(s * 100);
            }).join(" "));
        ' "$report" "${CATEGORIES[@]}")
        rows+=("$path $preset $scores")
        for score in $scores; do
            [[ $score != - && $score -ge $MIN_SCORE ]] || failed=1
        done
    done
done

printf '\n%-40s %-8s %12s %14s %15s %5s\n' page preset performance accessibility 'best-practices' seo
for row in "${rows[@]}"; do
    # shellcheck disable=SC2086 # a row is words on purpose
    printf '%-40s %-8s %12s %14s %15s %5s\n' $row
done
printf '\nreports: %s/%s-*.report.json\n' "$RESULTS" "$stamp"

if ((failed)); then
    printf 'a score is under %s\n' "$MIN_SCORE"
    ((FAIL)) && exit 2
fi
exit 0
