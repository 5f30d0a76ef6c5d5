// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.ConversationFilter.Assignment;
import org.practicetext.core.ConversationFilter.ContactType;
import org.practicetext.core.ConversationFilter.Status;
import org.practicetext.desktop.cache.CacheDatabase;
import org.practicetext.desktop.cache.ContactQueries;
import org.practicetext.desktop.cache.ConversationQueries;
import org.practicetext.desktop.cache.FeedBuilder;
import org.practicetext.desktop.cache.MessageQueries;
import org.practicetext.desktop.secrets.AccountKey;
import org.practicetext.desktop.sync.FeedApplier;
import org.practicetext.desktop.sync.Outbox;
import org.practicetext.protocol.FeedPage;

/**
 * The desktop cache at a large practice's size (see docs/BENCHMARKS.md). Not a test: run it on
 * purpose. Builds a cache of {@code conversations} threads and {@code messages} messages by
 * applying generated feed pages through the real apply path, then times the list, search and
 * message-text queries and reports the file size. If sqlite-jdbc is on the class path (test
 * scope), the same rows are copied into an SQLite file with FTS5 tables and its queries are timed
 * right after ours ({@link SqliteTwin}).
 * Arguments: {@code conversations messages runs [filled]} (defaults 20000 500000 200). With
 * {@code filled}, a folder holding the {@code cache.mv.db} of an earlier run of the same size
 * (the benchmark leaves its temporary folder behind), that file is copied and the fill skipped:
 * the queries of two builds can then be timed on the same rows in minutes (an older cache is
 * migrated on open, as a desktop's would be).
 * {@code -Dbench.cipher=aes} opens the cache encrypted ({@code CIPHER=AES} with a random key, ADR
 * 0026) instead of plain; with {@code filled} holding a plain cache, the first open converts it,
 * as an upgraded desk's first start does, and prints how long that took.
 */
public final class DesktopCacheBenchmark {
    private static final String[] FIRST = {"Anna", "José", "Zoë", "Liam", "Olivia", "Noah", "Emma", "Mateo", "Sofía", "Lucas", "Mia", "Ethan",
        "Chloé", "Amir", "Priya", "Chen", "Fatima", "Jonas", "Greta", "Kwame", "Aiko", "Dmitri", "Ingrid", "Rafael"};
    private static final String[] LAST = {"Smith", "Núñez", "Müller", "O'Brien", "Johnson", "García", "Nguyen", "Kowalski", "Rossi", "Haddad",
        "Okafor", "Larsen", "Tanaka", "Dubois", "Patel", "Schmidt", "Silva", "Novak", "Byrne", "Moreau", "Jensen", "Costa", "Ivanova", "Lee"};
    private static final String[] WORDS = ("appointment tomorrow cleaning crown filling reschedule confirm confirmed cancel insurance payment "
            + "balance invoice hygienist whitening braces implant xray x-ray root canal extraction pain swelling emergency morning afternoon "
            + "monday tuesday wednesday thursday friday parking address forms paperwork reminder thanks thank please call back running late "
            + "prescription pharmacy allergy numbing sensitive bleeding gums floss checkup review referral specialist orthodontist retainer "
            + "deductible copay estimate treatment plan schedule available opening waitlist").split(" ");

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path filled = args.length > 3 ? Path.of(args[3]) : null;
        Path dir = Files.createTempDirectory("pt-desktop-bench");
        if (filled != null) {
            Files.copy(filled.resolve("cache.mv.db"), dir.resolve("cache.mv.db"));
        }
        System.out.println("cache folder: " + dir);
        System.out.printf("machine: %d cores, java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        AccountKey key = "aes".equals(System.getProperty("bench.cipher")) ? AccountKey.random() : null;
        System.out.println("cache: " + (key == null ? "plain" : "encrypted (CIPHER=AES)"));
        SqliteTwin sqlite = null;
        long opening = System.nanoTime();
        try (CacheDatabase db = CacheDatabase.open(dir, key)) {
            System.out.printf("first open%s: %.0f ms%n", filled != null && key != null ? " (converting the plain copy to CIPHER=AES)" : "",
                    (System.nanoTime() - opening) / 1e6);
            long events = filled == null ? fill(db, conversations, messages) : 0;
            sqlite = SqliteTwin.of(db, dir.resolve("twin.sqlite"));
            queries(db, conversations, runs, sqlite);
            indexSize(db);
            long bytes = Files.size(dir.resolve("cache.mv.db"));
            System.out.printf("cache file while open: %.1f MiB for %,d events%n", bytes / 1048576.0, events);
        } finally {
            if (sqlite != null) {
                sqlite.close();
            }
        }
        System.out.printf("cache file after close: %.1f MiB%n", Files.size(dir.resolve("cache.mv.db")) / 1048576.0);
        if (sqlite != null) {
            System.out.printf("SQLite twin file after close: %.1f MiB%n", Files.size(dir.resolve("twin.sqlite")) / 1048576.0);
        }
        long t0 = System.nanoTime();
        try (CacheDatabase db = CacheDatabase.open(dir, key)) {
            System.out.printf("reopen (migration check included): %.0f ms; first list query: %d rows%n", (System.nanoTime() - t0) / 1e6,
                    new ConversationQueries(db).list(ConversationFilter.defaults(), 1L, 50).size());
        }
    }

    /** Applies the whole practice as the relay's snapshot would arrive: pages of 1,000 events. */
    static long fill(CacheDatabase db, int conversations, int messages) {
        SplittableRandom random = new SplittableRandom(42);
        FeedApplier applier = new FeedApplier(db, new Outbox(db, Clock.systemUTC(), () -> "Bench"));
        FeedBuilder feed = new FeedBuilder().practice("US").inbox(1, "Front Desk").inbox(2, "Billing").inbox(3, "Recall");
        for (int u = 1; u <= 6; u++) {
            feed.user(u, "user" + u, FIRST[u] + " " + LAST[u]);
        }
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        long spanSeconds = 3L * 365 * 24 * 3600;
        long applied = 0;
        long nanos = 0;
        List<Long> lastAt = new ArrayList<>(Collections.nCopies(conversations + 1, 0L));
        for (int c = 1; c <= conversations; c++) {
            String phone = String.format("+1%03d555%04d", 200 + random.nextInt(700), c % 10_000);
            boolean patient = random.nextInt(10) < 7;
            String name = patient || random.nextBoolean() ? FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + c : null;
            feed.contact(c, phone, patient ? "patient" : "lead", name, random.nextInt(100) == 0, random.nextInt(200) == 0);
            if (feed.events().size() >= 1000) {
                nanos += apply(applier, feed);
                applied += 1000;
            }
        }
        IntFunction<String> body = n -> {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 6 + n % 18; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            return text.toString();
        };
        for (int m = 1; m <= messages; m++) {
            int conversation = 1 + random.nextInt(conversations);
            long at = (long) m * spanSeconds / messages;
            lastAt.set(conversation, at);
            boolean in = random.nextBoolean();
            feed.message(m, conversation, in ? "in" : "out", body.apply(m), in ? "received" : (random.nextInt(50) == 0 ? "failed" : "delivered"),
                    start.plusSeconds(at));
            if (feed.events().size() >= 1000) {
                nanos += apply(applier, feed);
                applied += 1000;
            }
        }
        for (int c = 1; c <= conversations; c++) {
            boolean open = random.nextInt(3) > 0;
            Long assignee = random.nextInt(3) == 0 ? null : (long) (1 + random.nextInt(6));
            feed.conversation(c, c, "+1" + c, open ? "open" : "closed", 1 + random.nextInt(3), assignee, open && random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0,
                    start.plusSeconds(lastAt.get(c)), "last message of " + c);
            if (feed.events().size() >= 1000) {
                nanos += apply(applier, feed);
                applied += 1000;
            }
        }
        applied += feed.events().size();
        nanos += apply(applier, feed);
        System.out.printf("applied %,d events in %.1f s: %,.0f events/s (pages of 1,000, one transaction each)%n", applied, nanos / 1e9,
                applied / (nanos / 1e9));
        return applied;
    }

    private static long apply(FeedApplier applier, FeedBuilder feed) {
        List<FeedPage> pages = feed.pages(1000);
        long t0 = System.nanoTime();
        for (FeedPage page : pages) {
            applier.apply(page, Instant.now());
        }
        long took = System.nanoTime() - t0;
        feed.clear();
        return took;
    }

    /** Fragments from inside the last names (never their first letters): what a receptionist types who half-remembers a name. */
    private static final String[] INFIX = {"ohns", "mith", "guye", "owal", "ossi", "adda", "kafo", "arse", "anak", "uboi", "atel", "chmi",
        "ilva", "ovak", "yrne", "orea", "ense", "osta", "vano", "ulle", "unez", "arci", "ith", "ohn"};

    static void queries(CacheDatabase db, int conversations, int runs, SqliteTwin sqlite) {
        ConversationQueries list = new ConversationQueries(db);
        ContactQueries contacts = new ContactQueries(db);
        MessageQueries messages = new MessageQueries(db);
        SplittableRandom random = new SplittableRandom(7);
        ConversationFilter open = ConversationFilter.defaults();
        time("list: All Open, 50 rows", runs, () -> list.list(open, 1L, 50).size());
        time("list: All Messages, 50 rows", runs, () -> list.list(open.withStatus(Status.ALL), 1L, 50).size());
        time("list: Open & Unread, Patients", runs, () -> list.list(open.withStatus(Status.OPEN_UNREAD).withContactType(ContactType.PATIENTS), 1L, 50).size());
        time("list: Assigned to me, Leads, Billing", runs, () -> list.list(open.withAssignment(Assignment.MINE).withContactType(ContactType.LEADS)
                .withInbox(2L), 1L, 50).size());
        time("list: All Closed, Unassigned, Recall", runs, () -> list.list(open.withStatus(Status.CLOSED).withAssignment(Assignment.UNASSIGNED)
                .withInbox(3L), 1L, 50).size());
        time("list: All Open, 1,000 rows", runs / 4, () -> list.list(open, 1L, 1000).size());
        time("unread badge", runs, list::unreadBadge);
        time("search list, first keystroke (1 letter)", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch(LAST[random.nextInt(LAST.length)].substring(0, 1)), 1L, 50).size());
        time("search list, two letters", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch(LAST[random.nextInt(LAST.length)].substring(0, 2)), 1L, 50).size());
        SplittableRandom prefix = new SplittableRandom(11);
        time("search list by name prefix (3 letters)", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch(LAST[prefix.nextInt(LAST.length)].substring(0, 3)), 1L, 50).size());
        if (sqlite != null) {
            SplittableRandom twin = new SplittableRandom(11);
            time("  SQLite FTS5: name prefix (3 letters)", runs, () -> sqlite.names(LAST[twin.nextInt(LAST.length)].substring(0, 3) + "*", 50));
        }
        SplittableRandom infix = new SplittableRandom(12);
        time("search list by infix of a name (\"ohns\")", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch(INFIX[infix.nextInt(INFIX.length)]), 1L, 50).size());
        if (sqlite != null) {
            SplittableRandom twin = new SplittableRandom(12);
            time("  SQLite trigram: infix of a name", runs, () -> sqlite.infix(INFIX[twin.nextInt(INFIX.length)], 50));
        }
        time("search list by first + last name prefixes", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)].substring(0, 2)), 1L, 50).size());
        time("search list by phone fragment (555-12)", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch("555-" + (10 + random.nextInt(90))), 1L, 50).size());
        time("search list by 4 phone digits", runs, () -> list.list(open.withStatus(Status.ALL)
                .withSearch(String.format("%04d", random.nextInt(conversations))), 1L, 50).size());
        time("contact picker, first keystroke (1 letter)", runs, () -> contacts.search(FIRST[random.nextInt(FIRST.length)].substring(0, 1), 20).size());
        time("contact picker by name prefix", runs, () -> contacts.search(FIRST[random.nextInt(FIRST.length)].substring(0, 3), 20).size());
        time("contact picker by infix of a name", runs, () -> contacts.search(INFIX[random.nextInt(INFIX.length)], 20).size());
        SplittableRandom one = new SplittableRandom(13);
        time("message text: one common word prefix", runs, () -> messages.search(WORDS[one.nextInt(WORDS.length)].substring(0, 4), 50).size());
        if (sqlite != null) {
            SplittableRandom twin = new SplittableRandom(13);
            time("  SQLite FTS5: one word prefix", runs, () -> sqlite.messages(SqliteTwin.quoted(WORDS[twin.nextInt(WORDS.length)].substring(0, 4)) + "*", 50));
        }
        SplittableRandom two = new SplittableRandom(14);
        time("message text: two words", runs, () -> messages.search(WORDS[two.nextInt(WORDS.length)] + " "
                + WORDS[two.nextInt(WORDS.length)].substring(0, 3), 50).size());
        if (sqlite != null) {
            SplittableRandom twin = new SplittableRandom(14);
            time("  SQLite FTS5: two words", runs, () -> sqlite.messages(SqliteTwin.quoted(WORDS[twin.nextInt(WORDS.length)]) + "* "
                    + SqliteTwin.quoted(WORDS[twin.nextInt(WORDS.length)].substring(0, 3)) + "*", 50));
        }
        time("message text: a word no message has", runs, () -> messages.search("zebra", 50).size());
        time("baseline: LIKE '%word%' scan of bodies", Math.max(5, runs / 20), () -> db.read(sql -> sql.query(
                "SELECT id FROM message WHERE LOWER(body) LIKE ? ORDER BY created_at DESC, id DESC FETCH FIRST 50 ROWS ONLY",
                rs -> rs.getLong(1), "%" + WORDS[random.nextInt(WORDS.length)].substring(0, 4) + "%")).size());
        time("thread: newest page of 50", runs, () -> messages.page(1 + random.nextInt(conversations), null, 50).messages().size());
    }

    /** What the search index takes on disk, beside the messages themselves. */
    static void indexSize(CacheDatabase db) {
        StringBuilder sizes = new StringBuilder("on disk (DISK_SPACE_USED):");
        // message_word: the index before ADR 0009, so the same benchmark measures an older build too
        for (String table : List.of("MESSAGE", "MESSAGE_POSTING", "MESSAGE_WORD", "CONTACT", "CONTACT_WORD", "PHONE_SUFFIX")) {
            if (db.read(sql -> sql.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?", table)) == 0) {
                continue;
            }
            long bytes = db.read(sql -> sql.count("SELECT DISK_SPACE_USED('" + table + "')"));
            long rows = db.read(sql -> sql.count("SELECT COUNT(*) FROM " + table));
            sizes.append(String.format(Locale.ROOT, " %s %.1f MiB (%,d rows)", table.toLowerCase(Locale.ROOT), bytes / 1048576.0, rows));
        }
        System.out.println(sizes);
    }

    interface Query {
        int run() throws Exception;
    }

    /**
     * Times a query: wall-clock p50/p95, and the same of the CPU time of this thread alone (H2 and
     * sqlite-jdbc run a query in the calling thread). On a shared machine the wall time includes
     * the time the thread waited for a core; the CPU time is what the query itself took.
     */
    static void time(String what, int runs, Query query) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            for (int i = 0; i < Math.min(20, runs); i++) {
                query.run();
            }
            double[] millis = new double[runs];
            double[] cpu = new double[runs];
            long rows = 0;
            for (int i = 0; i < runs; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                rows += query.run();
                millis[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            java.util.Arrays.sort(millis);
            java.util.Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%-45s p50 %7.2f ms  p95 %7.2f ms  cpu p50 %7.2f ms  p95 %7.2f ms  (%d runs, %.0f rows avg)%n", what,
                    millis[runs / 2], millis[(int) (runs * 0.95)], cpu[runs / 2], cpu[(int) (runs * 0.95)], runs, (double) rows / runs);
        } catch (Exception e) {
            throw new IllegalStateException(what, e);
        }
    }
}
