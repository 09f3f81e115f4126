#!/usr/bin/env bash
# SQL injection attack on a throw-away demo server, with Debian's sqlmap, plus a check of the security headers and
# the session cookie's flags. Not part of `npm test`: it takes minutes and installs a package.
#
#   scripts/attack.sh              build, start the demo on a fresh data directory, attack, print a verdict
#   scripts/attack.sh --no-build   run the server from the sources (through tsx) instead of the build
#
# Environment: ATTACK_LEVEL (3), ATTACK_RISK (2), ATTACK_TIMEOUT (seconds per target, 240), ATTACK_TARGETS (which of
# "search record-list login" to attack; all by default). sqlmap's logs are kept in test-results/attack/. With DATABASE_URL set,
# the server runs on that PostgreSQL database (it must be empty or hold the demo) and sqlmap is told so.
# Exit status: 0 no injection and headers as required; 1 an injection found or a header missing; 2 a target whose
# attack did not finish in time (no verdict for it).
set -euo pipefail
cd "$(dirname "$0")/.."

level="${ATTACK_LEVEL:-3}"
risk="${ATTACK_RISK:-2}"
per_target="${ATTACK_TIMEOUT:-240}"
build=1
[[ "${1:-}" == "--no-build" ]] && build=0
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

if ! command -v sqlmap >/dev/null; then
  echo "== installing sqlmap (Debian package)"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y sqlmap >/dev/null; else sudo apt-get install -y sqlmap >/dev/null; fi
fi
echo "== $(sqlmap --version 2>/dev/null | head -1 || true)"

targets="${ATTACK_TARGETS:-search record-list login}"
logs="test-results/attack"
rm -rf "$logs" && mkdir -p "$logs"
work=$(mktemp -d -t rapporteur-attack-XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $build -eq 1 ]]; then
  echo "== building ($(elapsed))"
  npx tsc -p tsconfig.build.json
  npx vite build --logLevel warn
  server=(node bin/rapporteur.js demo)
else
  server=(node --import tsx src/cli/main.ts demo)
fi

# Request rate limits are turned off, and sign-in failures are not slowed or locked: sqlmap sends thousands of
# requests, and a 429 would hide what a query does. Sign-in's own per-address limit stays; sqlmap's `xforwardedfor`
# tamper gives each request another client address (the server trusts X-Forwarded-For from loopback only).
echo "== starting the demo on $work ($(elapsed))"
RAPPORTEUR_DATA_DIR="$work/data" PORT=0 RAPPORTEUR_LOG_LEVEL=warn RAPPORTEUR_RATE_LIMIT_PER_MINUTE=0 \
  RAPPORTEUR_LOGIN_DELAY_MS=0 RAPPORTEUR_LOCKOUT_THRESHOLD=1000 "${server[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 240); do
  url=$(sed -n 's/.*Rapporteur demo is ready at \(http[^ ]*\).*/\1/p' "$work/server.log" | head -1)
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
[[ -n "$url" ]] || { echo "the server did not start"; cat "$work/server.log"; exit 1; }
echo "   $url ($(elapsed))"

json() { node -e 'let s="";process.stdin.on("data",(c)=>(s+=c)).on("end",()=>{const v=JSON.parse(s);console.log(eval(process.argv[1]))})' "$1"; }
login=$(curl -s -D "$work/login.headers" -H 'content-type: application/json' \
  --data '{"email":"officer@demo.test","password":"'"${RAPPORTEUR_DEMO_PASSWORD:-rapporteur-demo-2017}"'"}' "$url/api/v1/auth/login")
csrf=$(echo "$login" | json 'v.csrfToken')
cookie=$(grep -i '^set-cookie: rapporteur_session=' "$work/login.headers" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
[[ -n "$csrf" && -n "$cookie" ]] || { echo "sign-in failed: $login"; exit 1; }
mandate=$(curl -s -H "cookie: $cookie" "$url/api/v1/mandates" | json 'v.items[0].id')
cursor=$(curl -s -H "cookie: $cookie" "$url/api/v1/events?mandateId=$mandate&limit=2&sort=title" | json 'v.nextCursor')
place=$(curl -s -H "cookie: $cookie" "$url/api/v1/events?mandateId=$mandate&limit=1" | json 'v.items[0].placeId ?? ""')
echo "   signed in as officer@demo.test; mandate $mandate"

dbms="SQLite"
[[ -n "${DATABASE_URL:-}" ]] && dbms="PostgreSQL"
common=(--batch --flush-session --disable-coloring --level "$level" --risk "$risk" --technique BEUST --time-sec 2
  --dbms "$dbms" --output-dir "$work/sqlmap" --tamper xforwardedfor -H "x-csrf-token: $csrf" --cookie "$cookie")

found=0
unfinished=0
attack() {
  local name=$1
  shift
  [[ " $targets " == *" $name "* ]] || return 0
  local t0
  t0=$(date +%s)
  echo "== sqlmap: $name ($(elapsed))"
  set +e
  timeout "$per_target" sqlmap "${common[@]}" "$@" >"$logs/$name.log" 2>&1
  local status=$?
  set -e
  if grep -q 'identified the following injection point\|is vulnerable' "$logs/$name.log"; then
    found=1
    echo "   INJECTION FOUND:"
    sed -n '/identified the following injection point/,/^---$/p' "$logs/$name.log" | sed 's/^/   /'
  elif [[ $status -eq 124 ]]; then
    unfinished=1
    echo "   not finished within ${per_target} s: no verdict"
  elif grep -q 'do not appear to be injectable\|does not seem to be injectable' "$logs/$name.log"; then
    echo "   not injectable: $(grep -c 'does not seem to be injectable' "$logs/$name.log") parameter verdicts, $(($(date +%s) - t0)) s"
  else
    unfinished=1
    echo "   sqlmap ended without a verdict (status $status):"
    tail -5 "$logs/$name.log" | sed 's/^/   /'
  fi
}

attack search -u "$url/api/v1/search?mandateId=$mandate&q=forced" -p q
attack record-list \
  -u "$url/api/v1/events?mandateId=$mandate&q=border&sort=title&order=asc&limit=5&cursor=$cursor&placeId=$place" \
  -p "q,sort,order,cursor,placeId,mandateId"
# A failed sign-in is a 401: sqlmap must compare those answers rather than stop at the first one.
attack login -u "$url/api/v1/auth/login" --method POST -H "content-type: application/json" --ignore-code 401 \
  --data '{"email":"nobody@demo.test*","password":"not the password*"}'

echo "== headers and cookie ($(elapsed))"
bad_headers=0
check() {
  local what=$1 pattern=$2 file=$3
  if grep -qi "$pattern" "$file"; then echo "   ok       $what"; else
    echo "   MISSING  $what"
    bad_headers=1
  fi
}
for path in /app/ /api/v1/auth/session /en/ "/api/v1/events?mandateId=$mandate"; do
  curl -s -o /dev/null -D "$work/h" -H "cookie: $cookie" "$url$path"
  echo "   $path"
  check "  content-security-policy (no unsafe-inline script)" "^content-security-policy: .*default-src" "$work/h"
  if grep -i '^content-security-policy:' "$work/h" | grep -qi "script-src[^;]*unsafe-inline"; then
    echo "   MISSING  script-src without 'unsafe-inline'"
    bad_headers=1
  fi
  check "  x-content-type-options: nosniff" "^x-content-type-options: nosniff" "$work/h"
  check "  x-frame-options: DENY" "^x-frame-options: DENY" "$work/h"
  check "  referrer-policy" "^referrer-policy: no-referrer" "$work/h"
  check "  cross-origin-opener-policy" "^cross-origin-opener-policy: same-origin" "$work/h"
  check "  cross-origin-resource-policy" "^cross-origin-resource-policy: same-" "$work/h"
  check "  permissions-policy" "^permissions-policy: .*camera=()" "$work/h"
done
check "session cookie HttpOnly" "^set-cookie: rapporteur_session=.*; HttpOnly" "$work/login.headers"
check "session cookie SameSite=Strict" "^set-cookie: rapporteur_session=.*; SameSite=Strict" "$work/login.headers"
check "session cookie Path=/" "^set-cookie: rapporteur_session=.*; Path=/" "$work/login.headers"
curl -s -o /dev/null -D "$work/h" -H 'x-forwarded-proto: https' -H 'content-type: application/json' \
  --data '{"email":"analyst@demo.test","password":"'"${RAPPORTEUR_DEMO_PASSWORD:-rapporteur-demo-2017}"'"}' \
  "$url/api/v1/auth/login"
check "session cookie Secure over HTTPS" "^set-cookie: rapporteur_session=.*; Secure" "$work/h"
check "HSTS over HTTPS" "^strict-transport-security: max-age=" "$work/h"

echo "== verdict after $(elapsed)"
if [[ $found -eq 1 || $bad_headers -eq 1 ]]; then
  [[ $found -eq 1 ]] && echo "FAIL: SQL injection found (logs above)"
  [[ $bad_headers -eq 1 ]] && echo "FAIL: a security header or cookie flag is missing"
  exit 1
fi
if [[ $unfinished -eq 1 ]]; then
  echo "INCOMPLETE: no injection found, but not every target was fully tested (raise ATTACK_TIMEOUT)"
  exit 2
fi
echo "PASS: no SQL injection found in: $targets (level $level, risk $risk, BEUST); headers and cookie flags as required"
