#!/usr/bin/env python3
"""Measures `certguide serve`: time from saving a certification to the reload event of its
open page (for an edit of its body, then of its summary, saved back to back, then of its summary
again with each save made once the server has printed nothing for 8 s; the server's own
"Built" lines give the time until every file is made, except that a save whose lists were left
to the next save reports only its own part), and
requests per second against the preview server, with `python3 -m http.server` serving the same
files as a reference (both on 127.0.0.1, measured with wrk in the same run, which it installs with apt-get when missing).

    scripts/bench-serve.py CERTGUIDE_BINARY SITE_DIR [--saves 10] [--wrk-seconds 10]

SITE_DIR holds Content/ and Templates/ (scripts/generate-site.py makes a large one).
"""
import argparse
import base64
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time


def start_serve(binary, site):
    process = subprocess.Popen([binary, "serve", "--port", "0", "--output", os.path.join(site, "Public")],
                               cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    started = time.time()
    for line in process.stdout:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            return process, int(match.group(1)), time.time() - started
    raise SystemExit("serve did not start")


def collect_build_times(process, times, search_times):
    """The server's own figure for each rebuild ("Built N files in M ms"), without the watcher's
    quiet period or the socket, and for each search index brought up to date after one."""
    for line in process.stdout:
        match = re.search(r"Built \d+ files in (\d+) ms", line)
        if match:
            times.append(int(match.group(1)))
        match = re.search(r"Search index updated in (\d+) ms \((\d+) files changed\)", line)
        if match:
            search_times.append((int(match.group(1)), int(match.group(2))))


def wait_until_idle(*logs, quiet=8):
    """Until the server has printed nothing new for `quiet` seconds (on a guide of 10,000 the
    search index is redone for about 5 s after the pages, silently)."""
    last, since = None, time.time()
    while time.time() - since < quiet:
        now = tuple(len(log) for log in logs)
        if now != last:
            last, since = now, time.time()
        time.sleep(0.1)


def open_socket(port, page):
    """The live-reload socket, as the page `page` opens it (it says which page it is)."""
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /__certguide/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(4096)
    payload = ('{"page": "%s"}' % page).encode()
    mask = os.urandom(4)
    sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    return sock


def next_message(sock, timeout):
    sock.settimeout(timeout)
    header = sock.recv(2)
    length = header[1] & 0x7F
    if length == 126:
        length = int.from_bytes(sock.recv(2), "big")
    payload = b""
    while len(payload) < length:
        payload += sock.recv(length - len(payload))
    return payload.decode()


def ensure_wrk():
    """Installs wrk with apt-get when it is missing, as scripts/setup installs what builds need."""
    if shutil.which("wrk") or not shutil.which("apt-get"):
        return
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if sudo is None:
        return
    print("Installing wrk (the load generator of this benchmark)...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "-o", "DPkg::Lock::Timeout=300", "update", "-qq"],
                    ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "-qq", "--no-install-recommends", "wrk"]):
        subprocess.run(sudo + command, env=env, stdout=subprocess.DEVNULL, check=False)


def wrk(url, seconds):
    if not shutil.which("wrk"):
        return "wrk not installed, and this user cannot install it: run 'apt-get install wrk' as root"
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", url], capture_output=True, text=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return f"{float(rps.group(1)):.0f} req/s, socket errors: {errors.group(1) if errors else 'none'}, non-2xx: {non2xx.group(1) if non2xx else 0}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("site")
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--wrk-seconds", type=int, default=10)
    args = parser.parse_args()
    ensure_wrk()
    binary = os.path.abspath(args.binary)
    process, port, startup = start_serve(binary, args.site)
    print(f"serve: first build and listening after {startup:.2f} s on port {port}")
    build_times, search_times = [], []
    threading.Thread(target=collect_build_times, args=(process, build_times, search_times), daemon=True).start()
    try:
        certs = sorted(os.listdir(os.path.join(args.site, "Content", "certifications")))
        edited = certs[len(certs) // 2]
        path = os.path.join(args.site, "Content", "certifications", edited)
        # The edited certification's page is open, as when an editor previews their work.
        sock = open_socket(port, "/certifications/" + edited[:-3] + "/")
        original = open(path).read()
        # The common edit: a sentence in the body (only pages showing the body render).
        body = lambda save: original + f"\n\nEdited for the benchmark, save {save}.\n"
        # A fact: the summary, on every card and list that shows this certification.
        summary = lambda save: original.replace("\nsummary: ", f"\nsummary: Edited {save}. ", 1)
        # Back to back: each save as soon as the last one's page reloaded, while the lists of
        # the last one are still being made; or after a pause, once the server is idle.
        edits = {"body": (body, False), "summary": (summary, False), "summary, after a pause": (summary, True)}
        for kind, (edit, pause) in edits.items():
            delays = []
            before = len(build_times)
            for save in range(args.saves):
                if pause:
                    wait_until_idle(build_times, search_times)
                with open(path, "w") as f:
                    f.write(edit(save))
                saved = time.time()
                message = next_message(sock, 600)
                delays.append(time.time() - saved)
                if "reload" not in message:
                    print("unexpected message:", message[:200])
            with open(path, "w") as f:
                f.write(original)
            next_message(sock, 600)
            print(f"{kind} edit: save -> reload event over {args.saves} saves: median {statistics.median(delays) * 1000:.0f} ms, "
                  f"min {min(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms (includes the watcher's 80 ms quiet period)")
            time.sleep(0.5)
            rebuilds = build_times[before:before + args.saves]
            if rebuilds:
                print(f"{kind} edit: time until every file is made, as the server reports it: median {statistics.median(rebuilds):.0f} ms, "
                      f"min {min(rebuilds)} ms, max {max(rebuilds)} ms")
        if search_times:
            print(f"search index brought up to date {len(search_times)} times (the others were overtaken by a newer save): "
                  f"median {statistics.median(t for t, _ in search_times):.0f} ms, "
                  f"median {statistics.median(n for _, n in search_times):.0f} files changed")
        page = "/certifications/" + certs[0][:-3] + "/"
        print(f"wrk preview server {page}: {wrk(f'http://127.0.0.1:{port}{page}', args.wrk_seconds)}")
    finally:
        process.terminate()
        process.wait()
    reference = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "-d",
                                  os.path.join(args.site, "Public")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = reference.stdout.readline()
        ref_port = int(re.search(r"port (\d+)", line).group(1))
        print(f"wrk python3 -m http.server {page}: {wrk(f'http://127.0.0.1:{ref_port}{page}', args.wrk_seconds)}")
    finally:
        reference.terminate()
        reference.wait()


if __name__ == "__main__":
    main()
