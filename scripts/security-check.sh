#!/usr/bin/env bash
# Checks what the language server does to the system, with strace: a scripted LSP
# session (initialize with a workspace whose vraagbaak.json names a corpus folder,
# the corpus load and its index cache, open, hover, completion, symbols, search,
# shutdown) runs twice (the second reopens the cache), and the trace is checked:
#
#   - no network system call (socket, connect, bind, listen, accept, send*/recv*)
#   - no program started (execve after the first) and no process forked (clone/clone3
#     without CLONE_THREAD, fork, vfork)
#   - files created, written, renamed or removed only in the cache folder
#     ($VRAAGBAAK_CACHE_DIR) and the --log file
#   - files read only in the workspace, the corpus folder, the cache folder, the
#     toolchain's and the system's folders (/usr, /lib, /etc, /proc, /sys, /dev, ...)
#   - nothing read through the symbolic links planted in the corpus folder (a file
#     link and a folder link pointing outside)
#
# Two more sessions (issue 16):
#   - a workspace whose vraagbaak.json names folders outside itself (../outside, /etc,
#     ~/.secrets, a link out of the workspace): none of them is opened, the refusal
#     is shown (window/showMessage), and the folder inside the workspace is the corpus;
#   - a run with only HOME in the environment (no PATH, no cache variable, no locale):
#     the cache lands in $HOME/.cache/vraagbaak, a 0700 folder of 0600 files, and
#     nothing else is written.
#
#   scripts/security-check.sh [BINARY]      default: the debug build in .build-rel
# Needs strace (apt-get install strace). Exit status 0 when every check holds.
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${1:-${VRAAGBAAK_BINARY:-$(swift build --scratch-path .build-rel --show-bin-path)/vraagbaak}}
command -v strace > /dev/null || { echo "strace is missing: apt-get install strace" >&2; exit 2; }
[ -x "$BINARY" ] || { echo "no binary at $BINARY (swift build --scratch-path .build-rel)" >&2; exit 2; }

exec python3 - "$BINARY" <<'PYTHON'
import json, os, re, shutil, subprocess, sys, tempfile, threading, time

binary = os.path.realpath(sys.argv[1])
root = tempfile.mkdtemp(prefix="vraagbaak-security-")
workspace, corpus, outside = (os.path.join(root, n) for n in ("workspace", "corpus", "outside"))
cache, home, log = os.path.join(root, "cache"), os.path.join(root, "home"), os.path.join(root, "trace.log")
for folder in (workspace, corpus, outside, home, os.path.join(corpus, "sub")):
    os.makedirs(folder, exist_ok=True)
seeds = sorted(f for f in os.listdir("seeds") if f.endswith(".txt"))
for name in seeds[:3]:
    shutil.copy(os.path.join("seeds", name), os.path.join(corpus, name))
shutil.copy(os.path.join("seeds", seeds[-1]), os.path.join(corpus, "sub", "nested.txt"))
shutil.copy(os.path.join("seeds", seeds[0]), os.path.join(outside, "secret.txt"))
os.makedirs(os.path.join(outside, "folder"), exist_ok=True)
shutil.copy(os.path.join("seeds", seeds[1]), os.path.join(outside, "folder", "other.txt"))
os.symlink(os.path.join(outside, "secret.txt"), os.path.join(corpus, "link.txt"))
os.symlink(os.path.join(outside, "folder"), os.path.join(corpus, "linked-folder"))
# The corpus folder lies outside the workspace, so the user's own settings name it
# (initializationOptions): a workspace's vraagbaak.json may not (see the second case).
with open(os.path.join(workspace, "vraagbaak.json"), "w") as f:
    json.dump({"seeds": False}, f)
draft = open("examples/clean.vraag", encoding="utf-8").read()
with open(os.path.join(workspace, "draft.vraag"), "w", encoding="utf-8") as f:
    f.write(draft)

env = {"PATH": "/usr/bin:/bin", "HOME": home, "VRAAGBAAK_CACHE_DIR": cache, "LANG": "C.UTF-8"}

def session(trace_file, environment=None, root=None, options=None):
    environment = env if environment is None else environment
    root = workspace if root is None else root
    options = {"corpus": [corpus]} if options is None else options
    process = subprocess.Popen(
        ["strace", "-f", "-qq", "-o", trace_file, "-e",
         "trace=network,process,creat,open,openat,openat2,unlink,unlinkat,rename,renameat,renameat2,mkdir,mkdirat,"
         "symlink,symlinkat,link,linkat,truncate,chmod,fchmodat",
         binary, "serve", "--log", log],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment)
    messages, lock = [], threading.Condition()

    def reader():
        stream = process.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    return
                header += byte
            length = int(re.search(rb"Content-Length: (\d+)", header).group(1))
            message = json.loads(stream.read(length))
            with lock:
                messages.append(message)
                lock.notify_all()
            if "method" in message and "id" in message:  # a request to us: answer null
                send({"jsonrpc": "2.0", "id": message["id"], "result": None})

    def send(message):
        body = json.dumps(message).encode()
        process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        process.stdin.flush()

    def wait(predicate, what, timeout=60):
        deadline = time.time() + timeout
        with lock:
            while True:
                for message in messages:
                    if predicate(message):
                        return message
                if not lock.wait(max(0, deadline - time.time())) and time.time() > deadline:
                    raise SystemExit(f"timed out waiting for {what}")

    threading.Thread(target=reader, daemon=True).start()
    uri = "file://" + os.path.join(root, "draft.vraag")
    requests = [("initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {},
                                "initializationOptions": options})]
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": requests[0][1]})
    wait(lambda m: m.get("id") == 1, "initialize")
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    wait(lambda m: m.get("method") == "window/logMessage" and "vragen in het corpus" in m["params"]["message"], "the corpus")
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "vraag", "version": 1, "text": draft}}})
    doc = {"textDocument": {"uri": uri}}
    at = {**doc, "position": {"line": 5, "character": 10}}
    for i, (method, params) in enumerate([
            ("textDocument/hover", at), ("textDocument/completion", at), ("textDocument/definition", at),
            ("textDocument/references", {**at, "context": {"includeDeclaration": True}}),
            ("textDocument/documentSymbol", doc), ("textDocument/documentLink", doc), ("textDocument/inlayHint",
            {**doc, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
            ("workspace/symbol", {"query": "inburgering"}), ("vraagbaak/search", {"text": "inburgering"}),
            ("vraagbaak/corpusStatus", None)], start=10):
        message = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            message["params"] = params
        send(message)
        wait(lambda m, i=i: m.get("id") == i and "method" not in m, method)
    wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", "diagnostics")
    send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
    wait(lambda m: m.get("id") == 99, "shutdown")
    send({"jsonrpc": "2.0", "method": "exit"})
    status = process.wait(timeout=30)
    with lock:
        return status, list(messages)

problems = []
allowed_reads = ("/usr/", "/lib/", "/lib64/", "/etc/", "/proc/", "/sys/", "/dev/", "/opt/swift/",
                 os.path.dirname(binary) + "/", workspace, corpus, cache, log)
allowed_writes = (cache, log, "/dev/null", "/dev/tty")
network = re.compile(r"^\d+\s+(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|recvfrom|recvmsg|getsockopt|setsockopt)\(")
counts, corpus_reads = {}, {}

def check_trace(run, trace, status, allowed_reads=allowed_reads, allowed_writes=allowed_writes, corpus=corpus,
                forbidden=()):
    """Adds what the traced run did wrong to `problems`."""
    if status != 0:
        problems.append(f"run {run}: exit status {status}")
    execs = 0
    for line in open(trace, encoding="utf-8", errors="replace"):
        counts[run] = counts.get(run, 0) + 1
        if " = -1 " in line and "open" in line:
            continue  # a failed open read or wrote nothing
        if network.match(line):
            problems.append(f"run {run}: network call: {line.strip()}")
        if re.search(r"\bexecve\(", line):
            execs += 1
            if execs > 1:
                problems.append(f"run {run}: program started: {line.strip()}")
        if re.search(r"\b(fork|vfork)\(", line) or (re.search(r"\bclone3?\(", line) and "CLONE_THREAD" not in line):
            problems.append(f"run {run}: process forked: {line.strip()}")
        match = re.search(r'\b(open|openat|openat2|creat)\((?:AT_FDCWD, |\d+, )?"([^"]*)", ([A-Z_|]+)', line)
        if match:
            call, path, flags = match.groups()
            if path.startswith(corpus + "/") and path.endswith(".txt"):
                corpus_reads[run] = corpus_reads.get(run, 0) + 1
            writes = call == "creat" or any(flag in flags for flag in ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC"))
            if path.startswith(outside) or "link.txt" in path or "linked-folder" in path:
                problems.append(f"run {run}: followed a symbolic link out of the corpus: {line.strip()}")
            elif any(path == f.rstrip("/") or path.startswith(f.rstrip("/") + "/") for f in forbidden) \
                    and (path.endswith((".txt", ".vraag")) or "O_DIRECTORY" in flags):
                problems.append(f"run {run}: read a folder the workspace may not name: {line.strip()}")
            elif writes and os.path.dirname(path) == os.path.dirname(log) and os.path.basename(path).startswith(".dat.nosync"):
                pass  # Foundation's createFile for --log: a temporary beside the log, renamed onto it
            elif writes and not path.startswith(allowed_writes):
                problems.append(f"run {run}: wrote outside the cache and log: {line.strip()}")
            elif not path.startswith("/"):
                pass  # relative to a folder descriptor opened above (the corpus walk): its folder was checked
            elif not path.startswith(allowed_reads):
                problems.append(f"run {run}: read outside the allowed folders: {line.strip()}")
        match = re.search(r'\b(unlink|unlinkat|rename|renameat2?|mkdir|mkdirat|symlink|symlinkat|link|linkat|truncate|chmod|fchmodat)\((?:AT_FDCWD, |\d+, )?"([^"]*)"', line)
        if match and " = -1 " not in line:
            call, path = match.groups()
            if call == "rename" and path.startswith(os.path.join(os.path.dirname(log), ".dat.nosync")) and line.count(log) == 1:
                continue  # the --log file created atomically (see above)
            if not path.startswith(allowed_writes):
                problems.append(f"run {run}: {call} outside the cache and log: {line.strip()}")

for run in (1, 2):
    trace = os.path.join(root, f"strace-{run}.txt")
    status, _ = session(trace)
    check_trace(run, trace, status)

# Case 3: a workspace whose vraagbaak.json names folders outside itself.
hostile = os.path.join(root, "hostile-workspace")
os.makedirs(os.path.join(hostile, "vragen"), exist_ok=True)
shutil.copy(os.path.join("seeds", seeds[2]), os.path.join(hostile, "vragen", "inside.txt"))
os.symlink(outside, os.path.join(hostile, "link-out"))
shutil.copy("examples/clean.vraag", os.path.join(hostile, "draft.vraag"))
with open(os.path.join(hostile, "vraagbaak.json"), "w") as f:
    json.dump({"corpus": ["vragen", "../outside", "/etc", "~/.secrets", "link-out"], "seeds": False}, f)
trace = os.path.join(root, "strace-3.txt")
status, messages = session(trace, root=hostile, options={})
check_trace(3, trace, status, allowed_reads=allowed_reads + (hostile,), corpus=os.path.join(hostile, "vragen"),
            forbidden=(outside, "/etc", home))
shown = [m["params"]["message"] for m in messages if m.get("method") == "window/showMessage"]
if not any("outside the workspace" in text and "/etc" in text and "../outside" in text for text in shown):
    problems.append(f"run 3: the refused folders were not shown: {shown}")
loaded = [m["params"]["message"] for m in messages if m.get("method") == "window/logMessage" and "vragen in het corpus" in m["params"]["message"]]
if not any(text.startswith("Vraagbaak: 1 vragen") for text in loaded):
    problems.append(f"run 3: the corpus is not the one folder inside the workspace: {loaded}")

# Case 4: only HOME set.
home_only = os.path.join(root, "home-only")
os.makedirs(home_only)
trace = os.path.join(root, "strace-4.txt")
status, _ = session(trace, environment={"HOME": home_only})
home_cache = os.path.join(home_only, ".cache", "vraagbaak")
check_trace(4, trace, status, allowed_reads=allowed_reads + (home_only,),
            allowed_writes=(home_cache, os.path.join(home_only, ".cache"), log, "/dev/null", "/dev/tty"))
home_files = sorted(os.listdir(home_cache)) if os.path.isdir(home_cache) else []
if not any(name.startswith("index-") for name in home_files):
    problems.append(f"run 4: no index cache in $HOME/.cache/vraagbaak: {home_files}")
else:
    if os.stat(home_cache).st_mode & 0o777 != 0o700:
        problems.append(f"run 4: the cache folder is {oct(os.stat(home_cache).st_mode & 0o777)}, not 0700")
    for name in home_files:
        mode = os.stat(os.path.join(home_cache, name)).st_mode & 0o777
        if name.startswith("index-") and mode != 0o600:
            problems.append(f"run 4: {name} is {oct(mode)}, not 0600")
if sorted(os.listdir(home_only)) != [".cache"]:
    problems.append(f"run 4: written in HOME besides .cache: {os.listdir(home_only)}")

if not corpus_reads.get(1):
    problems.append("run 1 read no corpus file: the check did not reach the corpus load")
cached = sorted(os.listdir(cache)) if os.path.isdir(cache) else []
print(f"security check: 4 sessions, {sum(counts.values())} traced calls, corpus files read {corpus_reads}, "
      f"cache files {cached}, home untouched: {not os.listdir(home)}")
if os.listdir(home):
    problems.append(f"files written under HOME: {os.listdir(home)}")
if not cached:
    problems.append("no index cache was written (the check did not reach the cache)")
for problem in problems[:40]:
    print("PROBLEM:", problem)
print(f"security check: {len(problems)} problems")
if not problems:
    shutil.rmtree(root)
sys.exit(1 if problems else 0)
PYTHON
