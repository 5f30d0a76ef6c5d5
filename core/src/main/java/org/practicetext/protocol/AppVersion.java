// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A desktop release's version, {@code major.minor.patch} (one to three numbers; missing ones are
 * 0), optionally with a build's qualifier ({@code 0.1.0-SNAPSHOT}), compared by its numbers: a
 * qualified build comes before the release of the same numbers, as in Maven.
 */
public record AppVersion(int major, int minor, int patch, String qualifier) implements Comparable<AppVersion> {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,5})(?:\\.([0-9]{1,5}))?(?:\\.([0-9]{1,5}))?(?:-([0-9A-Za-z.-]{1,40}))?");

    public AppVersion {
        qualifier = qualifier == null || qualifier.isEmpty() ? null : qualifier;
    }

    /**
     * Reads {@code 1.4.2} or {@code 0.1.0-SNAPSHOT}.
     *
     * @throws IllegalArgumentException when {@code text} is not such a version
     */
    public static AppVersion parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a version like 1.4.2");
        }
        return new AppVersion(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)), m.group(4));
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    /** Whether this is a release (numbers only), as an operator announces it. */
    public boolean release() {
        return qualifier == null;
    }

    /** The numbers, as the installers and the desk's words show them: {@code 0.1.0}. */
    public String numbers() {
        return major + "." + minor + "." + patch;
    }

    /** The release of these numbers: what the installers carry for a qualified build (0.1.0-SNAPSHOT → 0.1.0). */
    public AppVersion withoutQualifier() {
        return new AppVersion(major, minor, patch, null);
    }

    public boolean newerThan(AppVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(AppVersion other) {
        int byNumbers = Arrays.compare(new int[] {major, minor, patch}, new int[] {other.major, other.minor, other.patch});
        if (byNumbers != 0) {
            return byNumbers;
        }
        if (release() != other.release()) {
            return release() ? 1 : -1;
        }
        return release() ? 0 : qualifier.compareTo(other.qualifier);
    }

    @Override
    public String toString() {
        return release() ? numbers() : numbers() + "-" + qualifier;
    }
}
