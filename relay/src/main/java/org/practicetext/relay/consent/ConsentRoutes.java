// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.consent;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.practicetext.core.Permission;
import org.practicetext.protocol.ConsentRecordView;
import org.practicetext.protocol.Endpoints;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.PathParams;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.ConsentRecords;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Practices;
import org.practicetext.relay.store.Tx;

/**
 * The practice's consent records (ADR 0025): the list a desk reads ({@code sms.view}, as the feed
 * carries them), and the two CSV exports for audits ({@code settings.manage}). Every query is of the
 * caller's practice; another practice's contact id is a 404.
 */
public final class ConsentRoutes {
    /** The most records one page of the list holds; {@value #MORE_HEADER} says when there are more. */
    public static final int PAGE_MAX = 1000;
    /** {@code true} when the range holds more records than the page; the next page is asked with {@code after} = the last record's id. */
    public static final String MORE_HEADER = "PracticeText-More";

    private final Database db;
    private final Clock clock;
    private final ConsentRecords records = new ConsentRecords();
    private final Contacts contacts = new Contacts();
    private final Practices practices = new Practices();

    public ConsentRoutes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.CONSENT_RECORDS, this::list);
        Routes.add(config, Endpoints.CONSENT_EXPORT, this::export);
        Routes.add(config, Endpoints.OPTED_OUT_EXPORT, this::optedOut);
    }

    private void list(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SMS_VIEW);
        Range range = range(ctx);
        Long contactId = optionalId(ctx, Endpoints.CONTACT, "contact");
        Long after = optionalId(ctx, Endpoints.AFTER, "record");
        int limit = limit(ctx);
        List<ConsentRecordView> page = db.read(tx -> {
            if (contactId != null && contacts.byId(tx, who.practiceId(), contactId).isEmpty()) {
                throw ApiError.notFound("The contact " + contactId);
            }
            return records.list(tx, who.practiceId(), range.from(), range.to(), contactId, after, limit + 1);
        });
        ctx.header(MORE_HEADER, Boolean.toString(page.size() > limit));
        ctx.json(page.size() > limit ? page.subList(0, limit) : page);
    }

    private void export(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
        Range range = range(ctx);
        byte[] csv = db.read(tx -> ConsentCsv.records(records.export(tx, who.practiceId(), range.from(), range.to()), zone(tx, who)));
        String name = "consent-records-" + who.practiceSlug() + (range.from() == null ? "" : "-from-" + day(range.from()))
                + (range.to() == null ? "" : "-to-" + day(range.to())) + ".csv";
        csv(ctx, name, csv);
    }

    private void optedOut(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.SETTINGS_MANAGE);
        Instant now = clock.instant();
        byte[] csv = db.read(tx -> ConsentCsv.stopped(records.stopped(tx, who.practiceId()), zone(tx, who)));
        csv(ctx, "opted-out-" + who.practiceSlug() + "-" + day(now) + ".csv", csv);
    }

    private static void csv(Context ctx, String fileName, byte[] body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.header("Cache-Control", "no-store"); // patients' numbers and names
        ctx.contentType("text/csv; charset=utf-8").result(body);
    }

    private ZoneId zone(Tx tx, Principal who) throws SQLException {
        String zone = practices.byId(tx, who.practiceId()).map(Practices.Practice::timeZone).orElse(null);
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }

    private record Range(Instant from, Instant to) {
    }

    /** {@code from} (inclusive) and {@code to} (exclusive), each optional; a range the wrong way round is a 400. */
    private static Range range(Context ctx) {
        Instant from = instant(ctx, Endpoints.FROM);
        Instant to = instant(ctx, Endpoints.TO);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiError.badRequest(Endpoints.FROM + " (" + from + ") is after " + Endpoints.TO + " (" + to + "): the range is the wrong way round.");
        }
        return new Range(from, to);
    }

    private static Instant instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 40) {
            throw ApiError.badRequest(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z (with its Z or offset).");
        }
    }

    private static Long optionalId(Context ctx, String name, String what) {
        String text = ctx.queryParam(name);
        return text == null ? null : PathParams.positive(text, name + " (a " + what + " id)");
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam(Endpoints.LIMIT);
        if (text == null) {
            return PAGE_MAX;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > PAGE_MAX) {
            throw ApiError.badRequest(Endpoints.LIMIT + " must be a whole number from 1 to " + PAGE_MAX + ".");
        }
        return Integer.parseInt(text);
    }
}
