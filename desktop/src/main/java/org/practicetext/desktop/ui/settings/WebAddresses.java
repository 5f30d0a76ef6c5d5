// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web addresses the texting settings hold (review links, forms): https only, because the
 * patient's phone opens them from a text and a plain-http page can be changed on the way. A form's
 * address may hold {@code {patientId}} and {@code {requestId}}, which the relay fills.
 */
final class WebAddresses {
    static final String PLACEHOLDERS = "{patientId} and {requestId}";
    private static final Pattern BRACES = Pattern.compile("\\{([^}]*)}");

    private WebAddresses() {
    }

    /** Empty when {@code text} is blank or a good https address; else what is wrong, in words. */
    static String problem(String text, boolean placeholders) {
        String address = text == null ? "" : text.strip();
        if (address.isEmpty()) {
            return "";
        }
        Matcher m = BRACES.matcher(address);
        StringBuilder plain = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!placeholders || !(name.equals("patientId") || name.equals("requestId"))) {
                return "{" + name + "} is not a placeholder here" + (placeholders ? "; use " + PLACEHOLDERS + "." : ".");
            }
            m.appendReplacement(plain, "x");
        }
        m.appendTail(plain);
        try {
            URI uri = new URI(plain.toString());
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
                return "Use an address that starts with https:// (the patient's phone opens it).";
            }
            if (uri.getHost() == null || !uri.getHost().contains(".")) {
                return "That is not a complete web address (such as https://g.page/r/…).";
            }
            return "";
        } catch (URISyntaxException e) {
            return "That is not a web address: " + e.getReason() + ".";
        }
    }
}
