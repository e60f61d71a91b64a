#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal and follows a script of actions, for `npm run bench`.

Usage: pty_probe.py COLS ROWS SCRIPT_JSON -- COMMAND ARGS...
SCRIPT_JSON is a list of actions:
  {"wait": "TEXT", "timeout": 20}   wait until TEXT appears in the output (ANSI stripped); records ms since start
                                    ("fresh": true looks only at output written after the wait began;
                                    "regex": true takes TEXT as a Python regular expression)
  {"keys": "abc\r"}                 write bytes to the terminal
  {"sleep": 1.5}                    let it run, reading output
  {"mark": "NAME"}                  record the child's CPU seconds (user + system, each, and per thread name),
                                    peak RSS, and the bytes and frames (synchronized updates) written so far
Every event also carries "epochMs" (wall clock), to line it up with other processes' records. A wait that times
out stops the script and its event holds "screenTail", the last output (ANSI stripped), to show what was there.
With PTY_PROBE_LOG=FILE in the environment, everything the child wrote is saved to FILE (for debugging).
Prints one JSON object: {"events": [...], "exitCode": N} (exitCode is null when the child was still running and
had to be stopped). Always stops the child.
"""
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import fcntl
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-Z\\-_]")


def proc_stats(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        user, system = int(fields[11]) / ticks, int(fields[12]) / ticks
        rss = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    rss = int(line.split()[1]) * 1024
        threads = {}
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/comm") as f:
                    name = f.read().strip()
                with open(f"/proc/{pid}/task/{task}/stat") as f:
                    task_fields = f.read().rsplit(")", 1)[1].split()
                threads[name] = threads.get(name, 0) + (int(task_fields[11]) + int(task_fields[12])) / ticks
            except OSError:
                pass
        return {
            "cpuSeconds": user + system,
            "userSeconds": user,
            "systemSeconds": system,
            "threadCpuSeconds": threads,
            "peakRssBytes": rss,
        }
    except OSError:
        return {"cpuSeconds": None, "userSeconds": None, "systemSeconds": None, "peakRssBytes": None}


def stamp(start):
    return {"ms": (time.monotonic() - start) * 1000, "epochMs": time.time() * 1000}


def main():
    separator = sys.argv.index("--")
    cols, rows, script = int(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
    command = sys.argv[separator + 1:]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["CI"] = "false"
        os.environ.setdefault("TERM", "xterm-256color")
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    output = bytearray()
    events = []

    closed = False

    def pump(seconds):
        """Reads the child's output for up to `seconds`; False once the terminal is closed (the child exited)."""
        nonlocal closed
        deadline = time.monotonic() + seconds
        while not closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return True
            ready, _, _ = select.select([fd], [], [], min(remaining, 0.05))
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    closed = True
                    break
                output.extend(chunk)
        return False

    exit_code = None
    try:
        for action in script:
            if "wait" in action:
                pattern = re.compile(action["wait"].encode() if action.get("regex") else re.escape(action["wait"].encode()))
                deadline = time.monotonic() + action.get("timeout", 20)
                found = False
                floor = len(output) if action.get("fresh") else 0
                checked = floor
                while True:
                    # Re-read a little before the last position: the text may have arrived split across reads.
                    if pattern.search(ANSI.sub(b"", bytes(output[max(floor, checked - 4096):]))):
                        found = True
                        break
                    if closed or time.monotonic() >= deadline:
                        break
                    checked = len(output)
                    pump(0.005)
                event = {"wait": action["wait"], "found": found, **stamp(start)}
                events.append(event)
                if not found:
                    event["screenTail"] = ANSI.sub(b"", bytes(output[-6000:])).decode("utf-8", "replace")[-1500:]
                    break
            elif "keys" in action:
                os.write(fd, action["keys"].encode())
            elif "sleep" in action:
                pump(action["sleep"])
            elif "mark" in action:
                events.append(
                    {
                        "mark": action["mark"],
                        **stamp(start),
                        **proc_stats(pid),
                        "outputBytes": len(output),
                        # Ink wraps each frame it draws in a synchronized update (DEC mode 2026).
                        "frames": output.count(b"\x1b[?2026h"),
                    }
                )
    finally:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            exit_code = os.waitstatus_to_exitcode(status)
        else:
            os.kill(pid, signal.SIGTERM)
            for _ in range(50):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                pump(0.02) or time.sleep(0.02)
            else:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        os.close(fd)
    if os.environ.get("PTY_PROBE_LOG"):
        with open(os.environ["PTY_PROBE_LOG"], "wb") as log:
            log.write(bytes(output))
    print(json.dumps({"events": events, "exitCode": exit_code}))


if __name__ == "__main__":
    main()
