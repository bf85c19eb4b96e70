#!/usr/bin/env bash
# The published app in Production behind nginx with the shipped nginx-blogsite.conf, checked with curl
# through the proxy: https links, Secure cookies, HSTS, foreign hosts refused, and one rate-limit
# partition per client address whatever X-Forwarded-For the client sends. Ends with
# "N passed, N failed"; exits 1 on any failure. Needs nginx, openssl and curl; .ci/run installs nginx.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
APP_PORT=${APP_PORT:-5090}
HTTPS_PORT=${HTTPS_PORT:-5443}
HTTP_PORT=${HTTP_PORT:-5480}
APP_URL="http://127.0.0.1:$APP_PORT"
APP_DIR=${APP_DIR:-}
PUBLISH_ARGS=${PUBLISH_ARGS:-}
HOST_NAME=blog.test
SLUG=reading-go-stack-traces
# shellcheck source=../tests/BlogSite.Benchmarks/published-app.sh
source "$REPO/tests/BlogSite.Benchmarks/published-app.sh"

for tool in nginx openssl curl; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

WORK=$(mktemp -d /tmp/blogsite-smoke.XXXXXX)
APP_PID="" NGINX_PID=""
cleanup() {
    stop "$APP_PID"
    [[ -n $NGINX_PID ]] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

passed=0 failed=0
check() {
    local name=$1
    shift
    if "$@"; then
        echo "ok   $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        failed=$((failed + 1))
    fi
}

# curl through nginx as $HOST_NAME, from the source address $1 (a loopback address of its own).
through() {
    local from=$1
    shift
    curl -sk --interface "$from" --max-time 10 --resolve "$HOST_NAME:$HTTPS_PORT:127.0.0.1" --resolve "$HOST_NAME:$HTTP_PORT:127.0.0.1" "$@"
}

publish_app
log "starting the app on $APP_URL behind nginx on $HTTPS_PORT"
SITE_BASE_URL="https://$HOST_NAME" start_app "$WORK/blog.db" RateLimits__HeartsPerMinute=2
for _ in $(seq 300); do
    [[ $(status_of "$APP_URL/healthz") == 200 ]] && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the app exited"; }
    sleep 0.1
done

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$HOST_NAME" \
    -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
# The shipped site config with only its ports, names and paths changed.
sed -e "s|server 127.0.0.1:5000;|server 127.0.0.1:$APP_PORT;|" \
    -e "s|listen 443 |listen 127.0.0.1:$HTTPS_PORT |; s|listen \[::\]:443 |listen [::1]:$HTTPS_PORT |" \
    -e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|; s|listen \[::\]:80;|listen [::1]:$HTTP_PORT;|" \
    -e "s|blog.example.com;|$HOST_NAME;|" \
    -e "s|/etc/letsencrypt/live/blog.example.com/fullchain.pem|$WORK/cert.pem|" \
    -e "s|/etc/letsencrypt/live/blog.example.com/privkey.pem|$WORK/key.pem|" \
    "$REPO/deploy/nginx-blogsite.conf" >"$WORK/site.conf"
grep -q "127.0.0.1:$APP_PORT" "$WORK/site.conf" || die "the nginx config no longer has the expected upstream line"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $WORK/tmp-body;
    proxy_temp_path $WORK/tmp-proxy;
    fastcgi_temp_path $WORK/tmp-fastcgi;
    uwsgi_temp_path $WORK/tmp-uwsgi;
    scgi_temp_path $WORK/tmp-scgi;
    include $WORK/site.conf;
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" || { cat "$WORK/nginx-error.log" >&2 || true; die "nginx did not start"; }
for _ in $(seq 50); do
    [[ -s $WORK/nginx.pid ]] && break
    sleep 0.1
done
NGINX_PID=$(cat "$WORK/nginx.pid")

base="https://$HOST_NAME:$HTTPS_PORT"
status() { through "$1" -o /dev/null -w '%{http_code}' "${@:2}" || true; }
headers() { through "$1" -o /dev/null -D - "${@:2}"; }

check "home page over https is 200" test "$(status 127.0.0.2 "$base/")" = 200
check "article over https is 200" test "$(status 127.0.0.2 "$base/articles/$SLUG")" = 200
check "canonical link is https under Site:BaseUrl" \
    grep -q "<link rel=\"canonical\" href=\"https://$HOST_NAME/articles/$SLUG\"" <(through 127.0.0.2 "$base/articles/$SLUG")
check "HSTS on https responses" grep -qi '^strict-transport-security: max-age=31536000' <(headers 127.0.0.2 "$base/")
check "cookies come back Secure" grep -qiE '^set-cookie: .*; secure' <(headers 127.0.0.2 "$base/account/login")
check "no cookie without Secure" test -z "$(headers 127.0.0.2 "$base/account/login" | grep -i '^set-cookie:' | grep -vi '; secure')"
check "http is sent to https" grep -qi "^location: https://$HOST_NAME" <(headers 127.0.0.2 "http://$HOST_NAME:$HTTP_PORT/")
check "a foreign Host is refused" test "$(status 127.0.0.2 -H 'Host: evil.example' "$base/")" = 400

# Hearts are limited per address (2 a minute here): the limiter answers before the form-token check,
# which refuses these cookie-less POSTs with 400 while the address still has permits.
heart() { status "$1" -X POST -d hearted=true "${@:2}" "$base/articles/$SLUG/heart"; }
first=$(heart 127.0.0.2) second=$(heart 127.0.0.2) third=$(heart 127.0.0.2)
check "one address is limited after its permits ($first $second $third)" test "$first $second $third" = "400 400 429"
check "a spoofed X-Forwarded-For does not give a fresh partition" test "$(heart 127.0.0.2 -H 'X-Forwarded-For: 198.51.100.7')" = 429
check "another address is its own partition" test "$(heart 127.0.0.3)" = 400
check "429 says when to retry" grep -qi '^retry-after: [0-9]' <(through 127.0.0.2 -o /dev/null -D - -X POST -d hearted=true "$base/articles/$SLUG/heart")

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
