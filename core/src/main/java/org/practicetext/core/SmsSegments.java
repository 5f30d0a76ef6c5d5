// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SMS segment arithmetic as carriers do it.
 *
 * <p>GSM-7 basic characters take one septet, extension characters ({@code ^ { } \ [ ~ ] | €} and
 * form feed) take two and are never split across segments. One character outside both tables
 * switches the whole message to UCS-2, where characters outside the Basic Multilingual Plane
 * (most emoji) take two code units and a surrogate pair is never split across segments.
 */
public final class SmsSegments {
    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static boolean isGsmBasic(int codePoint) {
        return codePoint < 0x10000 && GSM_BASIC.indexOf(codePoint) >= 0;
    }

    public static boolean isGsmExtension(int codePoint) {
        return codePoint < 0x10000 && GSM_EXTENSION.indexOf(codePoint) >= 0;
    }

    public static SegmentCount count(String body) {
        String text = body == null ? "" : body;
        Set<String> unicode = new LinkedHashSet<>();
        text.codePoints().filter(cp -> !isGsmBasic(cp) && !isGsmExtension(cp)).forEach(cp -> unicode.add(Character.toString(cp)));
        List<Integer> widths = new ArrayList<>();
        SmsEncoding encoding = unicode.isEmpty() ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
        text.codePoints().forEach(cp -> widths.add(encoding == SmsEncoding.GSM7
                ? (isGsmExtension(cp) ? 2 : 1)
                : Character.charCount(cp)));
        int units = widths.stream().mapToInt(Integer::intValue).sum();
        if (units <= encoding.singleSegmentLimit()) {
            int segments = units == 0 ? 0 : 1;
            return new SegmentCount(encoding, units, segments, encoding.singleSegmentLimit() - units, List.copyOf(unicode));
        }
        // Fill segments greedily; a character that does not fit whole starts the next segment.
        int limit = encoding.perSegmentLimit();
        int segments = 1;
        int used = 0;
        for (int width : widths) {
            if (used + width > limit) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SegmentCount(encoding, units, segments, limit - used, List.copyOf(unicode));
    }
}
