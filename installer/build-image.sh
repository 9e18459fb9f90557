#!/usr/bin/env bash
# Builds the installed form of the workbench from `mvn -B package` (target/recblend.jar + target/lib):
#   target/installer/image/recblend/        the application image (bin/recblend launcher, a trimmed Java
#                                           runtime, the jars, the bundled sample projects)
#   target/installer/recblend_VERSION_amd64.deb   on Linux, when dpkg-deb and fakeroot are there
# One command from the repository: mvn -B package -Pinstaller (runs this script after packaging).
# Options: --no-deb or --deb=no (image only; mvn: -Dinstaller.deb=no). Windows (.msi) and macOS (.dmg): see installer/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/target"
OUT="$TARGET/installer"
NAME=recblend
DEB=yes
for arg in "$@"; do
  case "$arg" in
    --no-deb|--deb=no) DEB=no ;;
    --deb=yes) DEB=yes ;;
    *) echo "Usage: installer/build-image.sh [--no-deb|--deb=yes|--deb=no]" >&2; exit 2 ;;
  esac
done

JDK_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
JPACKAGE="${JDK_BIN}jpackage"
JAVA="${JDK_BIN}java"
if ! command -v "$JPACKAGE" >/dev/null; then
  echo "Error: jpackage not found (it comes with a full JDK 17 or newer; set JAVA_HOME to one)." >&2
  exit 1
fi
if [[ ! -f "$TARGET/recblend.jar" || ! -d "$TARGET/lib" ]]; then
  echo "Error: no target/recblend.jar and target/lib: build them first with mvn -B package -DskipTests." >&2
  exit 1
fi

# jpackage wants a plain x.y.z version; the jar's is the pom's (0.1.0-SNAPSHOT -> 0.1.0).
VERSION="$(unzip -p "$TARGET/recblend.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')"
VERSION="${VERSION:-0.1.0}"

# The Java modules the workbench and its libraries use (jdeps --print-module-deps fails on the JFreeChart
# jar, so the list is fixed here and checked by running the image: installer/check-image.sh).
MODULES=(
  java.base
  java.desktop            # JavaFX-Swing bridge, ImageIO (screenshots, PDF charts), JFreeChart, PDFBox
  java.logging            # JNA, ONNX Runtime, JFreeSVG log through java.util.logging
  java.management         # DJL (memory figures), H2, Logback
  java.naming             # H2 and Logback look names up in JNDI when configured so
  java.net.http           # remote embedding endpoints (decision 0015), the only network use, by choice
  java.scripting          # JavaFX FXML
  java.sql                # H2, Flyway, JFreeChart's JDBC datasets, Jackson
  java.xml                # Logback configuration
  jdk.crypto.ec           # TLS to a remote embedding endpoint (https)
  jdk.unsupported         # sun.misc.Unsafe: JavaFX, DJL, H2
  jdk.unsupported.desktop # JavaFX-Swing bridge
  jdk.zipfs               # zip file systems (DJL and commons-compress read archives through them)
)
ADD_MODULES="$(IFS=,; echo "${MODULES[*]}")"

# What the launcher passes to the JVM. $APPDIR is jpackage's: the image's lib/app folder.
JAVA_OPTIONS=(
  -Dai.djl.offline=true                       # DJL never goes to the network: engines and models are bundled
  -Drecblend.installed=true                   # DJL and JavaFX caches in ~/.recblend (RuntimeDefaults)
  '-Drecblend.samples=$APPDIR/sample-projects' # the bundled sample projects (SampleProject.retailFolder)
  -XX:MaxRAMPercentage=50                     # training and 1M-row imports want more than the default 25 %
  -Dfile.encoding=UTF-8
)

echo "Building the $NAME $VERSION image in $OUT"
rm -rf "$OUT"
mkdir -p "$OUT/input"
cp "$TARGET/recblend.jar" "$OUT/input/"
cp -r "$TARGET/lib" "$OUT/input/lib"
# Only the natives of this platform (and no debug symbols) go into the image.
"$JAVA" "$ROOT/installer/TrimJars.java" linux-x64 "$OUT/input/lib"
# The sample projects as committed (git ls-files when this is a checkout, so local leftovers stay out).
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$ROOT" && git ls-files -z sample-projects | xargs -0 -I{} cp --parents {} "$OUT/input/")
else
  cp -r "$ROOT/sample-projects" "$OUT/input/"
fi

JPACKAGE_ARGS=(--name "$NAME" --app-version "$VERSION" --vendor "RecBlend"
  --description "Desktop workbench to build, train, evaluate and demo multi-source recommender systems."
  --icon "$ROOT/installer/recblend.png")
args=("${JPACKAGE_ARGS[@]}" --type app-image --dest "$OUT/image"
  --input "$OUT/input" --main-jar recblend.jar --main-class org.recblend.Launcher
  --add-modules "$ADD_MODULES"
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands")
for option in "${JAVA_OPTIONS[@]}"; do
  args+=(--java-options "$option")
done
start=$SECONDS
"$JPACKAGE" "${args[@]}"
IMAGE="$OUT/image/$NAME"
echo "Image: $IMAGE ($(du -sh "$IMAGE" | cut -f1), $((SECONDS - start)) s)"

if [[ "$DEB" == yes ]]; then
  if [[ "$(uname -s)" != Linux ]]; then
    echo "No .deb: not on Linux."
  elif ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
    echo "No .deb: jpackage needs dpkg-deb and fakeroot (Debian/Ubuntu: apt-get install dpkg-dev fakeroot). The image is complete without it."
  else
    start=$SECONDS
    # installer/linux/control: jpackage's template plus libgtk-3-0, which JavaFX needs (its natives are
    # inside jars, so jpackage cannot see them). The jars are compressed already: gzip packs the .deb
    # as small as dpkg's default xz within a few MB, in a fraction of the time.
    DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" \
    "$JPACKAGE" "${JPACKAGE_ARGS[@]}" --type deb --app-image "$IMAGE" --dest "$OUT" --resource-dir "$ROOT/installer/linux" \
      --linux-package-name "$NAME" --linux-shortcut --linux-menu-group "Science" --linux-app-category science \
      --linux-deb-maintainer "recblend@example.org"
    echo "Package: $(ls "$OUT"/*.deb) ($(du -h "$OUT"/*.deb | cut -f1), $((SECONDS - start)) s)"
  fi
fi
