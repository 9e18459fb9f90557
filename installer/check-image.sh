#!/usr/bin/env bash
# The installer's acceptance check, on a built image (installer/build-image.sh):
#  1. no network at all: every command runs under unshare -n (a namespace with only the loopback device);
#  2. with a fresh home, the launcher answers `recblend --version`, builds the bundled sample project
#     (import) and shows it (`info`), unpacks each shipped finished sample and shows its runs, then
#     runs the "LLM hybrid" template on the built one (encode, train, recommend, evaluate);
#  3. everything the program wrote is in that home (~/.recblend), nothing beside the program;
#  4. no file of the image (nor any entry of its jars and zips) equals a file of ../shared/data.
# Usage: installer/check-image.sh [IMAGE_DIR] (default target/installer/image/recblend).
# Exits 0 when every check passed, 1 at the first failure. A check the machine cannot do (no
# unshare, no ../shared/data) is skipped with a message; --strict makes a skip a failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
IMAGE="$ROOT/target/installer/image/recblend"
STRICT=no
for arg in "$@"; do
  case "$arg" in
    --strict) STRICT=yes ;;
    -*) echo "Usage: installer/check-image.sh [--strict] [IMAGE_DIR]" >&2; exit 2 ;;
    *) IMAGE="$(cd "$arg" && pwd)" ;;
  esac
done
SHARED_DATA="${RECBLEND_SHARED_DATA:-$ROOT/../shared/data}"
LAUNCHER="$IMAGE/bin/recblend"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; if [[ "$STRICT" == yes ]]; then exit 1; fi; }
step() { echo; echo "== $*"; }
# A command with a fresh home, as a new user would start it; the log keeps what it printed.
run() {
  local log="$WORK/$1.log"; shift
  local start=$SECONDS
  local code=0
  # Java takes user.home from the password database, not from $HOME: name the fresh home for both.
  HOME="$WORK/home" JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home" "$@" >"$log" 2>&1 || code=$?
  if [[ $code -ne 0 ]]; then
    cat "$log" >&2
    fail "exit code $code from: $*"
  fi
  echo "  ok ($((SECONDS - start)) s): ${*#"$IMAGE/"}"
}

[[ -x "$LAUNCHER" ]] || fail "no launcher at $LAUNCHER (build the image first: mvn -B package -Pinstaller)"
mkdir -p "$WORK/home"
touch "$WORK/stamp"
sleep 1  # a file written in this second must count as newer than the stamp

# No network at all when the machine allows it: a network namespace with only the loopback device.
NONET=()
if unshare -n true 2>/dev/null; then
  NONET=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  NONET=(unshare -rn)
fi

step "1. Network"
if [[ ${#NONET[@]} -eq 0 ]]; then
  skip "unshare -n and unshare -rn are not allowed here: the checks below run with the network there is"
else
  # /proc/net/dev lists the interfaces of the reader's network namespace (/sys/class/net would show the host's).
  interfaces="$("${NONET[@]}" sh -c "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '" | tr '\n' ' ')"
  echo "  every command below runs under ${NONET[*]}; its network interfaces: $interfaces"
  [[ "$interfaces" == "lo " ]] || fail "the namespace has more than the loopback interface"
fi

step "2. The launcher: --version, then import, encode, train, recommend on the bundled sample"
run version "${NONET[@]}" "$LAUNCHER" --version
sed 's/^/  /' "$WORK/version.log"
grep -q "^RecBlend" "$WORK/version.log" || fail "--version did not name the workbench"
run sample "${NONET[@]}" "$LAUNCHER" sample project --out "$WORK/retail" -q
run info "${NONET[@]}" "$LAUNCHER" info "$WORK/retail"
sed 's/^/  /' "$WORK/info.log"
grep -q "(dataset)" "$WORK/info.log" || fail "info shows no dataset"
# The finished projects the image ships (sample-projects/NAME/project.zip, pipelines already run)
# unpack into the home and open with their runs.
while IFS= read -r -d '' zip; do
  name="$(basename "$(dirname "$zip")")"
  run "shipped-$name" "${NONET[@]}" "$LAUNCHER" sample project --shipped --name "$name" --out "$WORK/shipped-$name" -q
  run "info-$name" "${NONET[@]}" "$LAUNCHER" info "$WORK/shipped-$name"
  grep -q "DONE" "$WORK/info-$name.log" || { cat "$WORK/info-$name.log" >&2; fail "the shipped $name project shows no finished run"; }
done < <(find "$IMAGE" -path '*sample-projects*' -name 'project.zip' -print0)
run pipeline "${NONET[@]}" "$LAUNCHER" run --project "$WORK/retail" --pipeline "LLM hybrid" --template -q
grep -v "WARN" "$WORK/pipeline.log" | sed 's/^/  /'
grep -q "pipeline 'LLM hybrid': DONE" "$WORK/pipeline.log" || fail "the LLM hybrid run did not finish"
for kind in encode.text.minilm train.hybrid recommend.topk evaluate.ranking; do
  grep -Eq "$kind +DONE +executed" "$WORK/pipeline.log" || fail "no executed $kind node in the run"
done

step "3. Files written: only in the home, nothing beside the program"
written="$(find "$IMAGE" -newer "$WORK/stamp" | head -5)"
[[ -z "$written" ]] || fail "the program wrote into its own folder: $written"
echo "  nothing new in $IMAGE"
(cd "$WORK/home" && du -sh .recblend/* 2>/dev/null | sed 's/^/  ~\//') || true
[[ -d "$WORK/home/.recblend" ]] || fail "no ~/.recblend in the home"
others="$(ls -A "$WORK/home" | grep -vx '.recblend' || true)"
[[ -z "$others" ]] || fail "the program wrote outside ~/.recblend: $others"
[[ -d "$WORK/home/.recblend/djl" ]] || fail "no DJL cache in ~/.recblend/djl"
[[ ! -e "$WORK/home/.djl.ai" ]] || fail "DJL's cache went to ~/.djl.ai instead of ~/.recblend/djl"

step "4. No file of ../shared/data in the image"
if [[ ! -d "$SHARED_DATA" ]]; then
  skip "no $SHARED_DATA on this machine (set RECBLEND_SHARED_DATA to check against another copy)"
else
  # Hashes of every file and every jar/zip/gzip entry on both sides; the empty file's hash is no copy.
  hashing=$SECONDS
  empty="$(: | sha256sum | cut -d' ' -f1)"
  "$JAVA" "$ROOT/installer/ImageHashes.java" "$SHARED_DATA" | cut -d' ' -f1 | grep -v "$empty" | sort -u >"$WORK/shared.sha"
  "$JAVA" "$ROOT/installer/ImageHashes.java" "$IMAGE" | grep -v "^$empty" | sort >"$WORK/image.sha"
  copies="$(join <(cut -d' ' -f1 "$WORK/image.sha" | sort -u) "$WORK/shared.sha" || true)"
  if [[ -n "$copies" ]]; then
    grep -F "$copies" "$WORK/image.sha" >&2
    fail "the image holds files of $SHARED_DATA (above)"
  fi
  echo "  $(wc -l <"$WORK/image.sha") image files and entries, $(wc -l <"$WORK/shared.sha") shared data hashes: no match ($((SECONDS - hashing)) s)"
fi

echo
echo "Image check passed in $SECONDS s: $IMAGE"
