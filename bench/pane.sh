#!/usr/bin/env bash
# The pane's first view against a floor, on loopback in headless Chromium with office.js stubbed:
# the bytes of the pane's own JS and CSS (raw, gzip and Brotli as served, and what went over the
# wire), and the median time from navigation to the first interactive control over 20 loads, beside
# the same figures for a plain static page of the same files' sizes served the same way (through
# MapStaticAssets, compressed at publish). Prints figures; asserts nothing. See docs/benchmarks.md.
#
#   bench/pane.sh          # 20 loads of each
#   LOADS=50 bench/pane.sh
#   PORT=5310 FLOOR_PORT=5311 bench/pane.sh   # the host and the floor on those ports (free ones when unset)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
loads="${LOADS:-20}"
work="$(mktemp -d /tmp/oia-pane-bench.XXXXXX)"
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing the host (Release)..."
dotnet publish "$root/src/OutlookInterviewAddin" -c Release -o "$work/host" -v quiet -nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }

# The floor: one file for each of the pane's first-view files, of the same bytes (each module holds
# its counterpart's text as a string), the same stylesheet, the same preloads and office.js; its one
# control is in the markup and its script only marks that it ran.
floor="$here/PaneBench/wwwroot"
rm -rf "$floor" && mkdir -p "$floor"
python3 - "$work/host/wwwroot" "$floor" <<'PY'
import json, sys, pathlib
web, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
entry = json.loads((web / "dist/pane.assets.json").read_text())["pane"]
chunks = entry["preload"]
names = []
for i, chunk in enumerate(chunks):
    text = (web / chunk).read_text()
    (out / f"f{i}.js").write_text(f"export const t{i} = {json.dumps(text)};\n")
    names.append(f"f{i}.js")
imports = "".join(f'import {{ t{i} }} from "./f{i}.js";\n' for i in range(len(chunks)))
main = (web / entry["script"]).read_text()
(out / "floor.js").write_text(imports + f"const own = {json.dumps(main)};\n"
    + "globalThis.floorText = [own" + "".join(f", t{i}" for i in range(len(chunks))) + "].length;\n"
    + 'performance.mark("pane-ready");\n')
(out / "floor.css").write_text((web / entry["stylesheet"]).read_text())
preloads = "".join(f'<link rel="modulepreload" href="{n}">' for n in names)
(out / "floor.html").write_text(f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Floor</title>
  {preloads}
  <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
  <link rel="stylesheet" href="floor.css">
  <script type="module" src="floor.js"></script>
</head>
<body><main class="main"><h1>Floor</h1><button type="button">Continue</button></main></body>
</html>
""")
PY

echo "Publishing the driver and the floor (Release)..."
dotnet publish "$here/PaneBench" -c Release -o "$work/bench" -v quiet -nologo >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }

port="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}"
mkdir -p "$work/data"
(cd "$work/host" && exec env ASPNETCORE_ENVIRONMENT=Production Storage__DataDirectory="$work/data" \
  dotnet OutlookInterviewAddin.dll --urls "http://127.0.0.1:$port" >"$work/host.log" 2>&1) &
host_pid=$!
until curl -sf -o /dev/null -m 1 "http://127.0.0.1:$port/health/ready"; do
  kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log"; exit 1; }
  sleep 0.1
done

echo
(cd "$work/bench" && dotnet PaneBench.dll "http://127.0.0.1:$port/" "$loads")
