#!/usr/bin/env bash
# Reader pages on a small store and a big one, side by side: the uncached time of each page (the
# median of RUNS requests that bypass the page cache with a Cookie header), its size, and start-up.
#
#   tests/BlogSite.Benchmarks/scale.sh                        # 1k / 10k and 100k / 1M; ~15 min the first time
#   SMALL="1000 10000" BIG="20000 200000" tests/BlogSite.Benchmarks/scale.sh
#   STORES=/var/tmp/blogsite-stores tests/BlogSite.Benchmarks/scale.sh   # where generated stores are kept
#
# Stores are made once by `generate-store` (Scale/StoreGenerator.cs) and kept in $STORES (the big one
# is ~3 GB); each run copies them, so the site's migrations never touch the originals. The app runs on
# CPU 0 and curl on CPU 1. Needs sqlite3 (to pick the pages), curl and taskset.
set -euo pipefail

SMALL=${SMALL:-"1000 10000"}
BIG=${BIG:-"100000 1000000"}
RUNS=${RUNS:-15}
# Requests per page before it is timed: .NET compiles each method again, optimised, after ~30 calls, in
# the background; a fresh process answers 2-3x slower and takes ~1,000 requests to settle.
WARMUP=${WARMUP:-300}
STORES=${STORES:-/var/tmp/blogsite-stores}
APP_PORT=${APP_PORT:-5090}
APP_DIR=${APP_DIR:-}
PUBLISH_ARGS=${PUBLISH_ARGS:--r linux-x64}

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_URL="http://127.0.0.1:$APP_PORT"
# shellcheck source=published-app.sh
source "$REPO/tests/BlogSite.Benchmarks/published-app.sh"

for tool in sqlite3 curl taskset; do
    command -v $tool >/dev/null || die "needs $tool (apt-get install sqlite3 curl util-linux)"
done

WORK=$(mktemp -d)
APP_PID=""
STARTUP=""
trap 'stop "$APP_PID"; rm -rf "$WORK"' EXIT

# The store for "ARTICLES COMMENTS", generated when missing.
store() {
    local articles=${1% *} comments=${1#* }
    local file="$STORES/store-$articles-$comments.db"
    if [[ ! -f $file ]]; then
        mkdir -p "$STORES"
        log "generating $file (once)"
        dotnet run -c Release --project "$REPO/tests/BlogSite.Benchmarks" -- generate-store "$file.partial" "$articles" "$comments" >&2
        mv "$file.partial" "$file"
    fi
    echo "$file"
}

# Starts the app on database $1 and sets STARTUP to the seconds from launch until /healthz answers
# (a variable, not output: APP_PID must be set in this shell, not in a command substitution's).
start_timed() {
    local database=$1 began
    began=$(date +%s.%N)
    # Search has a per-address limit; every request here comes from one address.
    start_app "$database" env RateLimits__SearchesPerMinute=100000 taskset -c 0
    # The first start on a store may build indexes for minutes.
    for _ in $(seq 6000); do
        [[ $(status_of "$APP_URL/healthz") == 200 ]] && break
        kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the app stopped"; }
        sleep 0.1
    done
    STARTUP=$(echo "$(date +%s.%N) - $began" | bc)
}

# "MEDIAN_MS BYTES STATUS" of one path.
measure() {
    local path=$1
    for _ in $(seq "$WARMUP"); do curl -s -o /dev/null -H 'Cookie: bench=1' "$APP_URL$path"; done
    local median
    median=$(for _ in $(seq "$RUNS"); do
        taskset -c 1 curl -s -o /dev/null -H 'Cookie: bench=1' -w '%{time_total}\n' "$APP_URL$path"
    done | sort -n | sed -n "$(((RUNS + 1) / 2))p")
    local shape
    shape=$(curl -s -o /dev/null -H 'Cookie: bench=1' -w '%{size_download} %{http_code}' "$APP_URL$path")
    printf '%.1f %s\n' "$(echo "$median * 1000" | bc)" "$shape"
}

# The pages to try on the store $1: a line "LABEL<TAB>PATH" each.
pages_of() {
    local db=$1 hot few category tag month author
    hot=$(sqlite3 "$db" "SELECT a.Slug FROM Comments c JOIN Articles a ON a.Id = c.ArticleId GROUP BY c.ArticleId ORDER BY count(*) DESC LIMIT 1")
    few=$(sqlite3 "$db" "SELECT a.Slug FROM Articles a WHERE (SELECT count(*) FROM Comments c WHERE c.ArticleId = a.Id) BETWEEN 1 AND 5 LIMIT 1")
    category=$(sqlite3 "$db" "SELECT Slug FROM Categories ORDER BY Id LIMIT 1")
    tag=$(sqlite3 "$db" "SELECT t.Slug FROM Tags t JOIN ArticleTags at ON at.TagsId = t.Id GROUP BY t.Id ORDER BY count(*) DESC LIMIT 1")
    month=$(sqlite3 "$db" "SELECT replace(substr(max(PublishedAt), 1, 7), '-', '/') FROM Articles WHERE Status = 1 AND PublishedAt < date('now', '-2 months')")
    # Stores generated before the authors were accounts have no author pages.
    author=$(sqlite3 "$db" "SELECT u.Slug FROM AspNetUsers u WHERE EXISTS (SELECT 1 FROM Articles a WHERE a.AuthorId = u.Id) ORDER BY u.Slug LIMIT 1")
    printf '%s\t%s\n' \
        "home" "/" \
        "home, page 50" "/?pageNumber=50" \
        "article, a few comments" "/articles/$few" \
        "article, most comments" "/articles/$hot" \
        "category, page 40" "/categories/$category?pageNumber=40" \
        "tag with most articles" "/tags/$tag" \
        "author, page 40" "${author:+/authors/$author?pageNumber=40}" \
        "archive" "/archive" \
        "archive month" "/archive/$month" \
        "sitemap index" "/sitemap.xml" \
        "sitemap, articles file" "/sitemaps/articles-1.xml" \
        "feed" "/feed.xml" \
        "search, common word" "/search?q=goroutine" \
        "search, no match" "/search?q=zebra"
}

# Runs the site on a copy of store $1 and prints "LABEL<TAB>MS<TAB>BYTES<TAB>STATUS" per page, then start-up.
run_store() {
    local original=$1 copy="$WORK/store.db"
    cp "$original" "$copy"
    # The first start applies any migration the store lacks; the second is the one measured.
    start_timed "$copy"
    stop "$APP_PID"
    start_timed "$copy"
    while IFS=$'\t' read -r label path; do
        [[ -n $path ]] || { printf '%s\t-\t-\t-\n' "$label"; continue; }
        read -r ms bytes status < <(measure "$path")
        printf '%s\t%s\t%s\t%s\n' "$label" "$ms" "$bytes" "$status"
    done < <(pages_of "$copy")
    printf 'start-up\t%.0f\t-\t-\n' "$(echo "$STARTUP * 1000" | bc)"
    stop "$APP_PID"
    rm -f "$copy" "$copy-wal" "$copy-shm"
}

publish_app
small_store=$(store "$SMALL")
big_store=$(store "$BIG")
log "measuring $small_store"
run_store "$small_store" >"$WORK/small.tsv"
log "measuring $big_store"
run_store "$big_store" >"$WORK/big.tsv"

printf '\n%-26s %10s %10s %12s %s\n' "page (uncached)" "${SMALL% *}" "${BIG% *}" "bytes (big)" "status"
paste "$WORK/small.tsv" "$WORK/big.tsv" | while IFS=$'\t' read -r label ms _ _ _ big_ms big_bytes big_status; do
    printf '%-26s %8s ms %8s ms %12s %s\n' "$label" "$ms" "$big_ms" "$big_bytes" "$big_status"
done
