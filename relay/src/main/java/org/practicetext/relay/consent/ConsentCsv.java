// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.relay.store.ConsentRecords;

/**
 * The consent exports as CSV files an auditor opens in a spreadsheet (RFC 4180): comma separated,
 * CRLF line ends, a header row, every cell that holds a comma, a quote or a line break quoted with
 * its quotes doubled. UTF-8 with a byte-order mark, because Excel reads a CSV without one in the
 * machine's legacy code page and garbles every accented name; other tools skip the mark.
 *
 * <p>A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed with {@code '}
 * so a spreadsheet shows it as text instead of running it as a formula (a patient can text
 * {@code =HYPERLINK(…)}); this includes phone numbers, which start with {@code +}.
 */
public final class ConsentCsv {
    /** The UTF-8 byte-order mark the files start with. */
    public static final String BOM = "\uFEFF";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder(BOM);

    private ConsentCsv(ZoneId zone) {
        this.zone = zone;
    }

    /** Every record of the range, one row per change, oldest first. */
    public static byte[] records(List<ConsentRecords.Row> rows, ZoneId zone) {
        ConsentCsv csv = new ConsentCsv(zone);
        csv.row(List.of("Record ID", "Time (UTC)", "Time (" + zone.getId() + ")", "Contact ID", "Phone", "Contact name", "External ID", "Change",
                "Source", "Keyword text", "OptOutType", "Error code", "Message ID", "By", "Reason"));
        for (ConsentRecords.Row r : rows) {
            ConsentRecordView c = r.record();
            List<String> cells = new ArrayList<>(List.of(Long.toString(c.id()), utc(c.at()), csv.local(c.at()), Long.toString(c.contactId()),
                    text(r.phone()), text(r.name()), text(r.externalId()), c.change().wire()));
            cells.addAll(source(c));
            csv.row(cells);
        }
        return csv.bytes();
    }

    /** Who cannot be texted now, each with the record that made it so. */
    public static byte[] stopped(List<ConsentRecords.Stopped> rows, ZoneId zone) {
        ConsentCsv csv = new ConsentCsv(zone);
        csv.row(List.of("Contact ID", "Phone", "Contact name", "External ID", "State", "Since (UTC)", "Since (" + zone.getId() + ")", "Record ID",
                "Source", "Keyword text", "OptOutType", "Error code", "Message ID", "By", "Reason"));
        for (ConsentRecords.Stopped s : rows) {
            ConsentRecordView c = s.record();
            List<String> cells = new ArrayList<>(List.of(Long.toString(s.contactId()), text(s.phone()), text(s.name()), text(s.externalId()),
                    s.state().wire(), c == null ? "" : utc(c.at()), c == null ? "" : csv.local(c.at()), c == null ? "" : Long.toString(c.id())));
            cells.addAll(c == null ? List.of("", "", "", "", "", "", "") : source(c));
            csv.row(cells);
        }
        return csv.bytes();
    }

    private static List<String> source(ConsentRecordView c) {
        return List.of(c.source().wire(), text(c.keywordText()), text(c.optOutType()), c.errorCode() == null ? "" : c.errorCode().toString(),
                c.messageId() == null ? "" : c.messageId().toString(), text(c.byName()), text(c.reason()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String utc(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private String local(Instant at) {
        return LOCAL.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell as written: defused if a spreadsheet would run it, quoted if it needs to be. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
