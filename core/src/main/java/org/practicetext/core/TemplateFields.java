// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a saved reply (template) may hold — {@code {first name}}, {@code {last name}},
 * {@code {practice name}} — and how they are filled when the template is inserted into a text.
 * The rule that is not obvious: a placeholder whose value is unknown (a lead with no name) is
 * left in the text as it is, so the person sending sees it and fixes it before sending, instead
 * of a greeting that silently reads "Hi ,".
 */
public final class TemplateFields {
    /** One placeholder: the token as written in a template and what it stands for. */
    public enum Field {
        FIRST_NAME("{first name}", "the patient's first name"),
        LAST_NAME("{last name}", "the patient's last name"),
        PRACTICE_NAME("{practice name}", "the practice's name");

        private final String token;
        private final String meaning;

        Field(String token, String meaning) {
            this.token = token;
            this.meaning = meaning;
        }

        /** As written in a template, braces included. */
        public String token() {
            return token;
        }

        /** What it is replaced with, in words (for a tooltip). */
        public String meaning() {
            return meaning;
        }
    }

    /** Every placeholder, in the order the editor offers them. */
    public static final List<Field> ALL = List.of(Field.values());

    private static final Pattern TOKEN = Pattern.compile("\\{(first name|last name|practice name)}", Pattern.CASE_INSENSITIVE);

    /** The values for one recipient: {@code patientName} may be null or blank (an unnamed lead). */
    public record Values(String patientName, String practiceName) {
        String of(Field field) {
            String name = patientName == null ? "" : patientName.strip();
            int space = name.indexOf(' ');
            return switch (field) {
                case FIRST_NAME -> space < 0 ? name : name.substring(0, space);
                case LAST_NAME -> space < 0 ? "" : name.substring(name.lastIndexOf(' ') + 1);
                case PRACTICE_NAME -> practiceName == null ? "" : practiceName.strip();
            };
        }
    }

    private TemplateFields() {
    }

    /** {@code body} with each known placeholder replaced (in any letter case); unknown values leave the placeholder as written. */
    public static String fill(String body, Values values) {
        Matcher m = TOKEN.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 16);
        while (m.find()) {
            Field field = fieldOf(m.group(1));
            String value = values.of(field);
            m.appendReplacement(out, Matcher.quoteReplacement(value.isEmpty() ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Field fieldOf(String words) {
        return switch (words.toLowerCase(Locale.ROOT)) {
            case "first name" -> Field.FIRST_NAME;
            case "last name" -> Field.LAST_NAME;
            default -> Field.PRACTICE_NAME;
        };
    }
}
