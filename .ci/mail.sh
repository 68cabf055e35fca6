#!/usr/bin/env bash
# A real mail server for the staff-mail tests (issue 21): installs Debian's
# postfix, runs a private instance as the unprivileged `postfix` user on
# loopback only (two random ports: SMTP with STARTTLS offered, and implicit
# TLS), with a throw-away CA and a certificate for localhost, delivering
# to Maildir mailboxes (ann, bob, cy @parrhesia.test) owned by a test user.
# It relays nothing: only those mailboxes are accepted.
#
#   .ci/mail.sh                 run the mail tests (tests/api/mail_server.rs)
#   .ci/mail.sh CMD ARGS...     run CMD with the server's variables set
#                               (.ci/run wraps the README's `cargo test`)
#
# The server is stopped and its files removed when the script ends, however
# it ends. Ends with one "N passed, N failed" line when run alone.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! command -v postfix >/dev/null || ! [ -x /usr/lib/postfix/sbin/master ]; then
  # "No configuration": Debian installs the programs and starts nothing.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    postfix openssl || { echo "mail: 0 passed, 1 failed"; exit 1; }
fi
mailuser=parrhesia-mail
id "$mailuser" >/dev/null 2>&1 ||
  useradd --system --no-create-home --shell /usr/sbin/nologin "$mailuser"

work=$(mktemp -d)
chmod 755 "$work"
conf="$work/conf"
cleanup() {
  postfix -c "$conf" stop >/dev/null 2>&1
  # `stop` waits for master to exit; `abort` if it did not.
  sleep 1
  postfix -c "$conf" status >/dev/null 2>&1 && postfix -c "$conf" abort >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$conf" "$work/spool" "$work/data" "$work/mail" "$work/tls"
chown postfix: "$work/data"
chown "$mailuser": "$work/mail"

# A CA of its own and a certificate for localhost, valid two days.
tls="$work/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=Parrhesia test CA" -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null &&
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null &&
  printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
    >"$tls/ext" &&
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" \
    -CAcreateserial -days 2 -extfile "$tls/ext" -out "$tls/server.pem" 2>/dev/null ||
  { echo "mail: could not make the test certificates"; echo "mail: 0 passed, 1 failed"; exit 1; }
chmod 644 "$tls/server.pem" "$tls/ca.pem"
chown postfix "$tls/server.key"

port=$((20000 + RANDOM % 20000))
tls_port=$((port + 1))
cat >"$conf/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $work/spool
data_directory = $work/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.parrhesia.test
mydomain = parrhesia.test
mydestination =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
relay_domains =
virtual_mailbox_domains = parrhesia.test
virtual_mailbox_base = $work/mail
virtual_mailbox_maps = texthash:$conf/mailboxes
virtual_uid_maps = static:$(id -u "$mailuser")
virtual_gid_maps = static:$(id -g "$mailuser")
smtpd_tls_security_level = may
smtpd_tls_cert_file = $tls/server.pem
smtpd_tls_key_file = $tls/server.key
smtpd_tls_received_header = yes
maillog_file = $work/postfix.log
maillog_file_prefixes = $work
biff = no
alias_maps =
alias_database =
EOF
printf '%s@parrhesia.test %s/\n' ann ann bob bob cy cy >"$conf/mailboxes"
# Debian's service table, with nothing chrooted and our two listeners in
# place of the public one on port 25.
awk -v p="$port" -v t="$tls_port" '
  /^#/ || /^[ \t]/ || NF == 0 { print; next }
  $1 == "smtp" && $2 == "inet" {
    print "127.0.0.1:" p " inet n - n - - smtpd"
    print "127.0.0.1:" t " inet n - n - - smtpd -o smtpd_tls_wrappermode=yes"
    next
  }
  { $5 = "n"; print }' /etc/postfix/master.cf >"$conf/master.cf"
grep -q '^postlog' "$conf/master.cf" ||
  echo "postlog unix-dgram n - n - 1 postlogd" >>"$conf/master.cf"

if ! postfix -c "$conf" start >/dev/null 2>&1; then
  cat "$work/postfix.log" 2>/dev/null | tail -n 20
  echo "mail: 0 passed, 1 failed"
  exit 1
fi
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
echo "== Postfix $(postconf -c "$conf" -h mail_version) on 127.0.0.1:$port (STARTTLS) and :$tls_port (TLS)"

export PARRHESIA_TEST_SMTP_PORT=$port
export PARRHESIA_TEST_SMTPS_PORT=$tls_port
export PARRHESIA_TEST_SMTP_CA=$tls/ca.pem
export PARRHESIA_TEST_MAILDIRS=$work/mail

if [ $# -gt 0 ]; then
  "$@"
  status=$?
  [ "$status" -ne 0 ] && tail -n 20 "$work/postfix.log"
  exit "$status"
fi

out="$work/test.log"
timeout 1200 cargo test --locked --test api -- mail_server:: --nocapture >"$out" 2>&1
status=$?
grep -E '^test |skipped:|panicked|assertion' "$out" | grep -v '^test result'
passed=$(grep -cE '^test .* \.\.\. ok$' "$out")
failed=$(grep -cE '^test .* \.\.\. FAILED$' "$out")
expected=$(grep -c '#\[actix_web::test\]' tests/api/mail_server.rs)
if grep -q 'skipped:' "$out"; then
  echo "FAILED: a mail test skipped although a mail server was running"
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  tail -n 40 "$out"
  failed=1
fi
if [ "$passed" -lt "$expected" ]; then
  echo "FAILED: $passed mail tests passed, $expected expected"
  failed=$((failed + 1))
fi
[ "$failed" -ne 0 ] && tail -n 20 "$work/postfix.log"
echo "mail: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
