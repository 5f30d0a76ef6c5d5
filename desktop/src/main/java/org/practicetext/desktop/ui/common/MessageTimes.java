// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a front desk reads them, in the practice's time zone: "now", "12m", "10:42 AM" today,
 * "Yesterday", "Mon" this week, "Mar 3" this year, "Mar 3, 2025" before.
 */
public final class MessageTimes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private final Clock clock;
    private final ZoneId zone;

    public MessageTimes(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Today in the practice's zone (a date range's default end). */
    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Now, on the window's clock (a test's clock in tests: the lock's idle time follows it). */
    public Instant now() {
        return clock.instant();
    }

    /** Short relative form for the message list. */
    public String shortForm(Instant at) {
        if (at == null) {
            return "";
        }
        Instant now = clock.instant();
        Duration age = Duration.between(at, now);
        if (age.compareTo(Duration.ofMinutes(1)) < 0) {
            return "now";
        }
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return age.toMinutes() + "m";
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (day.equals(today)) {
            return TIME.format(at.atZone(zone));
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        if (day.isAfter(today.minusDays(7))) {
            return DAY.format(at.atZone(zone));
        }
        return day.getYear() == today.getYear() ? DATE.format(day) : FULL.format(day);
    }

    /** Time of day, with the date when not today, for a bubble: "10:42 AM", "Mar 3, 10:42 AM". */
    public String bubbleForm(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime time = at.atZone(zone);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (time.toLocalDate().equals(today)) {
            return TIME.format(time);
        }
        if (time.toLocalDate().equals(today.minusDays(1))) {
            return "Yesterday, " + TIME.format(time);
        }
        return DATE.format(time) + ", " + TIME.format(time);
    }

    /** "Today", "Yesterday", "Monday, Nov 24": the separator above a thread's first message of a day. */
    public String dayHeading(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DateTimeFormatter.ofPattern(day.getYear() == today.getYear() ? "EEEE, MMM d" : "EEEE, MMM d, yyyy", Locale.US).format(day);
    }

    /** True when both instants fall on the same day in the practice's zone. */
    public boolean sameDay(Instant a, Instant b) {
        return a != null && b != null && a.atZone(zone).toLocalDate().equals(b.atZone(zone).toLocalDate());
    }

    /** True when {@code at} is no older than {@code window} (a text that "just arrived"). */
    public boolean isRecent(Instant at, Duration window) {
        return at != null && Duration.between(at, clock.instant()).compareTo(window) <= 0;
    }

    /** "3:12 PM" today, "Tue 3:12 PM" this week, "Mar 3, 3:12 PM" before (for "Opened …" on a secure link). */
    public String weekdayForm(Instant at) {
        ZonedDateTime time = at.atZone(zone);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (time.toLocalDate().equals(today)) {
            return TIME.format(time);
        }
        if (time.toLocalDate().isAfter(today.minusDays(7))) {
            return DAY.format(time) + " " + TIME.format(time);
        }
        return DATE.format(time) + ", " + TIME.format(time);
    }

    /** True once {@code at} is past (a link that expired). */
    public boolean hasPassed(Instant at) {
        return at != null && !clock.instant().isBefore(at);
    }

    /** "10:42 AM" (for "last synced"). */
    public String clockTime(Instant at) {
        return at == null ? "never" : TIME.format(at.atZone(zone));
    }

    /** "Mar 3" or "Mar 3, 2025" (for "opted out on …"). */
    public String date(Instant at) {
        if (at == null) {
            return "";
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        return day.getYear() == clock.instant().atZone(zone).getYear() ? DATE.format(day) : FULL.format(day);
    }
}
