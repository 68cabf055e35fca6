#!/usr/bin/env bash
# Deployment tests: the shipped deploy/ files, run for real.
#
# - nginx: Debian's nginx runs the SHIPPED site (deploy/nginx/parrhesia.conf)
#   inside Debian's own nginx.conf (which turns an access log on at the http
#   level); only ports and file paths are substituted. Critiques are sent
#   through it with marker User-Agent, X-Forwarded-For and Referer values;
#   afterwards no nginx log file holds a marker or any client address, and
#   the app stored every critique. A stand-in upstream then records exactly
#   which headers nginx forwards. Through the onion entrance, requests carry
#   tor's PROXY header: each circuit has its own allowance of wrong codes.
# - systemd: `systemd-analyze verify` and an offline `systemd-analyze
#   security` score (at most 2.0) on the shipped unit.
# - tor: `tor --verify-config` on the shipped torrc snippet.
#
# Prints "N passed, N failed" and exits non-zero on any failure.
# (No pipes into `grep -q`: with pipefail, grep's early exit can fail the
# writer with SIGPIPE and turn a match into a miss. Here-strings instead.)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
command -v nginx >/dev/null || need+=(nginx)
command -v openssl >/dev/null || need+=(openssl)
command -v curl >/dev/null || need+=(curl)
command -v tor >/dev/null || need+=(tor)
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Debian starts the packaged nginx on installation; ours runs on its own
# ports and prefix, so the packaged one is left alone.

passed=0
failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }

cargo build --locked --quiet --bin parrhesia || { echo "0 passed, 1 failed"; exit 1; }
bin="$root/target/debug/parrhesia"

t=$(mktemp -d)
app_pid=""
up_pid=""
cleanup() {
  [ -f "$t/nginx.pid" ] && kill "$(cat "$t/nginx.pid")" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ -n "$up_pid" ] && kill "$up_pid" 2>/dev/null
  sleep 0.3
  rm -rf "$t"
}
trap cleanup EXIT

# Five distinct free TCP ports on loopback (all held open while chosen).
read -r p_http p_https p_onion p_app p_metrics < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))')
host=feedback.example.org
token=deploy-test-admin-token-0123456789

# --- nginx: the shipped files, ports and paths substituted --------------------
mkdir -p "$t/log" "$t/sites" "$t/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" \
  -keyout "$t/tls/privkey.pem" -out "$t/tls/fullchain.pem" 2>/dev/null
sed -e "s#/var/log/nginx#$t/log#g" \
  -e "s#/etc/letsencrypt/live/$host#$t/tls#g" \
  -e "s#/etc/nginx/parrhesia-proxy.conf#$t/parrhesia-proxy.conf#g" \
  -e "s#listen 80 #listen $p_http #; s#listen \[::\]:80 #listen [::]:$p_http #" \
  -e "s#listen 443 #listen $p_https #; s#listen \[::\]:443 #listen [::]:$p_https #" \
  -e "s#127.0.0.1:8081#127.0.0.1:$p_onion#" \
  -e "s#127.0.0.1:8080#127.0.0.1:$p_app#" \
  deploy/nginx/parrhesia.conf >"$t/sites/parrhesia"
if ! [ -e /proc/net/if_inet6 ]; then
  # No IPv6 on this machine: nginx could not bind [::].
  sed -i '/listen \[::\]/d' "$t/sites/parrhesia"
fi
cp deploy/nginx/parrhesia-proxy.conf "$t/parrhesia-proxy.conf"
# Debian's own nginx.conf (with its access_log at the http level), pointed
# at the test's directory.
sed -e "s#/run/nginx.pid#$t/nginx.pid#" \
  -e "s#/var/log/nginx#$t/log#g" \
  -e "s#/etc/nginx/sites-enabled/\*#$t/sites/*#" \
  /etc/nginx/nginx.conf >"$t/nginx.conf"
changed=$(diff <(sed -e "s#$t#T#g" "$t/sites/parrhesia") deploy/nginx/parrhesia.conf | grep -c '^[<>]' || true)
echo "substituted lines in the site: $changed"

if nginx -t -q -e "$t/log/error.log" -c "$t/nginx.conf" 2>"$t/nginx-t.out"; then
  ok "nginx -t passes on the shipped site"
else
  fail "nginx -t: $(cat "$t/nginx-t.out")"
fi

# --- the app ------------------------------------------------------------------
# The shipped settings file, with the address and directories overridden
# by flags (which take precedence).
PARRHESIA_ADMIN_TOKEN=$token "$bin" serve --config deploy/parrhesia.toml --bind "127.0.0.1:$p_app" \
  --data "$t/data" --keys "$t/keys" --metrics-bind "127.0.0.1:$p_metrics" \
  --metrics-publish-secs 0 >"$t/app.out" 2>&1 &
app_pid=$!
for _ in $(seq 100); do grep -q "listening" "$t/app.out" && break; sleep 0.1; done
nginx -e "$t/log/error.log" -c "$t/nginx.conf" || fail "nginx did not start"
sleep 0.5

app="http://127.0.0.1:$p_app"
admin() { curl -s -H "Authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
admin -d '{"slug":"care","name":"Care services"}' "$app/api/v1/admin/organisations" >/dev/null
admin -d '{"slug":"spring","organisation":"care","title":"How are we doing?"}' \
  "$app/api/v1/admin/rounds" >/dev/null
codes=$(admin -d '{"count":4}' "$app/api/v1/admin/rounds/spring/codes" |
  python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["codes"]))')
read -r -a code <<<"$codes"

ua="MarkerAgent/7.7 (deploy-marker-ua)"
xff="203.0.113.199"
ref="https://referrer-marker.example/deploy"
https=(curl -s -k --resolve "$host:$p_https:127.0.0.1" -A "$ua"
  -H "X-Forwarded-For: $xff" -H "Forwarded: for=198.51.100.42" -H "Referer: $ref")
base="https://$host:$p_https"

status=$("${https[@]}" -o "$t/r1" -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"code\":\"${code[0]}\",\"themes\":[\"leadership\"],\"text\":\"through the proxy\"}" \
  "$base/api/v1/rounds/spring/critiques")
if [ "$status" = 201 ] && grep -q receipt "$t/r1"; then
  ok "a JSON critique through nginx is stored (201 with a receipt)"
else
  fail "JSON critique through nginx: $status $(cat "$t/r1")"
fi
status=$("${https[@]}" -o "$t/r2" -w '%{http_code}' \
  --data-urlencode "code=${code[1]}" --data-urlencode "themes=information" \
  --data-urlencode "text=a form through the proxy" "$base/r/spring")
if [ "$status" = 200 ] && grep -qi receipt "$t/r2"; then
  ok "a form critique through nginx shows a receipt"
else
  fail "form critique through nginx: $status"
fi
# Things nginx itself refuses, which it would log with the client address.
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
status=$("${https[@]}" -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  --data-binary "{\"text\":\"$big\"}" "$base/api/v1/rounds/spring/critiques")
[ "$status" = 413 ] && ok "nginx refuses a body over 64 KiB (413)" || fail "oversized body: $status"
status=$(curl -s -o /dev/null -w '%{http_code}' -A "$ua" -H "X-Forwarded-For: $xff" \
  "http://127.0.0.1:$p_http/r/spring")
[ "$status" = 301 ] && ok "plain HTTP redirects to HTTPS" || fail "plain HTTP: $status"
status=$("${https[@]}" -o /dev/null -w '%{http_code}' "$base/readyz")
[ "$status" = 200 ] && ok "/readyz answers 200 through nginx" || fail "/readyz: $status"
# The onion entrance, as tor reaches it: a PROXY protocol header naming the
# visitor's circuit (HiddenServiceExportCircuitID haproxy), then HTTP.
cat >"$t/onion.py" <<'PY'
import socket, sys
port, circuit, method, path = sys.argv[1:5]
body = sys.argv[5] if len(sys.argv) > 5 else ""
s = socket.create_connection(("127.0.0.1", int(port)))
head = "PROXY TCP6 %s ::1 4711 443\r\n" % circuit
head += "%s %s HTTP/1.1\r\nHost: example.onion\r\nConnection: close\r\n" % (method, path)
head += "User-Agent: MarkerAgent/7.7 (deploy-marker-ua)\r\n"
if body:
    head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n" % len(body)
s.sendall((head + "\r\n" + body).encode())
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
print(data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "none")
PY
onion() { python3 "$t/onion.py" "$p_onion" "$@"; }
status=$(onion fc00:dead:beef:4dad::1:1 GET /r/spring)
[ "$status" = 200 ] && ok "the onion entrance serves the form" || fail "onion entrance: $status"
status=$(onion fc00:dead:beef:4dad::1:1 GET /api/v1/admin/rounds/spring)
[ "$status" = 404 ] && ok "the onion entrance hides the admin API" || fail "onion admin: $status"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p_onion/r/spring")
[ "$status" = 400 ] || [ "$status" = 000 ] && ok "the onion entrance takes only tor's PROXY header" ||
  fail "onion entrance without a PROXY header: $status"
# One circuit's wrong codes: refused with 429 after its allowance (30 a
# minute by default), while another circuit's code goes through.
# A well-formed code (its check symbol is right) that was never issued.
wrong="code=7K3M-Q9XT-4WP7&themes=leadership&text=guess"
limited=0
for _ in $(seq 40); do
  [ "$(onion fc00:dead:beef:4dad::2:2 POST /r/spring "$wrong")" = 429 ] && limited=$((limited + 1))
done
status=$(onion fc00:dead:beef:4dad::3:3 POST /r/spring "code=${code[2]}&themes=leadership&text=through+tor")
if [ "$limited" -ge 5 ] && [ "$status" = 200 ]; then
  ok "one onion circuit's wrong codes are limited ($limited of 40) while another circuit gets through"
else
  fail "onion circuits: $limited of 40 limited, the other circuit got $status"
fi
# The admin API answers through nginx only from the machine itself: a
# request from another address (127.0.0.2 stands in for one) is refused,
# which nginx would also log with that address.
status=$("${https[@]}" --interface 127.0.0.2 -o /dev/null -w '%{http_code}' \
  -H "Authorization: Bearer $token" "$base/api/v1/admin/rounds/spring")
[ "$status" = 403 ] && ok "the admin API is refused through nginx from elsewhere" || fail "admin from elsewhere: $status"
status=$("${https[@]}" -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
  "$base/api/v1/admin/rounds/spring")
[ "$status" = 200 ] && ok "the admin API answers through nginx from this machine" || fail "admin from here: $status"
# TLS 1.2 and 1.3 connect; 1.0 and 1.1 are refused even by a client willing
# to use them (security level 0). The refusals are also errors nginx would
# log with the client's address.
tls() { openssl s_client -connect "127.0.0.1:$p_https" -servername "$host" "$@" </dev/null >/dev/null 2>&1; }
if tls -tls1_2 && tls -tls1_3; then ok "TLS 1.2 and 1.3 connect"; else fail "TLS 1.2 or 1.3 refused"; fi
if tls -tls1 -cipher 'DEFAULT:@SECLEVEL=0' || tls -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0'; then
  fail "TLS 1.0 or 1.1 accepted"
else
  ok "TLS 1.0 and 1.1 are refused"
fi
hsts=$("${https[@]}" -s -o /dev/null -D - "$base/r/spring" | grep -ci '^strict-transport-security:' || true)
[ "$hsts" = 1 ] && ok "exactly one HSTS header through nginx" || fail "HSTS headers: $hsts"
# The shipped settings trust nginx on loopback: the app believes a
# forwarded "https" (and so sends HSTS itself, which nginx hides in favour of
# its own).
app_hsts=$(curl -s -o /dev/null -D - -H "X-Forwarded-Proto: https" "$app/r/spring" | grep -ci '^strict-transport-security:' || true)
[ "$app_hsts" = 1 ] && ok "the app trusts nginx's forwarded headers (shipped trusted_proxy)" ||
  fail "the app did not believe X-Forwarded-Proto from loopback"
server_header=$("${https[@]}" -s -o /dev/null -D - "$base/" | grep -i '^server:' || true)
if [ -z "$server_header" ] || ! grep -q '[0-9]' <<<"$server_header"; then
  ok "no nginx version in the Server header ($server_header)"
else
  fail "Server header shows a version: $server_header"
fi

status=$("${https[@]}" -o /dev/null -w '%{http_code}' "$base/metrics")
[ "$status" = 404 ] && ok "/metrics is not served through nginx" || fail "/metrics via nginx: $status"

# The app stored all three: each code is spent now. (The admin API gives
# exact counts only for sealed periods, issue 16, item 5.)
spent=0
for c in "${code[@]:0:3}"; do
  answer=$(curl -s -H 'Content-Type: application/json' \
    -d "{\"code\":\"$c\",\"themes\":[\"leadership\"],\"text\":\"again\"}" \
    "$app/api/v1/rounds/spring/critiques")
  grep -q '"code_spent"' <<<"$answer" && spent=$((spent + 1))
done
[ "$spent" = 3 ] && ok "the app stored all three critiques (their codes are spent)" ||
  fail "codes spent: $spent of 3"

# Nothing of the visitor in any nginx log file, nor any client address.
kill -QUIT "$(cat "$t/nginx.pid")" 2>/dev/null
sleep 0.5
leaks=""
for marker in "$ua" MarkerAgent deploy-marker-ua "$xff" 198.51.100.42 referrer-marker "client:" "127.0.0.1 -" 127.0.0.2 fc00:dead; do
  if grep -rqF -- "$marker" "$t/log" 2>/dev/null; then leaks="$leaks [$marker]"; fi
done
ls -la "$t/log"
if [ -z "$leaks" ]; then
  ok "nginx's log files hold no marker and no client address"
else
  fail "nginx logs contain:$leaks"
fi
[ ! -s "$t/log/access.log" ] && ok "the access log Debian's nginx.conf enables stays empty" ||
  fail "access.log written: $(head -c 300 "$t/log/access.log")"

# The app's metrics listener: totals only, nothing of the visitor.
metrics=$(curl -s "http://127.0.0.1:$p_metrics/metrics")
grep -q '^parrhesia_submissions_accepted_total 3$' <<<"$metrics" &&
  ok "/metrics counts the accepted submissions" || fail "metrics: $(echo "$metrics" | grep -v "^#" | head -8)"
bad=""
for needle in "$xff" 127.0.0.1 MarkerAgent spring care "through the proxy"; do
  grep -qF -- "$needle" <<<"$metrics" && bad="$bad [$needle]"
done
[ -z "$bad" ] && ok "/metrics holds no address, round or text" || fail "metrics contain:$bad"

kill -TERM "$app_pid"
wait "$app_pid" && ok "the app exits 0 on SIGTERM" || fail "app exit status after SIGTERM"
app_pid=""

# --- which headers nginx forwards: a stand-in upstream records them ----------
cat >"$t/upstream.py" <<'PY'
import http.server, json, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(sys.argv[2], "w") as f:
            json.dump({k.lower(): v for k, v in self.headers.items()}, f)
        self.send_response(200); self.send_header("content-length", "2"); self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$t/upstream.py" "$p_app" "$t/headers.json" &
up_pid=$!
sleep 0.5
nginx -e "$t/log/error.log" -c "$t/nginx.conf"
sleep 0.3
"${https[@]}" -o /dev/null -H "Cookie: tracker=1" -H "X-Real-IP: 192.0.2.5" "$base/r/spring"
forwarded=$(python3 - "$t/headers.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))
problems = []
if h.get("x-forwarded-for") != "127.0.0.1":
    problems.append("x-forwarded-for=%r (must be replaced by the peer address)" % h.get("x-forwarded-for"))
if h.get("x-forwarded-proto") != "https":
    problems.append("x-forwarded-proto=%r" % h.get("x-forwarded-proto"))
for name in ["user-agent", "referer", "cookie", "forwarded", "x-real-ip"]:
    if h.get(name):
        problems.append("%s forwarded: %r" % (name, h[name]))
print("; ".join(problems))
PY
)
[ -z "$forwarded" ] && ok "nginx forwards only its own X-Forwarded-For and no visitor details" ||
  fail "forwarded headers: $forwarded"
# The console's session cookie, and only it, reaches the app, and only on
# /console addresses.
sid=$(printf 'a%.0s' $(seq 64))
cookie_seen() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("cookie", ""))' "$t/headers.json"
}
"${https[@]}" -o /dev/null -H "Cookie: tracker=1; parrhesia_console=$sid; other=2" "$base/console/users"
seen=$(cookie_seen)
[ "$seen" = "parrhesia_console=$sid" ] && ok "nginx forwards only the console's session cookie to /console" ||
  fail "cookie forwarded to /console: $seen"
"${https[@]}" -o /dev/null -H "Cookie: parrhesia_console=$sid" "$base/r/spring"
seen=$(cookie_seen)
[ -z "$seen" ] && ok "nginx forwards no cookie at all outside /console" ||
  fail "cookie forwarded to a participant page: $seen"
kill -QUIT "$(cat "$t/nginx.pid")" 2>/dev/null
kill "$up_pid" 2>/dev/null
up_pid=""

# --- systemd and tor -----------------------------------------------------------
sed -e "s#/usr/local/bin/parrhesia#$bin#" deploy/systemd/parrhesia.service >"$t/parrhesia.service"
if out=$(systemd-analyze verify "$t/parrhesia.service" 2>&1); then
  ok "systemd-analyze verify accepts the unit"
else
  fail "systemd-analyze verify: $out"
fi
for setting in "ProtectSystem=strict" "ProtectHome=yes" "PrivateTmp=yes" "NoNewPrivileges=yes" \
  "CapabilityBoundingSet=" "SystemCallFilter=@system-service" "DynamicUser=yes" \
  "Restart=on-failure" "StateDirectory=parrhesia parrhesia-keys" "StateDirectoryMode=0700"; do
  grep -qx "$setting" deploy/systemd/parrhesia.service || fail "unit lacks $setting"
done
grep -q '^RestrictAddressFamilies=' deploy/systemd/parrhesia.service &&
  ok "the unit sets every required hardening option" || fail "unit lacks RestrictAddressFamilies"
# Scored offline (systemd need not be running); 0 is best, 10 worst
# (--threshold counts tenths).
score=$(systemd-analyze security --offline=true --no-pager "$t/parrhesia.service" 2>&1 | tail -1)
echo "systemd-analyze security: $score"
if systemd-analyze security --offline=true --threshold=20 --no-pager "$t/parrhesia.service" >/dev/null 2>&1; then
  ok "systemd-analyze security rates the unit's exposure at 2.0 or lower"
else
  fail "systemd-analyze security: $score"
fi

sed -e "s#/var/lib/tor/parrhesia/#$t/onion/#" deploy/tor/torrc-parrhesia >"$t/torrc"
if out=$(tor --verify-config -f "$t/torrc" 2>&1) && grep -q "Configuration was valid" <<<"$out"; then
  ok "tor --verify-config accepts the onion service snippet"
else
  fail "tor --verify-config: $(echo "$out" | tail -3)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
