// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.actions;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.practicetext.core.ContactKind;
import org.practicetext.core.Permission;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.protocol.ContactView;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.ImportReport;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.http.ApiError;
import org.practicetext.relay.http.BodyLimits;
import org.practicetext.relay.http.Principal;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.store.Contacts;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.Tx;

/**
 * {@code POST /api/v1/contacts/import}: a patient list exported from a practice-management
 * system, as {@code text/csv}. A phone the practice already knows updates that contact (a lead
 * becomes a patient; a blank name or external id in the file keeps the stored one); a new phone
 * creates a patient. Rows are checked before the practice's feed lock is taken, so inbound texts
 * wait only for the writing. Everything valid is stored in one transaction; the answer counts
 * what happened and lists every refused row with its line and reason.
 */
public final class PatientImport {
    private static final String PATIENT = "patient";

    private final PracticeWrites writes;
    private final Clock clock;
    private final Contacts contacts = new Contacts();

    public PatientImport(Database db, ChangeFeed feed, Clock clock) {
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
    }

    public void install(JavalinConfig config) {
        Routes.add(config, Endpoints.CONTACT_IMPORT, this::importFile);
    }

    private void importFile(Context ctx) {
        Principal who = AuthRoutes.principal(ctx, Permission.CONTACTS_MANAGE);
        Charset charset = csvCharset(ctx.contentType());
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > BodyLimits.IMPORT) {
            throw new ApiError(413, "too_large", "The file is " + bytes.length + " bytes; at most " + BodyLimits.IMPORT + " are accepted.");
        }
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(decode(bytes, charset));
        } catch (CsvReader.MalformedCsvException e) {
            throw ApiError.badRequest("Line " + e.line() + ": " + e.getMessage());
        }
        PatientRows.Result checked = PatientRows.read(rows, new PhoneNumbers(who.region()));
        ctx.json(writes.run(who.practiceId(), "Another change to these contacts happened at the same moment; import the file again.",
                tx -> store(tx, who.practiceId(), checked)));
    }

    private ImportReport store(Tx tx, long practiceId, PatientRows.Result checked) throws SQLException {
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (PatientRows.Patient p : checked.patients()) {
            Optional<ContactView> known = contacts.byPhone(tx, practiceId, p.phone());
            if (known.isEmpty()) {
                long id = contacts.create(tx, practiceId, p.phone(), PATIENT, p.name(), p.externalId(), now).id();
                if (p.birthDate() != null) {
                    contacts.setBirthDate(tx, practiceId, id, p.birthDate());
                }
                writes.events().contactChanged(tx, practiceId, id);
                created++;
                continue;
            }
            ContactView c = known.get();
            if (p.birthDate() != null) {
                contacts.setBirthDate(tx, practiceId, c.id(), p.birthDate()); // not in the feed: the desks never see it
            }
            String name = p.name() == null ? c.name() : p.name();
            String externalId = p.externalId() == null ? c.externalId() : p.externalId();
            if (c.kind() == ContactKind.PATIENT && Objects.equals(c.name(), name) && Objects.equals(c.externalId(), externalId)) {
                unchanged++;
                continue;
            }
            contacts.update(tx, practiceId, c.id(), c.phone(), PATIENT, name, externalId);
            writes.events().contactChanged(tx, practiceId, c.id());
            updated++;
        }
        List<ImportReport.Refused> refused = checked.refused().stream().sorted(Comparator.comparingInt(ImportReport.Refused::line)).toList();
        return new ImportReport(created, updated, unchanged, refused);
    }

    /** The charset the upload names, UTF-8 when it names none; anything but CSV is refused (415). */
    private static Charset csvCharset(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("text/csv")) {
            throw new ApiError(415, "unsupported_media_type",
                    "Send the patient list as CSV with Content-Type: text/csv (this request is " + (type.isEmpty() ? "untyped" : type) + ").");
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = param.substring(8).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw ApiError.badRequest("The character set " + name + " is unknown; send the file as UTF-8.");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Decodes strictly: a Windows-1252 file sent as UTF-8 must not turn "José" into "Jos?" silently. */
    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("The file is not valid " + charset.name() + " text. Save it as \"CSV UTF-8\", "
                    + "or name its encoding in the Content-Type (for example text/csv; charset=windows-1252).");
        }
    }
}
