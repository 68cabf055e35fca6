#!/usr/bin/env bash
# Resident memory of the server under PARALLEL console sign-ins sent at
# once, for BENCHMARKS.md (issue 16). Each sign-in costs one Argon2id check
# (19 MiB while it runs). Two ways in, each from PARALLEL different clients
# for as many user names (the server trusts 127.0.0.1 as a proxy and each
# request names its own client in X-Forwarded-For, so neither the
# per-client nor the per-account limit stops them):
#   plain     POST /console/login
#   encoded   POST /console/%6Cogin   (reached the handler with no limit
#                                     before issue 16)
# For each binary given (say today's main and this branch, both release
# builds) and each way, RUNS fresh servers one after another; prints one
# line per run: peak resident memory (VmHWM of the server process, MiB),
# memory before the burst, and how the requests were answered.
#
#   bash bench/signins.sh OLD_BINARY NEW_BINARY     # RUNS=3 PARALLEL=64
set -euo pipefail
RUNS=${RUNS:-3}
PARALLEL=${PARALLEL:-64}
[ $# -ge 1 ] || { echo "usage: bench/signins.sh BINARY [BINARY...]" >&2; exit 2; }
exec python3 - "$RUNS" "$PARALLEL" "$@" <<'PY'
import http.client, os, re, shutil, socket, subprocess, sys, tempfile, threading, time

runs, parallel, binaries = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def mib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        kb = int(re.search(rf"^{field}:\s+(\d+) kB", f.read(), re.M).group(1))
    return kb / 1024

def one_run(binary, path):
    work = tempfile.mkdtemp(prefix="parrhesia-signins-")
    port = free_port()
    env = dict(os.environ, PARRHESIA_ADMIN_TOKEN="bench-admin-token-0123456789abcdef",
               PARRHESIA_LOG="warn")
    server = subprocess.Popen(
        [binary, "serve", "--bind", f"127.0.0.1:{port}", "--data", f"{work}/data",
         "--keys", f"{work}/keys", "--trusted-proxy", "127.0.0.1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in server.stdout:
            if "listening" in line:
                break
        time.sleep(0.5)
        before = mib(server.pid, "VmRSS")
        statuses = []
        start = threading.Barrier(parallel)
        def sign_in(i):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            # As a browser: the page first, for its pre-session cookie and
            # the form's CSRF token (without them a sign-in is refused
            # before any hashing).
            conn.request("GET", "/console/login")
            page = conn.getresponse()
            cookie = (page.getheader("Set-Cookie") or "").split(";")[0]
            body = page.read().decode()
            # (A binary from before the token sends none; it needs none.)
            parts = body.split('name="csrf" value="')
            token = parts[1].split('"')[0] if len(parts) > 1 else ""
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.connect()
            start.wait()
            conn.request("POST", path, body=f"csrf={token}&username=someone{i}&password=not-the-password-42",
                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                  "Cookie": cookie,
                                  "X-Forwarded-For": f"10.{i // 250}.{i % 250}.7"})
            statuses.append(conn.getresponse().status)
            conn.close()
        threads = [threading.Thread(target=sign_in, args=(i,)) for i in range(parallel)]
        began = time.monotonic()
        for t in threads: t.start()
        for t in threads: t.join()
        took = time.monotonic() - began
        peak = mib(server.pid, "VmHWM")
        counts = {s: statuses.count(s) for s in sorted(set(statuses))}
        return peak, before, took, counts
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

# Binaries alternate within each run, so drift of the machine hits all.
for path in ["/console/login", "/console/%6Cogin"]:
    for run in range(runs):
        for binary in binaries:
            peak, before, took, counts = one_run(binary, path)
            answers = " ".join(f"{n}x{s}" for s, n in counts.items())
            print(f"{binary}  {path}  run {run + 1}: peak {peak:.0f} MiB (before {before:.0f}), "
                  f"{took:.1f} s, answers {answers}", flush=True)
PY
