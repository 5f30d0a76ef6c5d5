#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Smoke test of the Linux packages that `./mvnw -B -Pinstallers -pl app -am package` built:
#  1. the app image's own launcher starts the app on its own runtime under Xvfb and the window
#     paints the SMS list (the embedded demo, PT_DEMO=1: the installed app would otherwise show
#     the sign-in screen), and JavaFX is loaded as named modules (no "Unsupported JavaFX
#     configuration" line);
#     and it starts with the AOT cache that the build trained into the image (lib/app/practicetext.aot,
#     named by the launcher's cfg): JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Xlog:aot" makes the JVM stop
#     when the cache cannot be used, and print "Opened AOT cache" when it is;
#  2. the .deb declares GTK 3 (libgtk-3-0) in its Depends;
#  3. as root: `apt-get install ./file.deb`, the installed launcher /opt/practicetext/bin/PracticeText
#     does the same as 1 (its cache is used from /opt, where the jars moved), then `apt-get remove` (skipped with a line saying so when not root).
# The app prints "painted: SMS list, N conversations, M ms after start" and quits when
# PT_SMOKE_EXIT_AFTER_PAINT=1 (org.practicetext.Main). SMOKE_TIMEOUT (seconds, default 300) bounds each start.
set -euo pipefail
cd "$(dirname "$0")/.."
work=app/target/installer
image=$work/image/PracticeText
deb=$(ls "$work"/dist/practicetext_*.deb 2>/dev/null | head -n 1 || true)
[ -x "$image/bin/PracticeText" ] || { echo "smoke: no app image at $image (build the installers first)"; exit 1; }
grep -qx 'java-options=-XX:AOTCache=$APPDIR/practicetext.aot' "$image/lib/app/PracticeText.cfg" \
  || { echo "smoke: the launcher's cfg does not start the app with its AOT cache:"; cat "$image/lib/app/PracticeText.cfg"; exit 1; }
[ -s "$image/lib/app/practicetext.aot" ] || { echo "smoke: no AOT cache at $image/lib/app/practicetext.aot"; exit 1; }
[ -n "$deb" ] || { echo "smoke: no .deb in $work/dist (build the installers first)"; exit 1; }

# Starts a launcher under Xvfb with a fresh data folder and checks what it printed.
paints() { # launcher label
  local data log
  data=$(mktemp -d)
  log=$(mktemp)
  if ! HOME="$data" PT_DATA_DIR="$data/practicetext" PT_DEMO=1 PT_SMOKE_EXIT_AFTER_PAINT=1 \
      JAVA_TOOL_OPTIONS="-XX:AOTMode=on -Xlog:aot" timeout "${SMOKE_TIMEOUT:-300}" xvfb-run -a -s "-screen 0 1280x800x24" "$1" >"$log" 2>&1; then
    echo "smoke: $2 did not start and quit cleanly:"; cat "$log"; rm -rf "$data" "$log"; return 1
  fi
  if grep -q "Unsupported JavaFX configuration" "$log"; then
    echo "smoke: $2 loaded JavaFX from the class path, not from its runtime:"; cat "$log"; rm -rf "$data" "$log"; return 1
  fi
  if ! grep -q "^painted: SMS list" "$log"; then
    echo "smoke: $2 never painted the SMS list:"; cat "$log"; rm -rf "$data" "$log"; return 1
  fi
  if ! grep -q "Opened AOT cache .*/lib/app/practicetext.aot" "$log"; then
    echo "smoke: $2 did not start with its AOT cache (lib/app/practicetext.aot):"; cat "$log"; rm -rf "$data" "$log"; return 1
  fi
  echo "smoke: $2: $(grep '^painted: SMS list' "$log"), with the AOT cache $(grep -o 'Opened AOT cache [^ ]*' "$log" | head -n 1 | cut -d' ' -f4 | sed 's/[.]$//')"
  rm -rf "$data" "$log"
}

paints "$image/bin/PracticeText" "app image"

depends=$(dpkg-deb -f "$deb" Depends)
if ! grep -q "libgtk-3-0" <<<"$depends"; then
  echo "smoke: $deb does not depend on libgtk-3-0 (Depends: $depends)"; exit 1
fi
echo "smoke: $(basename "$deb") ($(du -h "$deb" | cut -f1)) Depends: $depends"

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "smoke: SKIPPED installing the .deb: needs root and apt-get (this is uid $(id -u))"
  exit 0
fi
if dpkg-query -W -f='${Status}' practicetext 2>/dev/null | grep -q "ok installed"; then
  echo "smoke: practicetext is already installed on this machine; not touching it: SKIPPED the install test"
  exit 0
fi
# jpackage's postinst adds the menu entry with xdg-desktop-menu, which fails when no menu folder
# exists: every desktop system has them, a minimal container does not.
mkdir -p /usr/share/applications /usr/share/desktop-directories
apt-get install -y -q "./$deb" >/dev/null
trap 'apt-get purge -y -q practicetext >/dev/null' EXIT
paints /opt/practicetext/bin/PracticeText "installed .deb"
apt-get remove -y -q practicetext >/dev/null
trap - EXIT
apt-get purge -y -q practicetext >/dev/null
[ ! -e /opt/practicetext/bin/PracticeText ] || { echo "smoke: apt-get remove left /opt/practicetext/bin/PracticeText"; exit 1; }
echo "smoke: the .deb installs, runs and removes"
