// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.links;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.PracticeWrites;
import org.practicetext.relay.media.Outgoing;
import org.practicetext.relay.requests.RequestService;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.MessageMedia;
import org.practicetext.relay.store.Requests.Row;
import org.practicetext.relay.store.SecureLinks;
import org.practicetext.relay.store.SecureLinks.Link;

/**
 * The patient's side of a secure link (ADR 0023): {@code GET /l/{token}} shows the documents a
 * practice sent once the patient answered {@code POST /l/{token}}: their date of birth when the
 * practice knows it and asks for it, otherwise a button (so a link preview fetched by the phone's
 * messaging app is never an opening); {@code GET /l/{token}/files/{position}} downloads one. A plain page
 * that works on a phone and with a screen reader: no script, no third-party anything, nothing
 * cached, never framed, and nothing of the patient on it but the documents' names.
 *
 * <p>An unknown link is a 404 page; an expired one says so (410) and whom to ask; after {@link
 * #TRIES} wrong dates of birth the link is locked for {@link #LOCK} (429), so 36,500 possible
 * birthdays cannot be tried. The first time the documents are shown is recorded, and the
 * practice's thread shows "Opened …".
 */
public final class LinkPages {
    public static final String PAGE = "/l/{token}";
    public static final String FILE = "/l/{token}/files/{position}";
    static final int TRIES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Wrong answers in all (three lockouts) after which the link stays locked: the practice sends the document again. */
    static final int MOST_WRONG = 3 * TRIES;
    static final Duration ACCESS = Duration.ofHours(1);
    private static final String COOKIE = "pt_link";
    private static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private final Database db;
    private final PracticeWrites writes;
    private final Clock clock;
    private final SecureLinks links = new SecureLinks();
    private final RequestPages requests;

    /** {@code simulated}: the relay runs the simulated carrier, whose stand-ins for review sites and form systems a link may forward to. */
    public LinkPages(Database db, ChangeFeed feed, Clock clock, RequestService requestService, boolean simulated) {
        this.db = db;
        this.writes = new PracticeWrites(db, feed);
        this.clock = clock;
        this.requests = new RequestPages(requestService, db, clock, simulated);
    }

    public void install(JavalinConfig config) {
        config.routes.get(PAGE, this::page);
        config.routes.post(PAGE, this::answer);
        config.routes.get(FILE, this::file);
        config.routes.get(RequestPages.GO, ctx -> onRequest(ctx, false, requests::go));
        config.routes.get(RequestPages.FORM, ctx -> onRequest(ctx, false, requests::form));
        config.routes.post(RequestPages.PAY, ctx -> onRequest(ctx, true, requests::pay));
        config.routes.post(RequestPages.DECISION, ctx -> onRequest(ctx, true, requests::decide));
    }

    private interface RequestPage {
        void answer(Context ctx, Link link, Row request);
    }

    /** A request's own path: the link must be a request's, and past its date of birth when it asks one ({@code gated}). */
    private void onRequest(Context ctx, boolean gated, RequestPage page) {
        Optional<Link> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        Link link = found.get();
        Optional<Row> request = requests.of(link);
        if (request.isEmpty()) {
            html(ctx, 404, link.practiceName(), "<h1>Not found</h1><p>There is nothing like that behind this link.</p>");
            return;
        }
        if (gated && !RequestPages.open(link, request.get()) && !granted(ctx, link)) {
            ctx.redirect("/l/" + link.token(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        page.answer(ctx, link, request.get());
    }

    private void page(Context ctx) {
        Optional<Link> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        Link link = found.get();
        Optional<Row> request = requests.of(link);
        if (request.isPresent() && RequestPages.open(link, request.get())) {
            requests.show(ctx, link, request.get());
            return;
        }
        if (!granted(ctx, link)) {
            html(ctx, 200, link.practiceName(), askForm(link, request, null, db.read(tx -> links.files(tx, link.messageId())).size()));
            return;
        }
        if (request.isPresent()) {
            requests.show(ctx, link, request.get());
            return;
        }
        show(ctx, link);
    }

    private void answer(Context ctx) {
        Optional<Link> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        Link link = found.get();
        Instant now = clock.instant();
        Optional<LocalDate> given = link.asksBirthDate() ? birthDate(ctx.formParam("dob")) : Optional.empty();
        Optional<LocalDate> known = link.asksBirthDate() ? db.read(tx -> links.birthDate(tx, link.contactId())) : Optional.empty();
        if (!link.asksBirthDate() || (given.isPresent() && known.isPresent() && given.get().equals(known.get()))) {
            String key = Outgoing.token(24);
            db.inTransaction(tx -> {
                links.grant(tx, key, link.token(), now.plus(ACCESS));
                return null;
            });
            ctx.header("Set-Cookie", COOKIE + "=" + key + "; Path=/l/" + link.token() + "; Max-Age=" + ACCESS.toSeconds()
                    + "; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
            ctx.redirect(ctx.path(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        db.inTransaction(tx -> {
            links.wrongAnswer(tx, link.token(), TRIES, now.plus(LOCK));
            return null;
        });
        Link after = db.read(tx -> links.byToken(tx, link.token())).orElseThrow();
        if (after.wrongTotal() >= MOST_WRONG) {
            find(ctx); // answers the locked page
            return;
        }
        if (locked(after, now)) {
            lockedPage(ctx, after);
            return;
        }
        int left = TRIES - after.failedAnswers();
        String problem = given.isEmpty() ? "Enter your date of birth as month, day and year."
                : "That date of birth does not match our records. " + left + (left == 1 ? " try" : " tries") + " left.";
        html(ctx, 422, link.practiceName(), askForm(link, requests.of(link), problem, db.read(tx -> links.files(tx, link.messageId())).size()));
    }

    private void file(Context ctx) {
        Optional<Link> found = find(ctx);
        if (found.isEmpty()) {
            return;
        }
        Link link = found.get();
        boolean open = requests.of(link).map(r -> RequestPages.open(link, r)).orElse(false);
        if (!open && !granted(ctx, link)) {
            ctx.redirect("/l/" + link.token(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        String text = ctx.pathParam("position");
        Optional<MessageMedia.File> file = text.matches("[0-9]") ? db.read(tx -> links.file(tx, link.messageId(), Integer.parseInt(text)))
                : Optional.empty();
        if (file.isEmpty()) {
            html(ctx, 404, link.practiceName(), "<h1>Not found</h1><p>There is no such document behind this link.</p>");
            return;
        }
        opened(link);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.get().fileName().replace("\"", "") + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType(file.get().contentType());
        ctx.result(file.get().content());
        ctx.res().setCharacterEncoding(null);
    }

    /** The link of the path, or a page that says why there is none (unknown, expired, locked). */
    private Optional<Link> find(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Link> link = token.matches("[A-Za-z0-9_-]{22}") ? db.read(tx -> links.byToken(tx, token)) : Optional.empty();
        if (link.isEmpty()) {
            html(ctx, 404, "PracticeText", "<h1>This link is not valid</h1><p>Check that you opened the whole link from the text message.</p>");
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Row> request = requests.of(link.get());
        if (request.isPresent() && requests.ended(ctx, link.get(), request.get())) {
            return Optional.empty();
        }
        if (!link.get().expiresAt().isAfter(now)) {
            html(ctx, 410, link.get().practiceName(), "<h1>This link has expired</h1><p>Please contact " + escape(link.get().practiceName())
                    + (request.isPresent() ? " and ask them to send you a new link.</p>" : " and ask them to send the document again.</p>"));
            return Optional.empty();
        }
        if (link.get().wrongTotal() >= MOST_WRONG) {
            html(ctx, 403, link.get().practiceName(), "<h1>This link is locked</h1><p>For your privacy it was locked after too many tries. Please contact "
                    + escape(link.get().practiceName()) + " and ask them to send the document again.</p>");
            return Optional.empty();
        }
        if (locked(link.get(), now)) {
            lockedPage(ctx, link.get());
            return Optional.empty();
        }
        return link;
    }

    /** The practice's time zone: the day a link ends is the practice's day. */
    private static ZoneId zone(Link link) {
        try {
            return ZoneId.of(link.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static boolean locked(Link link, Instant now) {
        return link.lockedUntil() != null && link.lockedUntil().isAfter(now);
    }

    private void lockedPage(Context ctx, Link link) {
        long minutes = Math.max(1, Duration.between(clock.instant(), link.lockedUntil()).toMinutes() + 1);
        ctx.header("Retry-After", Long.toString(minutes * 60));
        html(ctx, 429, link.practiceName(), "<h1>Too many tries</h1><p>For your privacy this link is locked for " + minutes + " minute"
                + (minutes == 1 ? "" : "s") + ". Try again later, or contact " + escape(link.practiceName()) + ".</p>");
    }

    private boolean granted(Context ctx, Link link) {
        String key = ctx.cookie(COOKIE);
        return key != null && key.matches("[A-Za-z0-9_-]{32}") && db.read(tx -> links.granted(tx, key, link.token(), clock.instant()));
    }

    private void show(Context ctx, Link link) {
        List<SecureLinks.Listed> files = db.read(tx -> links.files(tx, link.messageId()));
        opened(link);
        StringBuilder list = new StringBuilder("<h1>Your documents</h1><p>From ").append(escape(link.practiceName())).append(".</p><ul>");
        for (SecureLinks.Listed f : files) {
            list.append("<li><a class=\"doc\" href=\"/l/").append(link.token()).append("/files/").append(f.position()).append("\" download>")
                    .append("<span class=\"name\">").append(escape(f.fileName())).append("</span> <span class=\"meta\">").append(kind(f.contentType()))
                    .append(", ").append(size(f.size())).append(" · Download</span></a></li>");
        }
        list.append("</ul><p class=\"meta\">This link works until ")
                .append(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US).withZone(zone(link)).format(link.expiresAt()))
                .append(".</p>");
        html(ctx, 200, link.practiceName(), list.toString());
    }

    /** The first opening, once: recorded, and the message appended to the practice's feed so the desk shows "Opened …". */
    private void opened(Link link) {
        if (link.firstOpenedAt() != null) {
            return;
        }
        writes.run(link.practiceId(), tx -> {
            if (links.opened(tx, link.token(), clock.instant())) {
                writes.events().messageChanged(tx, link.practiceId(), link.messageId());
            }
            return null;
        });
    }

    /**
     * The first page: the date of birth when the link asks it, otherwise only a button. Either way
     * the documents and the opening wait for a person's answer: a phone's messaging app fetches a
     * link to preview it, and must neither see the documents nor count as the patient opening them.
     */
    private static String askForm(Link link, Optional<Row> request, String problem, int documents) {
        String[] words = request.map(RequestPages::askWords).orElse(null);
        String heading = words != null ? words[0] : "Your documents";
        String sent = escape(link.practiceName()) + (words != null ? words[1]
                : documents == 1 ? " sent you a document." : " sent you " + documents + " documents.");
        String button = words != null ? words[2] : documents == 1 ? "Show my document" : "Show my documents";
        if (!link.asksBirthDate()) {
            return "<h1>" + heading + "</h1><p>" + sent + "</p><form method=\"post\" action=\"/l/" + link.token() + "\"><button type=\"submit\">"
                    + button + "</button></form>";
        }
        String error = problem == null ? "" : "<p class=\"error\" role=\"alert\" id=\"problem\">" + escape(problem) + "</p>";
        return "<h1>" + heading + "</h1><p>" + sent + " To keep " + (words != null || documents == 1 ? "it" : "them") + " private, please confirm your "
                + "date of birth.</p>" + error + "<form method=\"post\" action=\"/l/" + link.token() + "\">"
                + "<label for=\"dob\">Date of birth</label>"
                + "<input id=\"dob\" name=\"dob\" type=\"date\" autocomplete=\"bday\" required"
                + (problem == null ? "" : " aria-describedby=\"problem\" aria-invalid=\"true\"") + ">"
                + "<button type=\"submit\">" + button + "</button></form>";
    }

    /** A date of birth as the form sends it ({@code 1984-03-07}), or as typed where the browser has no date field ({@code 03/07/1984}). */
    static Optional<LocalDate> birthDate(String text) {
        if (text == null || text.isBlank() || text.length() > 20) {
            return Optional.empty();
        }
        for (String pattern : List.of("uuuu-MM-dd", "M/d/uuuu", "M-d-uuuu")) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT)));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    private static String kind(String type) {
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif" -> "Photo";
            case "text/plain" -> "Text";
            default -> type.contains("word") ? "Word document" : type.contains("excel") || type.contains("sheet") ? "Spreadsheet" : "File";
        };
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** A patient's page in this style (no script, no cache, never framed); the simulated checkout page uses it too. */
    public static void html(Context ctx, int status, String title, String body) {
        html(ctx, status, title, "", body);
    }

    /** A page with {@code head} (a {@code <meta refresh>}) in its head. */
    static void html(Context ctx, int status, String title, String head, String body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">" + head + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;padding:24px 20px;max-width:34rem;"
                + "margin-inline:auto;color:#1f2328;background:#fff;font-size:18px;line-height:1.5}"
                + "h1{font-size:1.5rem;margin:0 0 .5rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}"
                + "input{font-size:1.1rem;padding:.6rem;width:100%;box-sizing:border-box;border:2px solid #57606a;border-radius:8px}"
                + "button{margin-top:1rem;font-size:1.1rem;padding:.75rem 1rem;width:100%;border:0;border-radius:8px;background:#0b5cad;color:#fff}"
                + "button:focus,input:focus,a:focus{outline:3px solid #f2a900;outline-offset:2px}"
                + ".error{color:#a40e26;font-weight:600}.meta{color:#57606a;font-size:.95rem}ul{list-style:none;padding:0}li{margin:.75rem 0}"
                + ".doc{display:block;padding:.9rem 1rem;border:2px solid #d0d7de;border-radius:10px;text-decoration:none;min-height:48px}"
                + ".doc .name{display:block;font-weight:600;text-decoration:underline;overflow-wrap:anywhere}"
                + "a{color:#0b5cad}footer{margin-top:2rem;color:#57606a;font-size:.85rem}"
                + ".amount{font-size:2rem;font-weight:700;margin:.5rem 0}.answer{font-weight:600;padding:.75rem;border-radius:8px;background:#eaf5ea}"
                + "button.secondary{background:#fff;color:#a40e26;border:2px solid #a40e26}"
                + "a.button{display:block;text-align:center;padding:.75rem 1rem;border-radius:8px;background:#0b5cad;color:#fff;text-decoration:none}"
                + "</style></head><body><main>" + body + "</main><footer>Sent securely with PracticeText.</footer></body></html>");
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
