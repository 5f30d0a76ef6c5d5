// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicetext.relay.admin.AdminWire.ApiKeyEntry;
import org.practicetext.relay.admin.AdminWire.BackupEntry;
import org.practicetext.relay.admin.AdminWire.IssuedApiKey;
import org.practicetext.relay.admin.AdminWire.IssuedUser;
import org.practicetext.relay.admin.AdminWire.NumberEntry;
import org.practicetext.relay.admin.AdminWire.PracticeEntry;
import org.practicetext.relay.admin.AdminWire.UserEntry;
import org.practicetext.relay.refusal.Refusal;

/**
 * The relay jar's administration commands ({@code practice}, {@code number}, {@code user},
 * {@code apikey}, {@code backup}). Where they act is decided once, plainly:
 * <ul>
 * <li>{@code PT_ADMIN_URL} set: through that relay's operator API, with {@code PT_OPERATOR_TOKEN}
 * (no downtime, on H2 and on PostgreSQL). Never falls back to the database, so a typo in the URL
 * cannot end in a second writer;</li>
 * <li>not set: on the database itself ({@code PT_DB_URL}), as before. An H2 file held by a running
 * relay is refused with the two settings that administer it online instead.</li>
 * </ul>
 */
public final class AdminCommands {
    /** H2's "Database may be already in use": another process holds the file's lock. */
    private static final int H2_FILE_IN_USE = 90020;

    /** Opens the database the way the relay would ({@code PT_DB_URL}, {@code PT_DB_USER}, {@code PT_DB_PASSWORD}). */
    public interface DirectOpener {
        DirectSession open();
    }

    /** The database opened for one command: its administration and what to close after. */
    public interface DirectSession extends AutoCloseable {
        Administration administration();

        /** Gives every practice a new feed id (after a restore: desks resynchronise); returns how many. */
        int renewFeedIds();

        @Override
        void close();
    }

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final DirectOpener direct;

    public AdminCommands(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, DirectOpener direct) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.direct = direct;
    }

    /** Runs {@code args} (e.g. {@code practice create --slug …}); the process exit code: 0 done, 1 refused or unreachable, 2 usage. */
    public int run(String[] args) {
        if (args.length < 2) {
            err.println(usage());
            return 2;
        }
        String command = args[0] + " " + args[1];
        if (!COMMANDS.contains(command)) {
            err.println("Unknown command: " + command);
            err.println(usage());
            return 2;
        }
        try {
            Map<String, String> options = options(args);
            String adminUrl = blankToNull(env.get("PT_ADMIN_URL"));
            if (command.equals("feed renew")) {
                return renewFeeds(adminUrl);
            }
            if (adminUrl != null) {
                String token = blankToNull(env.get("PT_OPERATOR_TOKEN"));
                if (token == null) {
                    err.println("error: PT_ADMIN_URL is set but PT_OPERATOR_TOKEN is not: give the running relay's operator token too.");
                    return 1;
                }
                URI base;
                try {
                    base = URI.create(adminUrl);
                } catch (IllegalArgumentException e) {
                    err.println("error: PT_ADMIN_URL is not a URL: " + adminUrl);
                    return 1;
                }
                if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
                    err.println("error: PT_ADMIN_URL must be the relay's http(s) address, e.g. http://127.0.0.1:8080, not " + adminUrl);
                    return 1;
                }
                return act(new OnlineAdministration(base, token.strip()), command, options);
            }
            DirectSession session;
            try {
                session = direct.open();
            } catch (RuntimeException e) {
                err.println("error: " + whyNotOpened(e));
                return 1;
            }
            try (session) {
                return act(session.administration(), command, options);
            }
        } catch (Refusal | IllegalArgumentException | OnlineAdministration.Unreachable e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code feed renew}: after the database was restored from a backup, and before any relay
     * starts on it, gives every practice a new feed id, so that desks whose cursor is past the
     * restored feed resynchronise instead of waiting for sequence numbers that now mean other
     * events (ADR 0018). Only on the database itself: no relay may run on it meanwhile.
     */
    private int renewFeeds(String adminUrl) {
        if (adminUrl != null) {
            err.println("error: feed renew acts on a restored database before any relay starts on it: unset PT_ADMIN_URL, stop every relay "
                    + "of this database, and give its PT_DATA_DIR or PT_DB_URL.");
            return 1;
        }
        DirectSession session;
        try {
            session = direct.open();
        } catch (RuntimeException e) {
            err.println("error: " + whyNotOpened(e));
            return 1;
        }
        try (session) {
            int practices = session.renewFeedIds();
            out.println("Gave the feeds of " + practices + " practice(s) new ids: desks resynchronise at their next poll and keep their unsent messages.");
            return 0;
        }
    }

    private int act(Administration admin, String command, Map<String, String> o) {
        switch (command) {
            case "practice create" -> {
                PracticeEntry p = admin.createPractice(new AdminWire.NewPractice(need(o, "slug"), need(o, "name"), o.get("region"), o.get("timezone")));
                out.println("Created practice " + p.slug() + " (" + p.name() + ", region " + p.region() + ", " + p.timeZone() + ") with inbox Front Desk.");
            }
            case "practice links" -> {
                String ask = o.get("ask-birth-date");
                if (ask != null && !ask.equals("yes") && !ask.equals("no")) {
                    throw Refusal.invalid("--ask-birth-date is yes or no.");
                }
                AdminWire.LinkSettings s = admin.linkSettings(need(o, "practice"), new AdminWire.LinkSettings(ask == null ? null : ask.equals("yes"),
                        o.get("days") == null ? null : (int) positive(o.get("days"), "--days")));
                out.println("Secure links of " + o.get("practice") + ": " + (s.askBirthDate() ? "ask the patient's date of birth (when known)"
                        : "do not ask the date of birth") + ", work for " + s.days() + " day(s).");
            }
            case "practice list" -> {
                for (PracticeEntry p : admin.practices()) {
                    out.println(p.slug() + "\t" + p.name() + "\t" + p.region() + "\t" + p.timeZone() + "\t" + p.numbers() + " number(s)\t"
                            + p.activeUsers() + " active user(s)");
                }
            }
            case "number add" -> {
                NumberEntry n = admin.addNumber(need(o, "practice"), new AdminWire.NewNumber(need(o, "number"), o.get("inbox")));
                out.println("Added " + n.number() + " to " + o.get("practice") + " (inbox " + n.inbox() + ").");
            }
            case "number list" -> {
                for (NumberEntry n : admin.numbers(need(o, "practice"))) {
                    out.println(n.number() + "\t" + n.inbox());
                }
            }
            case "number remove" -> {
                String slug = need(o, "practice");
                String number = need(o, "number");
                NumberEntry n = admin.numbers(slug).stream().filter(e -> e.number().equals(number)).findFirst()
                        .orElseThrow(() -> Refusal.notFound("The number " + number + " of " + slug));
                admin.removeNumber(slug, n.id());
                out.println("Removed " + number + " from " + slug + ".");
            }
            case "user create" -> {
                String password = o.containsKey("password-stdin") ? passwordFromStdin() : null;
                IssuedUser u = admin.createUser(need(o, "practice"), new AdminWire.NewUser(need(o, "username"), o.get("name"), need(o, "role"), password));
                out.println("Created " + u.user().role() + " " + u.user().username() + " (" + u.user().name() + ") in " + o.get("practice") + ".");
                printPassword(u);
            }
            case "user list" -> {
                for (UserEntry u : admin.users(need(o, "practice"))) {
                    out.println(u.username() + "\t" + u.name() + "\t" + u.role() + "\t" + u.status());
                }
            }
            case "user deactivate" -> {
                String slug = need(o, "practice");
                UserEntry u = admin.deactivateUser(slug, userId(admin, slug, need(o, "username")));
                out.println("Deactivated " + u.username() + " in " + slug + "; their sessions have ended.");
            }
            case "user reset-password" -> {
                String slug = need(o, "practice");
                long id = userId(admin, slug, need(o, "username"));
                IssuedUser u = admin.resetPassword(slug, id);
                out.println("Reset the password of " + u.user().username() + " in " + slug + ".");
                printPassword(u);
            }
            case "apikey create" -> {
                IssuedApiKey k = admin.createApiKey(need(o, "practice"), new AdminWire.NewApiKey(need(o, "name")));
                out.println("API key " + k.apiKey().id() + " for " + k.apiKey().name() + " (shown only once):");
                out.println(k.key());
            }
            case "apikey list" -> {
                for (ApiKeyEntry k : admin.apiKeys(need(o, "practice"))) {
                    out.println(k.id() + "\t" + k.name() + "\tcreated " + k.createdAt() + (k.revokedAt() == null ? "" : "\trevoked " + k.revokedAt()));
                }
            }
            case "apikey revoke" -> {
                String slug = need(o, "practice");
                ApiKeyEntry k = admin.revokeApiKey(slug, positive(need(o, "id"), "--id"));
                out.println("Revoked API key " + k.id() + " (" + k.name() + ") of " + slug + ".");
            }
            case "backup create" -> {
                BackupEntry b = admin.backup(new AdminWire.NewBackup(o.get("name")));
                out.println("Wrote the backup " + b.path() + " (" + megabytes(b.bytes()) + "). Restore it with the relay stopped: docs/DEPLOYMENT.md, section 9.");
            }
            case "backup list" -> {
                for (BackupEntry b : admin.backups()) {
                    out.println(b.name() + "\t" + megabytes(b.bytes()) + "\t" + b.writtenAt() + "\t" + b.path());
                }
            }
            default -> throw new IllegalStateException(command);
        }
        return 0;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static long userId(Administration admin, String slug, String username) {
        List<UserEntry> users = admin.users(slug);
        return users.stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst()
                .orElseThrow(() -> Refusal.notFound("The user " + username + " of " + slug)).id();
    }

    private void printPassword(IssuedUser u) {
        if (u.password() != null) {
            out.println("One-time password (shown only once; they choose their own at first sign-in, until " + u.passwordExpiresAt() + "):");
            out.println(u.password());
        }
    }

    private String passwordFromStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("--password-stdin: standard input held no password.");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-stdin: standard input could not be read.", e);
        }
    }

    /** Why the database could not be opened, in the words an operator needs. */
    private String whyNotOpened(RuntimeException e) {
        String url = env.getOrDefault("PT_DB_URL", "the H2 file under " + env.getOrDefault("PT_DATA_DIR", "./data"));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_FILE_IN_USE) {
                return "the H2 file is in use by a running relay (" + withoutSettings(url) + "); an H2 file is opened by one process at a time. "
                        + "Set PT_ADMIN_URL (e.g. http://127.0.0.1:8080) and PT_OPERATOR_TOKEN (the relay's) to administer it online, "
                        + "or stop the relay first.";
            }
        }
        return "cannot open the relay's database " + withoutSettings(url) + " (" + rootMessage(e) + ").";
    }

    /** A JDBC URL without its settings, which may hold a password. */
    private static String withoutSettings(String url) {
        int at = url.indexOf(';');
        int query = url.indexOf('?');
        int cut = at < 0 ? query : query < 0 ? at : Math.min(at, query);
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "");
            }
        }
        return options;
    }

    private static String need(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required.");
        }
        return value;
    }

    private static long positive(String text, String what) {
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(what + " must be a positive whole number, not " + text + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final List<String> COMMANDS = List.of("practice create", "practice list", "practice links", "number add", "number list", "number remove",
            "user create", "user list", "user deactivate", "user reset-password", "apikey create", "apikey list", "apikey revoke",
            "backup create", "backup list", "feed renew");

    public static String usage() {
        return """
                  practice create --slug SLUG --name NAME [--region US] [--timezone ZONE]
                  practice list
                  practice links --practice SLUG [--ask-birth-date yes|no] [--days N]
                                                                      (secure links: ask the date of birth, days they work)
                  number add --practice SLUG --number E164 [--inbox NAME]
                  number list --practice SLUG
                  number remove --practice SLUG --number E164        (only a number no conversation was held on)
                  user create --practice SLUG --username U --name NAME --role admin|staff|viewer|billing [--password-stdin]
                  user list --practice SLUG
                  user deactivate --practice SLUG --username U
                  user reset-password --practice SLUG --username U   (prints a one-time password; their sessions end)
                  apikey create --practice SLUG --name NAME          (prints the key on its last line)
                  apikey list --practice SLUG
                  apikey revoke --practice SLUG --id N
                  backup create [--name FILE.zip]                    (H2: a backup while the relay serves, into PT_BACKUP_DIR;
                                                                       PostgreSQL: use pg_dump)
                  backup list
                  feed renew                                          (after restoring a backup, before starting the relay:
                                                                       new feed ids, so desks resynchronise)
                With PT_ADMIN_URL and PT_OPERATOR_TOKEN set, these act through that running relay's operator API;
                otherwise on the database (PT_DB_URL) directly, which an H2 file allows only while no relay runs.
                Without --password-stdin, user create prints a one-time password that the user replaces at first sign-in.""";
    }
}
