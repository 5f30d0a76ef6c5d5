#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Start-up of the packaged app image beside an empty JavaFX window packaged the same way
# (docs/BENCHMARKS.md, "Packaged app"): milliseconds from process start to the first painted SMS
# list, resuming a desktop data folder that DesktopStartupBenchmark prepared (20,000
# conversations; the relay is down, so everything comes from the cache), with and without the
# image's AOT cache, in alternating rounds under Xvfb.
#
#   packaging/startup-benchmark.sh DATA_ROOT [ROUNDS]     (DATA_ROOT = the prepared DIR/desktop)
#
# Needs the app image (./mvnw -B -Pinstallers -pl app -am package -DskipTests, with its AOT cache)
# and the desktop test classes (./mvnw -B -pl desktop -am test-compile). It copies the image to
# app/target/startup-bench/ and adds a second launcher, EmptyWindow: the same launcher binary,
# runtime and JVM options, the app's class path plus org.practicetext.bench.EmptyWindowStartup as
# its main class, and its own AOT cache trained the way packaging/AotTraining.java trains the app's.
# "Without AOT" is JAVA_TOOL_OPTIONS=-XX:AOTMode=off for either. BENCH_DISPLAY (default :93) is the
# Xvfb display it starts and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: packaging/startup-benchmark.sh DATA_ROOT [ROUNDS]}
data=$(cd "$data" && pwd)
rounds=${2:-5}
image=app/target/installer/image/PracticeText
bench=app/target/startup-bench
display=${BENCH_DISPLAY:-:93}
[ -s "$image/lib/app/practicetext.aot" ] || { echo "startup-benchmark: no app image with its AOT cache at $image (build the installers first)"; exit 1; }
[ -f desktop/target/test-classes/org/practicetext/bench/EmptyWindowStartup.class ] \
  || { echo "startup-benchmark: no desktop test classes (./mvnw -B -pl desktop -am test-compile)"; exit 1; }
[ -f "$data/account.properties" ] || { echo "startup-benchmark: $data has no remembered account (DesktopStartupBenchmark prepare DIR, then DIR/desktop)"; exit 1; }

rm -rf "$bench"
mkdir -p "$bench"
cp -a "$image" "$bench/"
copy=$bench/PracticeText
app_cfg=$copy/lib/app/PracticeText.cfg
empty_cfg=$copy/lib/app/EmptyWindow.cfg
cp "$copy/bin/PracticeText" "$copy/bin/EmptyWindow"
(cd desktop/target/test-classes && jar cf "$OLDPWD/$copy/lib/app/startup-bench.jar" org/practicetext/bench/EmptyWindowStartup*.class org/practicetext/bench/ProcessMemory.class)
# The empty window's cfg: the app's, with its main class, the bench jar added, and no AOT option yet.
empty_options() { # extra java-options lines
  awk -v extra="$1" '
    /^app.mainclass=/ { print "app.mainclass=org.practicetext.bench.EmptyWindowStartup"; next }
    /^java-options=-XX:AOT/ { next }
    /^app.classpath=/ { print; last_cp = NR; next }
    { if (last_cp && NR == last_cp + 1) { print "app.classpath=$APPDIR/startup-bench.jar"; last_cp = 0 }
      print
      if ($0 == "[JavaOptions]") { n = split(extra, lines, ";"); for (i = 1; i <= n; i++) if (lines[i] != "") print "java-options=" lines[i] } }
  ' "$app_cfg" > "$empty_cfg"
}

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display

empty_options "-XX:AOTMode=record;-XX:AOTConfiguration=\$APPDIR/empty.aotconf"
"$copy/bin/EmptyWindow" >/dev/null
empty_options "-XX:AOTMode=create;-XX:AOTConfiguration=\$APPDIR/empty.aotconf;-XX:AOTCache=\$APPDIR/empty.aot"
"$copy/bin/EmptyWindow" >/dev/null
rm -f "$copy/lib/app/empty.aotconf"
empty_options "-XX:AOTCache=\$APPDIR/empty.aot"
echo "startup-benchmark: empty window launcher with its AOT cache ($(du -h "$copy/lib/app/empty.aot" | cut -f1)); the app's is $(du -h "$copy/lib/app/practicetext.aot" | cut -f1)"

app() { # JAVA_TOOL_OPTIONS value
  JAVA_TOOL_OPTIONS="$1" PT_DATA_DIR="$data" PT_SMOKE_EXIT_AFTER_PAINT=1 "$copy/bin/PracticeText" 2>&1 \
    | sed -n -e 's/^painted: snapshot, \([0-9]*\) ms after start$/snapshot \1 ms,/p' \
        -e 's/^painted: SMS list, \([0-9]*\) conversations, \([0-9]*\) ms after start$/list \2 ms (\1 rows)/p' | tr '\n' ' '
}
empty() { # JAVA_TOOL_OPTIONS value
  JAVA_TOOL_OPTIONS="$1" "$copy/bin/EmptyWindow" 2>&1 | sed -n 's/^empty-window-ms \([0-9]*\).*$/\1 ms/p'
}
echo "round | app, no AOT | empty window, no AOT | app, AOT | empty window, AOT | load"
for round in $(seq 1 "$rounds"); do
  a=$(app "-XX:AOTMode=off")
  b=$(empty "-XX:AOTMode=off")
  c=$(app "-XX:AOTMode=on")
  d=$(empty "-XX:AOTMode=on")
  echo "$round | $a | $b | $c | $d | $(cut -d' ' -f1 /proc/loadavg)"
done
