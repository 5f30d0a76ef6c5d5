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
#     does the same as 1 (its cache is used from /opt, where the jars moved), then `apt-get remove` (skipped with a line saying so when not root);
#  4. as root: upgrades and uninstall keep the user's data: against a relay of its own (the relay
#     jar's demo), the installed app signs in once (xdotool types the username and password; the
#     relay and practice come from a workstation file), then `apt-get remove` leaves the user's data
#     folder ($XDG_DATA_HOME/PracticeText: the cache, the remembered account, the sign-in token)
#     in place, and after installing the .deb again the app opens that account's inbox at once,
#     without a sign-in.
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
apt-get -o DPkg::Lock::Timeout=300 install -y -q "./$deb" >/dev/null
trap 'apt-get -o DPkg::Lock::Timeout=300 purge -y -q practicetext >/dev/null' EXIT
paints /opt/practicetext/bin/PracticeText "installed .deb"

# 4. The user's data outlives the package.
relay_jar=relay/target/practicetext-relay.jar
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ ! -f "$relay_jar" ] || ! command -v xdotool >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1; then
  echo "smoke: SKIPPED the kept-data test: needs $relay_jar, xdotool and Xvfb"
else
  kept=$(mktemp -d)
  port=$((47100 + RANDOM % 800))
  PT_PORT=$port PT_HOST=127.0.0.1 PT_DATA_DIR="$kept/relay" "$java_bin" -jar "$relay_jar" demo >"$kept/relay.log" 2>&1 &
  relay_pid=$!
  trap 'kill $relay_pid 2>/dev/null; apt-get -o DPkg::Lock::Timeout=300 purge -y -q practicetext >/dev/null' EXIT
  for _ in $(seq 1 120); do grep -q "PracticeText relay on port" "$kept/relay.log" && break; sleep 0.5; done
  grep -q "PracticeText relay on port" "$kept/relay.log" || { echo "smoke: the demo relay did not start:"; cat "$kept/relay.log"; exit 1; }
  printf 'relay = http://127.0.0.1:%s\npractice = demo\n' "$port" >"$kept/practicetext.properties"
  mkdir -p "$kept/home"
  data="$kept/home/.local/share/PracticeText"
  # Runs the installed app as a desk would: its data in the default folder, $XDG_DATA_HOME/PracticeText
  # (Java takes the home folder from the user database, not $HOME, so XDG_DATA_HOME keeps it out of
  # root's own); with "sign-in" xdotool first clicks into the sign-in screen's username and password
  # fields and types jordan's.
  desk() { # label [sign-in]
    local log="$kept/$1.log"
    env -u PT_DATA_DIR -u PT_RELAY_URL -u PT_DEMO HOME="$kept/home" XDG_DATA_HOME="$kept/home/.local/share" \
        PT_MACHINE_CONFIG="$kept/practicetext.properties" \
        PT_SMOKE_EXIT_AFTER_PAINT=1 SIGN_IN="${2:-}" timeout "${SMOKE_TIMEOUT:-300}" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
      /opt/practicetext/bin/PracticeText & app=$!
      if [ -n "$SIGN_IN" ]; then
        window=$(xdotool search --sync --name "PracticeText — Sign in" | head -n 1)
        # No window manager: give the window the keyboard, wait until X says it has it and the form is drawn,
        # then click into the fields (the card is centred: username 85 px and password 149 px below the middle).
        for _ in $(seq 1 60); do
          xdotool windowfocus "$window" 2>/dev/null || true
          [ "$(xdotool getwindowfocus 2>/dev/null)" = "$window" ] && break
          sleep 1
        done
        sleep 5
        eval "$(xdotool getwindowgeometry --shell "$window")"
        mid_x=$((X + WIDTH / 2)); mid_y=$((Y + HEIGHT / 2))
        xdotool mousemove $mid_x $((mid_y + 85)) click 1 sleep 0.5 type --delay 40 jordan
        xdotool mousemove $mid_x $((mid_y + 149)) click 1 sleep 0.5 type --delay 40 practicetext
        xdotool key Return
      fi
      wait $app' >"$log" 2>&1 || true
    if ! grep -q "^painted: SMS list" "$log"; then
      echo "smoke: $1: the installed app never painted the SMS list:"; cat "$log"; return 1
    fi
    echo "smoke: $1: $(grep '^painted: SMS list' "$log")"
  }
  desk "first start, signing in" sign-in
  [ -f "$data/account.properties" ] || { echo "smoke: no remembered account at $data/account.properties after signing in"; exit 1; }
  before=$(cd "$data" && find . -type f | sort)
  apt-get -o DPkg::Lock::Timeout=300 remove -y -q practicetext >/dev/null
  [ ! -e /opt/practicetext/bin/PracticeText ] || { echo "smoke: apt-get remove left /opt/practicetext/bin/PracticeText"; exit 1; }
  after=$(cd "$data" && find . -type f | sort)
  [ "$before" = "$after" ] || { echo "smoke: apt-get remove changed the user's data folder:"; diff <(echo "$before") <(echo "$after") || true; exit 1; }
  [ -n "$(ls -A "$data/secrets" 2>/dev/null)" ] || { echo "smoke: the sign-in token is gone after apt-get remove"; exit 1; }
  echo "smoke: after apt-get remove, $data still holds $(echo "$after" | wc -l) files: the remembered account, the token, the cache"
  apt-get -o DPkg::Lock::Timeout=300 install -y -q "./$deb" >/dev/null
  desk "installed again, no sign-in"
  grep -q "jordan" "$data/account.properties" || { echo "smoke: the remembered account changed"; exit 1; }
  echo "smoke: installing again resumed the same account (jordan of the demo practice) without a sign-in"
  kill $relay_pid 2>/dev/null || true
  wait $relay_pid 2>/dev/null || true
  rm -rf "$kept"
fi

apt-get -o DPkg::Lock::Timeout=300 remove -y -q practicetext >/dev/null
trap - EXIT
apt-get -o DPkg::Lock::Timeout=300 purge -y -q practicetext >/dev/null
[ ! -e /opt/practicetext/bin/PracticeText ] || { echo "smoke: apt-get remove left /opt/practicetext/bin/PracticeText"; exit 1; }
echo "smoke: the .deb installs, runs and removes; the user's data stays"
