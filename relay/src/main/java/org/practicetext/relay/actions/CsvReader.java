// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): values separated by commas, records by LF,
 * CRLF or CR; a value in double quotes may hold commas, line breaks and doubled quotes ("").
 *
 * <p>It is lenient where a spreadsheet user would expect it to be: a leading byte-order mark
 * is dropped, spaces before an opening quote are ignored, and a quote inside an unquoted value
 * is kept as a character ({@code 5" crown}). Only a quoted value that is never closed is an
 * error, because everything after it would silently become part of that one value. Each
 * record knows the line it starts on, so a report can point at it.
 */
final class CsvReader {
    /** One record; {@code line} is the 1-based line of the file it starts on. */
    record Row(int line, List<String> fields) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The file cannot be read as CSV; {@code line} is where the problem starts. */
    static final class MalformedCsvException extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private final String text;
    private final List<Row> rows = new ArrayList<>();
    private List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean fieldWasQuoted;
    private boolean recordHasContent;
    private int line = 1;
    private int recordLine = 1;

    private CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Every record of the text, empty lines left out. */
    static List<Row> read(String text) {
        return new CsvReader(text).readAll();
    }

    private List<Row> readAll() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && !fieldWasQuoted && field.toString().isBlank()) {
                i = readQuoted(i + 1);
            } else if (c == ',') {
                endField();
                recordHasContent = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                i = lineBreakEnd(i);
                endRecord();
                line++;
                recordLine = line;
            } else {
                field.append(c);
                recordHasContent = true;
                i++;
            }
        }
        if (recordHasContent || !field.isEmpty()) {
            endRecord();
        }
        return rows;
    }

    /** Reads a quoted value from just after its opening quote; answers the index after its closing quote. */
    private int readQuoted(int from) {
        int opened = line;
        field.setLength(0);
        fieldWasQuoted = true;
        recordHasContent = true;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\r' || c == '\n') {
                i = lineBreakEnd(i);
                field.append('\n');
                line++;
                continue;
            }
            field.append(c);
            i++;
        }
        throw new MalformedCsvException(opened, "The quoted value that starts on line " + opened
                + " is never closed: add the missing closing double quote (\").");
    }

    /** The index after the line break at {@code i}, treating CRLF as one break. */
    private int lineBreakEnd(int i) {
        return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
    }

    private void endRecord() {
        if (recordHasContent || !field.isEmpty()) {
            endField();
            rows.add(new Row(recordLine, List.copyOf(fields)));
        }
        fields = new ArrayList<>();
        field.setLength(0);
        fieldWasQuoted = false;
        recordHasContent = false;
    }
}
