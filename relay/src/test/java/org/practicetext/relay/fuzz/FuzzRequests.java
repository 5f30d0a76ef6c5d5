// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import static org.practicetext.relay.fuzz.FuzzValues.pick;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.fuzz.FuzzValues.Units;
import org.practicetext.relay.fuzz.FuzzValues.Val;
import org.practicetext.relay.fuzz.FuzzWorld.Practice;
import org.practicetext.relay.fuzz.RawHttp.Header;
import org.practicetext.relay.fuzz.RawHttp.Transfer;

/**
 * Generates request number {@code i} of a run from the seed alone: each request has its own
 * {@link Random}, seeded from the run's seed and {@code i}, so request 1234 of seed 42 is the
 * same request whether the run has 2,000 requests or 50,000, or replays only that one.
 *
 * <p>Every route the relay serves is in {@link #ROUTES} (a test checks that against the relay's
 * router), each with its share of the run. What varies: the caller (each role of each practice,
 * no token, a revoked or forged one), path ids (own, another practice's, zero, negative, huge,
 * non-numeric, %00, unicode), every body field (see {@link FuzzValues}), the whole body (null,
 * arrays, deep nesting, broken JSON, invalid UTF-8, other encodings), the content type (odd
 * charsets, multipart, text/plain, none) and the transfer (a length, or chunked in pieces).
 * Webhooks are mostly genuine and correctly signed, with odd-but-real fields; the rest are
 * unsigned, mis-signed, invalid or oddly transported.
 */
final class FuzzRequests {
    static final String NO_ROUTE = "(no route)";
    /** The fuzzed relay's PT_METRICS_TOKEN. */
    static final String METRICS_TOKEN = "fuzz-metrics-token-0123456789";

    /** Every route the relay serves, as "METHOD /path/{param}". */
    static final List<String> ROUTES = List.of(
            "GET /health", "GET /api/v1/version", "GET /ready", "GET /metrics",
            "POST /api/v1/session", "GET /api/v1/session", "DELETE /api/v1/session",
            "GET /api/v1/events",
            "POST /api/v1/messages", "POST /api/v1/messages/{id}/retry", "POST /api/v1/campaign-messages", "POST /api/v1/simulator/inbound",
            "POST /api/v1/conversations/{id}/close", "POST /api/v1/conversations/{id}/reopen",
            "POST /api/v1/conversations/{id}/read", "POST /api/v1/conversations/{id}/unread",
            "POST /api/v1/conversations/{id}/assign", "POST /api/v1/conversations/{id}/unassign",
            "POST /api/v1/conversations/{id}/move",
            "POST /api/v1/contacts", "PATCH /api/v1/contacts/{id}", "POST /api/v1/contacts/{id}/convert",
            "POST /api/v1/contacts/{id}/block", "POST /api/v1/contacts/{id}/unblock", "POST /api/v1/contacts/{id}/opt-out",
            "POST /api/v1/contacts/{id}/opt-in", "POST /api/v1/contacts/import",
            "GET /api/v1/consent", "GET /api/v1/consent/export.csv", "GET /api/v1/consent/opted-out.csv",
            "POST /api/v1/inboxes", "PATCH /api/v1/inboxes/{id}", "DELETE /api/v1/inboxes/{id}",
            "POST /api/v1/templates", "PATCH /api/v1/templates/{id}", "DELETE /api/v1/templates/{id}",
            "GET /api/v1/team", "POST /api/v1/team", "PATCH /api/v1/team/{id}", "POST /api/v1/team/{id}/password-reset",
            "POST /api/v1/team/{id}/deactivate", "POST /api/v1/account/password", "GET /api/v1/numbers",
            "POST /twilio/sms", "POST /twilio/status",
            "GET /admin/v1/practices", "POST /admin/v1/practices", "GET /admin/v1/practices/{slug}",
            "GET /admin/v1/practices/{slug}/numbers", "POST /admin/v1/practices/{slug}/numbers", "DELETE /admin/v1/practices/{slug}/numbers/{id}",
            "GET /admin/v1/practices/{slug}/users", "POST /admin/v1/practices/{slug}/users",
            "POST /admin/v1/practices/{slug}/users/{id}/deactivate", "POST /admin/v1/practices/{slug}/users/{id}/password",
            "GET /admin/v1/practices/{slug}/api-keys", "POST /admin/v1/practices/{slug}/api-keys", "DELETE /admin/v1/practices/{slug}/api-keys/{id}",
            "GET /admin/v1/backups", "POST /admin/v1/backups", "POST /admin/v1/practices/{slug}/links",
            "GET /api/v1/messages/{id}/media/{position}", "GET /api/v1/messages/{id}/media/{position}/preview",
            "POST /api/v1/messages/{id}/media/{position}/retry",
            "GET /simulator/twilio/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}",
            "POST /api/v1/uploads", "GET /media/{token}", "HEAD /media/{token}", "GET /l/{token}", "POST /l/{token}", "GET /l/{token}/files/{position}",
            "GET /l/{token}/go", "GET /l/{token}/forms/{form}", "POST /l/{token}/pay", "POST /l/{token}/decision",
            "GET /simulator/review/{place}", "POST /simulator/review/{place}", "GET /simulator/forms/{form}", "POST /simulator/forms/{form}",
            "GET /api/v1/settings", "PATCH /api/v1/settings", "GET /api/v1/requests", "GET /api/v1/requests/{id}",
            "POST /api/v1/requests/{id}/cancel", "POST /api/v1/requests/{id}/resend", "POST /api/v1/requests/{id}/mark-paid",
            "POST /api/v1/requests/{id}/complete",

            "POST /stripe/webhook", "GET /simulator/payments/{sessionId}", "POST /simulator/payments/{sessionId}");

    private static final List<String> NAMES = List.of("Maria Lopez", "Tom O'Neil", "José Álvarez", "Zoë Li", "李小龙", "Ann-Marie Smith-Jones");
    static final List<String> BODIES = List.of("Hi, can I move my cleaning to Friday?", "Your forms are ready 😀", "See you at 10:30 [Dr. K]",
            "Reminder: {appt} tomorrow €20 copay", "STOP", "Thanks!", "שלום, מתי התור?");
    private static final List<String> INBOX_NAMES = List.of("Hygiene", "Billing", "Front Desk", "Ortho 🦷", "Recall");
    private static final List<String> CAMPAIGNS = List.of("Appointment Reminders Campaign", "Recall", "Forms 📝");
    /** Numbers the fuzz texts and adds: never a practice's secret patient. */
    private final List<String> phonePool = new ArrayList<>();
    private final FuzzWebhooks webhooks;
    private final FuzzStripe stripe;
    /** Numbers the fuzzed operator adds to practices: nothing else texts or sends to them, so routing elsewhere never changes. */
    private final List<String> operatorNumbers = new ArrayList<>();

    private final long seed;
    private final FuzzWorld world;

    FuzzRequests(long seed, FuzzWorld world, int port) {
        this.seed = seed;
        this.world = world;
        for (int i = 1; i <= 40; i++) {
            phonePool.add(String.format("+1555301%04d", i));
        }
        phonePool.addAll(FuzzWorld.SHARED_PHONES);
        this.webhooks = new FuzzWebhooks(seed, world, port, phonePool);
        this.stripe = new FuzzStripe(world);
        for (int i = 1; i <= 40; i++) {
            operatorNumbers.add(String.format("+1555404%04d", i));
        }
    }

    /** splitmix64 of the seed and the index: independent streams per request. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    FuzzRequest make(int index) {
        Draft d = new Draft(index, new Random(mix(seed, index)));
        d.focused = d.r.nextBoolean();
        int pick = d.r.nextInt(100);
        if (pick < 2) {
            if (d.r.nextInt(4) == 0) {
                version(d);
            } else {
                health(d);
            }
        } else if (pick < 4) {
            noRoute(d); // (2 of 100 since the probes took one more)
        } else if (pick < 7) {
            signIn(d);
        } else if (pick < 9) {
            whoAmI(d);
        } else if (pick < 10) {
            signOut(d);
        } else if (pick < 18) {
            events(d);
        } else if (pick < 28) {
            send(d);
        } else if (pick < 29) {
            retry(d);
        } else if (pick < 32) {
            media(d);
        } else if (pick < 36) {
            campaign(d);
        } else if (pick < 39) {
            simulator(d);
        } else if (pick < 49) {
            conversation(d);
        } else if (pick < 55) {
            createContact(d);
        } else if (pick < 60) {
            patchContact(d);
        } else if (pick < 64) {
            contactAction(d);
        } else if (pick < 68) {
            importCsv(d);
        } else if (pick < 72) {
            inbox(d);
        } else if (pick < 77) {
            template(d);
        } else if (pick < 81) {
            team(d);
        } else if (pick < 83) {
            operator(d);
        } else if (pick < 84) {
            requests(d);
        } else if (pick < 85) {
            consent(d);
        } else if (pick < 92) {
            d.focused = false; // webhooks have their own mix of genuine and odd
            webhooks.inboundSms(d);
        } else if (pick < 97) {
            d.focused = false;
            webhooks.statusCallback(d);
        } else {
            d.focused = false;
            if (d.r.nextInt(4) == 0) {
                stripe.checkoutPage(d);
            } else {
                stripe.webhook(d);
            }
        }
        protocolHeader(d, new Random(mix(seed ^ 0x50C0L, index)));
        return d.build();
    }

    /** Values of the desk's protocol header: the old, current and newer ones, and garbage (400). */
    private static final List<String> PROTOCOLS = List.of("1", "2", "3", "9999", "0", "-1", "2.0", "two", "", " 2 ", "2, 3", "10000", "٢");

    /**
     * One desk call in ten (of {@code /api/v1}) says which protocol it speaks, from its own stream so
     * the rest of the request is as before. The relay under fuzz serves every protocol, so a number is
     * served and anything else is a 400.
     */
    private static void protocolHeader(Draft d, Random v) {
        if (d.path.startsWith("/api/v1") && v.nextInt(10) == 0) {
            Draft.header(d, org.practicetext.protocol.ProtocolVersion.HEADER, pick(v, PROTOCOLS), "protocol header");
        }
    }

    // ---- the API ----

    /** The probes and the scrape: /health, /ready, /metrics (with the right token, a wrong one, none). */
    private void health(Draft d) {
        d.method = "GET";
        switch (d.r.nextInt(3)) {
            case 0 -> {
                d.route = "GET /health";
                d.path = pick(d.r, "/health", "/health/", "/health?x=%00", "/health?" + "a=1&".repeat(500));
                auth(d, pickPractice(d), true);
            }
            case 1 -> {
                d.route = "GET /ready";
                d.path = pick(d.r, "/ready", "/ready/", "/ready?x=%00");
                auth(d, pickPractice(d), true);
            }
            default -> {
                // No practice's caller: the answer is then checked for every practice's data (AnswerChecks.leaks).
                d.route = "GET /metrics";
                d.path = pick(d.r, "/metrics", "/metrics/", "/metrics?name[]=x");
                String token = pick(d.r, METRICS_TOKEN, METRICS_TOKEN, "wrong-token-0123456789", "");
                if (!token.isEmpty()) {
                    d.headers.add(Header.of("Authorization", "Bearer " + token));
                }
                d.what.add(token.equals(METRICS_TOKEN) ? "with the metrics token" : token.isEmpty() ? "without a token" : "with a wrong token");
            }
        }
    }

    private void version(Draft d) {
        d.route = "GET /api/v1/version";
        d.method = "GET";
        d.path = pick(d.r, "/api/v1/version", "/api/v1/version/", "/api/v1/version?x=%00", "/api/v1/version?" + "a=1&".repeat(500));
        if (d.r.nextBoolean()) {
            auth(d, pickPractice(d), true);
        } else {
            d.what.add("no sign-in");
        }
    }

    private void noRoute(Draft d) {
        String[][] cases = {
                {"GET", "/"}, {"GET", "/api/v1/nope"}, {"POST", "/api/v1/messages/1"}, {"PUT", "/api/v1/session"},
                {"GET", "/twilio/sms"}, {"PATCH", "/api/v1/messages"}, {"DELETE", "/api/v1/contacts"}, {"GET", "/api/v1/contacts/1"},
                {"OPTIONS", "/api/v1/session"}, {"TRACE", "/api/v1/session"}, {"PROPFIND", "/api/v1/session"}, {"GET", "/%00"},
                {"GET", "/api/v1/%00"}, {"POST", "/twilio/%00"}, {"GET", "/api/v1/events%00"}, {"POST", "/api/v1/conversations/%2e%2e/%2e%2e/session"},
                {"GET", "//api/v1/session"}, {"GET", "/API/V1/SESSION"}, {"POST", "/twilio/sms/extra"}, {"GET", "/api/v1/" + "a".repeat(9_000)},
                {"GET", "/api/v1/events?after=0&" + "x=1&".repeat(3_000)}, {"QUERY", "/api/v1/events"}, {"GET", "/api/v1/conversations/1"},
                {"POST", "/api/v1/inboxes/1"}, {"PUT", "/api/v1/templates/1"}, {"GET", "/%E2%80%AE"}, {"GET", "/api/v1/" + FuzzValues.pct("😀")},
        };
        String[] c = cases[d.r.nextInt(cases.length)];
        d.route = NO_ROUTE;
        d.method = c[0];
        d.path = c[1];
        auth(d, pickPractice(d), true);
        if (d.r.nextBoolean()) {
            jsonBody(d, randomTopLevel(d.r));
        }
    }

    private void signIn(Draft d) {
        d.route = "POST /api/v1/session";
        d.method = "POST";
        d.path = "/api/v1/session";
        Practice p = pickPractice(d);
        List<String[]> fields = new ArrayList<>();
        Val practice = switch (d.r.nextInt(6)) {
            case 0, 1, 2 -> FuzzValues.str(p.slug, "a practice's slug");
            case 3 -> FuzzValues.str(" " + p.slug.toUpperCase() + " ", "the slug in capitals and spaces");
            case 4 -> FuzzValues.str("no-such-practice", "an unknown slug");
            default -> FuzzValues.text(d.r, 64, Units.CODE_POINTS, List.of("demo"));
        };
        Val username = switch (d.r.nextInt(6)) {
            case 0, 1 -> FuzzValues.str(pick(d.r, FuzzWorld.ROLES), "a username");
            case 2 -> FuzzValues.str(" ADMIN ", "a username in capitals");
            case 3 -> FuzzValues.str("former", "a deactivated user");
            case 4 -> FuzzValues.str("fuzz-" + d.r.nextInt(1_000_000), "an unknown username");
            default -> FuzzValues.text(d.r, 100, Units.CODE_POINTS, List.of("alex"));
        };
        Val password = switch (d.r.nextInt(5)) {
            case 0, 1 -> FuzzValues.str(RelayFixture.PASSWORD, "the right password");
            case 2 -> FuzzValues.str("wrong password", "a wrong password");
            default -> FuzzValues.text(d.r, 300, Units.CODE_POINTS, List.of("hunter2"));
        };
        optional(d, fields, "practice", practice, 0.95);
        optional(d, fields, "username", username, 0.95);
        optional(d, fields, "password", password, 0.95);
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        // Whose data may the answer show? Only the practice named, and only with the right credentials.
        String named = fields.stream().filter(f -> f[0].equals("practice")).map(f -> jsonText(f[1]).strip()).findFirst().orElse("");
        for (Practice q : world.practices) {
            if (q.slug.equalsIgnoreCase(named)) {
                d.caller = q.index;
            }
        }
        noAuthorization(d);
    }

    private void whoAmI(Draft d) {
        d.route = "GET /api/v1/session";
        d.method = "GET";
        d.path = "/api/v1/session";
        auth(d, pickPractice(d), true);
    }

    /** Signs out a spare token (never a role's own), or tries to with a bad one. */
    private void signOut(Draft d) {
        d.route = "DELETE /api/v1/session";
        d.method = "DELETE";
        d.path = "/api/v1/session";
        Practice p = pickPractice(d);
        if (d.r.nextInt(3) == 0 && !p.spareTokens.isEmpty()) {
            d.headers.add(Header.of("Authorization", "Bearer " + p.spareTokens.poll()));
            d.caller = p.index;
            d.what.add("a spare token of " + p.slug);
        } else {
            badAuthorization(d);
        }
    }

    private void events(Draft d) {
        d.route = "GET /api/v1/events";
        d.method = "GET";
        Random r = d.r;
        String wait = r.nextInt(10) < 6 ? null : pick(r, "0", "1", "30", "31", "99999999999999999999", "-1", "abc", "1.5", "", " 2 ", "%00", "1e3");
        boolean waits = wait != null && wait.strip().matches("[0-9]+") && !wait.strip().matches("0+");
        // A poll that waits is given a cursor that answers at once: the fuzz must not park for 30 s.
        String after = waits ? pick(r, "0", "", "-1", "abc", "9223372036854775808")
                : r.nextInt(10) < 4 ? "0" : pick(r, "-1", "1", Integer.toString(r.nextInt(300)), "9223372036854775807",
                        "9223372036854775808", "abc", "1.5", "", "%20", "%00", FuzzValues.pct("١"), "1e2", "0x1", "%E2%80%AE");
        String limit = r.nextInt(10) < 5 ? null : pick(r, "1", "1000", "1001", "0", "-5", "99999999999999999999", "abc", "1.0", "%00");
        StringBuilder query = new StringBuilder();
        if (after != null) {
            query.append("after=").append(after);
        }
        if (wait != null) {
            query.append(query.isEmpty() ? "" : "&").append("wait=").append(wait.replace(" ", "%20"));
        }
        if (limit != null) {
            query.append(query.isEmpty() ? "" : "&").append("limit=").append(limit);
        }
        if (r.nextInt(10) == 0 && !waits) {
            query.append("&after=").append(pick(r, "0", "5", "x")); // a repeated parameter
        }
        d.path = "/api/v1/events" + (query.isEmpty() ? "" : "?" + query);
        d.what.add("after=" + after + " wait=" + wait + " limit=" + limit);
        auth(d, pickPractice(d), true);
    }

    private void send(Draft d) {
        d.route = "POST /api/v1/messages";
        d.method = "POST";
        d.path = "/api/v1/messages";
        Practice p = pickPractice(d);
        Practice other = world.other(p);
        Random r = d.r;
        List<String[]> fields = new ArrayList<>();
        optional(d, fields, "clientId", clientId(d, 64), 0.95);
        int target = r.nextInt(20);
        if (target < 8 || target == 18) {
            fields.add(field(d, "conversationId", FuzzValues.id(r, p.conversations, other.conversations)));
        }
        if (target >= 8) {
            fields.add(field(d, "to", FuzzValues.phone(r, phonePool)));
        }
        if (r.nextInt(5) == 0) {
            Val from = switch (r.nextInt(4)) {
                case 0 -> FuzzValues.str(pick(r, p.numbers), "an own number");
                case 1 -> FuzzValues.str(pick(r, other.numbers), "another practice's number");
                default -> FuzzValues.text(r, 16, Units.CODE_POINTS, List.of("+15550100009"));
            };
            fields.add(field(d, "from", from));
        }
        optional(d, fields, "body", FuzzValues.text(r, 1600, Units.UTF16, BODIES), 0.9);
        optional(d, fields, "mediaUrls", FuzzValues.mediaUrls(r), 0.3);
        if (r.nextInt(8) == 0) {
            fields.add(field(d, "request", requestDraft(r)));
        }
        extraField(d, fields);
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        auth(d, p, false);
    }

    /** A request a message may carry (ADR 0024): each kind, whole or missing what it needs, and odd values. */
    private static Val requestDraft(Random r) {
        String kind = pick(r, "\"payment\"", "\"review\"", "\"forms\"", "\"treatment_plan\"", "\"PAYMENT\"", "\"\"", "null", "7", "{}");
        String amount = pick(r, "12050", "0", "-1", "99999999", "100000000", "1.5", "\"12\"", "null", "9223372036854775808");
        String description = pick(r, "\"Crown\"", "\"\"", "null", "\"" + "x".repeat(81) + "\"", "\"a\\u0000b\"", "[]");
        String forms = pick(r, "[1]", "[]", "[1,2,3,4,5,6,7,8,9,10,11]", "[-1]", "[\"x\"]", "null", "[null]");
        String document = pick(r, "null", "\"up_" + "A".repeat(32) + "\"", "\"x\"", "5");
        String repeat = pick(r, "true", "false", "null", "\"yes\"");
        return FuzzValues.Val.of("{\"kind\":" + kind + ",\"amountCents\":" + amount + ",\"description\":" + description + ",\"formIds\":" + forms
                + ",\"document\":" + document + ",\"repeatAllowed\":" + repeat + "}", "a request of kind " + kind);
    }

    /** Settings, requests and their actions (ADR 0024): own ids, another practice's, odd ones; and the request pages' own paths. */
    private void requests(Draft d) {
        Random r = d.r;
        Practice p = pickPractice(d);
        int kind = r.nextInt(9);
        List<String[]> fields = new ArrayList<>();
        Val id = FuzzValues.pathId(r, List.of(1L, 2L, 3L), List.of(4L, 5L));
        switch (kind) {
            case 0 -> {
                d.route = "GET /api/v1/settings";
                d.method = "GET";
                d.path = "/api/v1/settings";
            }
            case 1 -> {
                d.route = "PATCH /api/v1/settings";
                d.method = "PATCH";
                d.path = "/api/v1/settings";
                optional(d, fields, "displayName", FuzzValues.text(r, 60, Units.CODE_POINTS, List.of("Bright Smiles")), 0.4);
                optional(d, fields, "reviewUrl", FuzzValues.Val.of(pick(r, "\"https://g.page/r/x/review\"", "\"http://x\"", "\"javascript:alert(1)\"",
                        "\"\"", "null", "5"), "a review URL"), 0.4);
                optional(d, fields, "reviewRepeatDays", FuzzValues.Val.of(pick(r, "0", "182", "731", "-1", "\"x\"", "null"), "repeat days"), 0.3);
                optional(d, fields, "linkDays", FuzzValues.Val.of(pick(r, "{\"payment\":30,\"review\":30,\"forms\":7,\"treatmentPlan\":30,\"documents\":30}",
                        "{\"payment\":0,\"review\":30,\"forms\":7,\"treatmentPlan\":30,\"documents\":30}", "{}", "[]", "null"), "link days"), 0.3);
                optional(d, fields, "forms", FuzzValues.Val.of(pick(r, "[{\"name\":\"Intake\",\"url\":\"https://f.test/{patientId}\"}]",
                        "[{\"name\":\"\",\"url\":\"https://f.test\"}]", "[{\"name\":\"X\",\"url\":\"https://f.test/{evil}\"}]", "[null]",
                        "[{\"id\":999,\"name\":\"X\",\"url\":\"https://f.test\"}]", "{}"), "forms"), 0.3);
                optional(d, fields, "reviewLinks", FuzzValues.Val.of(pick(r, "[{\"inboxId\":1,\"url\":\"https://g.test\"}]", "[{\"inboxId\":-1}]",
                        "[null]", "[]"), "review links"), 0.2);
                optional(d, fields, "features", FuzzValues.Val.of(pick(r, "{\"attachments\":true,\"payments\":true,\"reviews\":true,\"forms\":true,"
                        + "\"treatmentPlans\":true}", "{\"payments\":false}", "{}", "true"), "features"), 0.3);
                extraField(d, fields);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            case 2 -> {
                d.route = "GET /api/v1/requests";
                d.method = "GET";
                d.path = "/api/v1/requests" + pick(r, "", "?open=true", "?open=maybe", "?conversationId=1", "?conversationId=x",
                        "?conversationId=99999999999999999999", "?open=false&conversationId=2");
            }
            case 3 -> {
                d.route = "GET /api/v1/requests/{id}";
                d.method = "GET";
                d.path = "/api/v1/requests/" + id.json();
                d.what.add("id: " + id.what());
            }
            default -> {
                String action = pick(r, "cancel", "resend", "mark-paid", "complete");
                d.route = "POST /api/v1/requests/{id}/" + action;
                d.method = "POST";
                d.path = "/api/v1/requests/" + id.json() + "/" + action;
                d.what.add("id: " + id.what());
                optional(d, fields, "clientId", clientId(d, 64), 0.6);
                optional(d, fields, "note", FuzzValues.text(r, 200, Units.CODE_POINTS, List.of("Paid at the desk")), 0.4);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
                if (action.equals("complete") && r.nextInt(3) == 0) {
                    Draft.header(d, "X-Api-Key", pick(r, "pt_" + "x".repeat(40), "", "x"), "a made-up API key");
                    d.what.add("as a form system");
                    return;
                }
            }
        }
        auth(d, p, kind < 4);
    }

    private void retry(Draft d) {
        Practice p = pickPractice(d);
        Practice other = world.other(p);
        Val id = FuzzValues.pathId(d.r, p.messages, other.messages);
        d.route = "POST /api/v1/messages/{id}/retry";
        d.method = "POST";
        d.path = "/api/v1/messages/" + id.json() + "/retry";
        d.what.add("id: " + id.what());
        List<String[]> fields = new ArrayList<>();
        optional(d, fields, "clientId", clientId(d, 64), 0.9);
        extraField(d, fields);
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        auth(d, p, false);
    }

    /**
     * The attachment routes: a message's file, its preview, another try (own messages, another
     * practice's, odd ids and positions), and the simulated carrier's media, which want its
     * account's Basic credentials and are never a desk's.
     */
    private void media(Draft d) {
        Random r = d.r;
        Practice p = pickPractice(d);
        int kind = r.nextInt(10);
        if (kind < 3) {
            upload(d, p);
            return;
        }
        if (kind < 5) {
            patientSide(d);
            return;
        }
        if (kind == 5) {
            d.route = "GET /simulator/twilio/2010-04-01/Accounts/{account}/Messages/{message}/Media/{media}";
            d.method = "GET";
            String account = pick(r, "AC" + "5".repeat(32), "AC" + "0".repeat(32), "x");
            d.path = "/simulator/twilio/2010-04-01/Accounts/" + account + "/Messages/MM" + "1".repeat(32) + "/Media/ME" + "2".repeat(32);
            d.what.add("the simulated carrier's media, account " + account);
            if (r.nextBoolean()) {
                Draft.header(d, "Authorization", pick(r, "Basic QUM1NTU1OmJhZA==", "Basic !!", "Bearer " + p.tokens.get("admin")), "odd credentials");
            }
            return;
        }
        Val id = FuzzValues.pathId(r, p.messages, world.other(p).messages);
        String position = pick(r, "0", "0", "1", "9", "10", "-1", "x", "01", "%30");
        String tail = pick(r, "", "/preview", "/retry");
        d.route = tail.equals("/retry") ? "POST /api/v1/messages/{id}/media/{position}/retry"
                : "GET /api/v1/messages/{id}/media/{position}" + tail;
        d.method = tail.equals("/retry") ? "POST" : "GET";
        d.path = "/api/v1/messages/" + id.json() + "/media/" + position + tail;
        d.what.add("id: " + id.what() + ", position " + position);
        auth(d, p, true);
    }

    /** {@code POST /api/v1/uploads}: small real files, files that are not what they say, odd types and names, no body. */
    private void upload(Draft d, Practice p) {
        Random r = d.r;
        d.route = "POST /api/v1/uploads";
        d.method = "POST";
        String name = pick(r, "card.png", "", "../../etc/passwd", "a\u0000b.pdf", "x".repeat(300), "名前.pdf", "%", "photo.jpg");
        d.path = "/api/v1/uploads" + (r.nextInt(5) == 0 ? "" : "?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = switch (r.nextInt(5)) {
            case 0 -> png;
            case 1 -> pdf;
            case 2 -> new byte[0];
            case 3 -> "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] noise = new byte[r.nextInt(2048)];
                r.nextBytes(noise);
                yield noise;
            }
        };
        String type = pick(r, "image/png", "application/pdf", "image/jpeg", "application/x-msdownload", "text/html", "image/png; charset=utf-8",
                "application/octet-stream", "nonsense");
        Draft.header(d, "Content-Type", type, "Content-Type " + type);
        d.what.add(body.length + " bytes named " + name.length() + " chars");
        d.body = body;
        auth(d, p, true);
    }

    /** What a patient and the carrier open: {@code /media/{token}} and {@code /l/{token}} with made-up tokens, forms and cookies. */
    private void patientSide(Draft d) {
        Random r = d.r;
        String token = pick(r, "A".repeat(43), "A".repeat(22), "x", "%00", "..", "A".repeat(200));
        switch (r.nextInt(7)) {
            case 0, 1 -> {
                d.method = r.nextBoolean() ? "GET" : "HEAD";
                d.route = d.method + " /media/{token}";
                d.path = "/media/" + token;
            }
            case 2 -> {
                d.route = "GET /l/{token}";
                d.method = "GET";
                d.path = "/l/" + token;
                if (r.nextBoolean()) {
                    Draft.header(d, "Cookie", "pt_link=" + pick(r, "A".repeat(32), "x", "'; DROP TABLE"), "a made-up link cookie");
                }
            }
            case 3 -> {
                d.route = "POST /l/{token}";
                d.method = "POST";
                d.path = "/l/" + token;
                Draft.header(d, "Content-Type", "application/x-www-form-urlencoded", "a form");
                d.body = ("dob=" + pick(r, "1984-03-07", "03/07/1984", "", "9999-99-99", "x".repeat(100), "%00")).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                d.route = "GET /l/{token}/files/{position}";
                d.method = "GET";
                d.path = "/l/" + token + "/files/" + pick(r, "0", "9", "-1", "x");
            }
            case 5 -> {
                boolean review = r.nextBoolean();
                d.method = r.nextBoolean() ? "GET" : "POST";
                d.route = d.method + (review ? " /simulator/review/{place}" : " /simulator/forms/{form}");
                d.path = (review ? "/simulator/review/" : "/simulator/forms/") + pick(r, "new-patient", "x", "%00", "a".repeat(300))
                        + pick(r, "", "?request=1", "?request=x", "?patient=%3Cb%3E");
                if (d.method.equals("POST")) {
                    Draft.header(d, "Content-Type", "application/x-www-form-urlencoded", "a form");
                    d.body = ("request=" + pick(r, "1", "99999999999999999999", "", "x", "%00")).getBytes(StandardCharsets.UTF_8);
                }
            }
            default -> {
                String page = pick(r, "go", "forms/{form}", "pay", "decision");
                d.method = page.equals("pay") || page.equals("decision") ? "POST" : "GET";
                d.route = d.method + " /l/{token}/" + page;
                d.path = "/l/" + token + "/" + page.replace("{form}", pick(r, "1", "0", "x", "99999999999"));
                if (d.method.equals("POST")) {
                    Draft.header(d, "Content-Type", "application/x-www-form-urlencoded", "a form");
                    d.body = ("decision=" + pick(r, "accept", "decline", "", "maybe", "%00")).getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        d.what.add("token of " + token.length() + " chars");
    }

    private void campaign(Draft d) {
        d.route = "POST /api/v1/campaign-messages";
        d.method = "POST";
        d.path = "/api/v1/campaign-messages";
        Practice p = pickPractice(d);
        Random r = d.r;
        switch (r.nextInt(10)) {
            case 0 -> d.what.add("no X-Api-Key");
            case 1 -> Draft.header(d, "X-Api-Key", "ptk_" + "A".repeat(43), "a forged API key");
            case 2 -> Draft.header(d, "X-Api-Key", "  " + p.apiKey + "  ", "an API key in spaces");
            case 3 -> Draft.header(d, "X-Api-Key", "", "an empty API key");
            default -> {
                Draft.header(d, "X-Api-Key", p.apiKey, "the API key of " + p.slug);
                d.caller = p.index;
            }
        }
        if (r.nextInt(4) == 0) {
            String key = pick(r, "idem-" + d.index, "idem-pool-" + r.nextInt(8), "x".repeat(48), "x".repeat(49), "a b", "ключ", "😀", "");
            Draft.header(d, "Idempotency-Key", key, "an Idempotency-Key of " + key.length() + " chars");
        }
        if (r.nextInt(10) == 0) {
            Draft.header(d, "Authorization", "Bearer " + pick(r, new ArrayList<>(world.other(p).tokens.values())), "another practice's bearer token too");
        }
        List<String[]> fields = new ArrayList<>();
        optional(d, fields, "campaign", FuzzValues.text(r, 100, Units.UTF16, CAMPAIGNS), 0.92);
        optional(d, fields, "to", FuzzValues.phone(r, phonePool), 0.92);
        optional(d, fields, "body", FuzzValues.text(r, 1600, Units.UTF16, BODIES), 0.9);
        optional(d, fields, "mediaUrls", FuzzValues.mediaUrls(r), 0.25);
        optional(d, fields, "clientId", clientId(d, 48), 0.5);
        extraField(d, fields);
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
    }

    private void simulator(Draft d) {
        d.route = "POST /api/v1/simulator/inbound";
        d.method = "POST";
        d.path = "/api/v1/simulator/inbound";
        Practice p = pickPractice(d);
        Random r = d.r;
        List<String[]> fields = new ArrayList<>();
        optional(d, fields, "from", FuzzValues.phone(r, phonePool), 0.95);
        optional(d, fields, "body", FuzzValues.text(r, 1600, Units.CODE_POINTS, BODIES), 0.92);
        if (r.nextInt(3) == 0) {
            Val to = switch (r.nextInt(4)) {
                case 0 -> FuzzValues.str(pick(r, p.numbers), "an own number");
                case 1 -> FuzzValues.str(pick(r, world.other(p).numbers), "another practice's number");
                case 2 -> FuzzValues.str(FuzzWorld.UNKNOWN_NUMBER, "nobody's number");
                default -> FuzzValues.text(r, 16, Units.CODE_POINTS, List.of("+1555"));
            };
            fields.add(field(d, "to", to));
        }
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        auth(d, p, false);
    }

    private void conversation(Draft d) {
        String action = pick(d.r, "close", "reopen", "read", "unread", "assign", "unassign", "move");
        Practice p = pickPractice(d);
        Practice other = world.other(p);
        Val id = FuzzValues.pathId(d.r, p.conversations, other.conversations);
        d.route = "POST /api/v1/conversations/{id}/" + action;
        d.method = "POST";
        d.path = "/api/v1/conversations/" + id.json() + "/" + action;
        d.what.add("id: " + id.what());
        List<String[]> fields = new ArrayList<>();
        if (action.equals("assign")) {
            List<Long> users = new ArrayList<>(p.users);
            users.add(p.inactiveUser);
            optional(d, fields, "userId", FuzzValues.id(d.r, users, other.users), 0.9);
        } else if (action.equals("move")) {
            optional(d, fields, "inboxId", FuzzValues.id(d.r, p.inboxes, other.inboxes), 0.9);
        }
        if (!fields.isEmpty() || d.r.nextInt(3) == 0) {
            jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        }
        auth(d, p, false);
    }

    private void createContact(Draft d) {
        d.route = "POST /api/v1/contacts";
        d.method = "POST";
        d.path = "/api/v1/contacts";
        Practice p = pickPractice(d);
        List<String[]> fields = new ArrayList<>();
        optional(d, fields, "phone", FuzzValues.phone(d.r, phonePool), 0.95);
        optional(d, fields, "name", FuzzValues.text(d.r, 200, Units.CODE_POINTS, NAMES), 0.8);
        optional(d, fields, "externalId", FuzzValues.text(d.r, 100, Units.CODE_POINTS, List.of("PMS-1042", "A-0001")), 0.6);
        extraField(d, fields);
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        auth(d, p, false);
    }

    private void patchContact(Draft d) {
        Practice p = pickPractice(d);
        Val id = FuzzValues.pathId(d.r, p.contacts, world.other(p).contacts);
        d.route = "PATCH /api/v1/contacts/{id}";
        d.method = "PATCH";
        d.path = "/api/v1/contacts/" + id.json();
        d.what.add("id: " + id.what());
        List<String[]> fields = new ArrayList<>();
        optional(d, fields, "phone", FuzzValues.phone(d.r, phonePool), 0.3);
        optional(d, fields, "name", FuzzValues.text(d.r, 200, Units.CODE_POINTS, NAMES), 0.6);
        optional(d, fields, "externalId", FuzzValues.text(d.r, 100, Units.CODE_POINTS, List.of("PMS-77")), 0.4);
        jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        auth(d, p, false);
    }

    private void contactAction(Draft d) {
        String action = pick(d.r, "convert", "block", "unblock", "opt-out", "opt-in");
        Practice p = pickPractice(d);
        Val id = FuzzValues.pathId(d.r, p.contacts, world.other(p).contacts);
        d.route = "POST /api/v1/contacts/{id}/" + action;
        d.method = "POST";
        d.path = "/api/v1/contacts/" + id.json() + "/" + action;
        d.what.add("id: " + id.what());
        if (action.equals("convert") && d.r.nextBoolean()) {
            List<String[]> fields = new ArrayList<>();
            optional(d, fields, "name", FuzzValues.text(d.r, 200, Units.CODE_POINTS, NAMES), 0.7);
            optional(d, fields, "externalId", FuzzValues.text(d.r, 100, Units.CODE_POINTS, List.of("PMS-9")), 0.5);
            jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        } else if (!action.equals("convert") && d.r.nextBoolean()) {
            List<String[]> fields = new ArrayList<>();
            optional(d, fields, "reason", FuzzValues.text(d.r, 200, Units.CODE_POINTS, List.of("Asked at the desk not to be texted")), 0.8);
            extraField(d, fields);
            jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        } else if (d.r.nextInt(4) == 0) {
            jsonBody(d, randomTopLevel(d.r));
        }
        auth(d, p, false);
    }

    /** The consent records (ADR 0025): the list with its range, contact and page, and the two CSV exports. */
    private void consent(Draft d) {
        Random r = d.r;
        Practice p = pickPractice(d);
        String query = pick(r, "", "?from=2026-01-01T00:00:00Z", "?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z",
                "?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "?from=yesterday", "?to=2026-13-01T00:00:00Z", "?from=2026-01-01",
                "?from=" + "9".repeat(60), "?contactId=" + pick(r, p.contacts), "?contactId=" + pick(r, world.other(p).contacts), "?contactId=x",
                "?contactId=0", "?after=1&limit=2", "?limit=0", "?limit=1001", "?limit=x", "?after=-1");
        String route = pick(r, "GET /api/v1/consent", "GET /api/v1/consent", "GET /api/v1/consent/export.csv", "GET /api/v1/consent/opted-out.csv");
        d.route = route;
        d.method = "GET";
        d.path = route.substring(4) + query;
        d.what.add("query: " + (query.isEmpty() ? "none" : query));
        auth(d, p, false);
    }

    private void importCsv(Draft d) {
        d.route = "POST /api/v1/contacts/import";
        d.method = "POST";
        d.path = pick(d.r, "/api/v1/contacts/import", "/api/v1/contacts/import", "/api/v1/contacts/import", "/api/v1/contacts/import/");
        Practice p = pickPractice(d);
        Random r = d.r;
        StringBuilder csv = new StringBuilder();
        String header = pick(r, "Name,Mobile", "First Name,Last Name,Cell Phone,Patient ID", "full_name,phone number,External ID,Email",
                "Phone,Phone Number", "Name,Email", "\uFEFFName,Mobile,Patient ID", "NAME;MOBILE", "\"Na\"\"me\",Mobile", "", "Mobile");
        csv.append(header).append(pick(r, "\n", "\r\n", "\r"));
        int rows = r.nextInt(20) == 0 ? 300 + r.nextInt(300) : r.nextInt(12);
        for (int i = 0; i < rows; i++) {
            String name = jsonText(FuzzValues.text(r, 200, Units.CODE_POINTS, NAMES).json());
            String phone = jsonText(FuzzValues.phone(r, phonePool).json());
            String external = jsonText(FuzzValues.text(r, 100, Units.CODE_POINTS, List.of("PMS-1")).json());
            csv.append(cell(r, name)).append(',').append(cell(r, phone));
            if (r.nextBoolean()) {
                csv.append(',').append(cell(r, external));
            }
            if (r.nextInt(15) == 0) {
                csv.append(",extra,values");
            }
            csv.append(pick(r, "\n", "\r\n"));
        }
        if (r.nextInt(15) == 0) {
            csv.append("\"never closed,+15553010001\n");
        }
        String charset = r.nextInt(4) != 0 ? null : pick(r, "utf-8", "\"UTF-8\"", "windows-1252", "utf-16", "UTF-32", "klingon", "", "x-unknown-9", "ISO-8859-1");
        String type = r.nextInt(8) != 0 ? "text/csv" : pick(r, "TEXT/CSV", "text/plain", "application/json", "multipart/form-data; boundary=b", "");
        byte[] bytes = encode(csv.toString(), charset);
        if (r.nextInt(60) == 0) {
            bytes = pad(bytes, 5 * 1024 * 1024 + 1); // one byte over the import's limit
            d.what.add("padded to 5 MiB + 1");
        }
        String contentType = type.isEmpty() ? null : charset == null ? type : type + "; charset=" + charset;
        if (contentType != null) {
            d.headers.add(Header.of("Content-Type", contentType));
        }
        d.what.add("content-type " + contentType);
        d.what.add("csv " + (header.isEmpty() ? "without a header" : "header of " + header.split("[,;]").length + " columns") + ", " + rows + " rows");
        body(d, mangle(d, bytes));
        auth(d, p, false);
    }

    private void inbox(Draft d) {
        Practice p = pickPractice(d);
        Practice other = world.other(p);
        int kind = d.r.nextInt(3);
        List<String[]> fields = new ArrayList<>();
        if (kind == 0) {
            d.route = "POST /api/v1/inboxes";
            d.method = "POST";
            d.path = "/api/v1/inboxes";
            optional(d, fields, "name", FuzzValues.text(d.r, 100, Units.CODE_POINTS, INBOX_NAMES), 0.93);
            jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        } else {
            Val id = FuzzValues.pathId(d.r, p.inboxes, other.inboxes);
            d.what.add("id: " + id.what());
            if (kind == 1) {
                d.route = "PATCH /api/v1/inboxes/{id}";
                d.method = "PATCH";
                d.path = "/api/v1/inboxes/" + id.json();
                optional(d, fields, "name", FuzzValues.text(d.r, 100, Units.CODE_POINTS, INBOX_NAMES), 0.93);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            } else {
                d.route = "DELETE /api/v1/inboxes/{id}";
                d.method = "DELETE";
                String moveTo = d.r.nextInt(5) == 0 ? "" : "?moveTo=" + FuzzValues.pathId(d.r, p.inboxes, other.inboxes).json();
                d.path = "/api/v1/inboxes/" + id.json() + moveTo;
                d.what.add("moveTo " + (moveTo.isEmpty() ? "absent" : "given"));
            }
        }
        auth(d, p, false);
    }

    private void template(Draft d) {
        Practice p = pickPractice(d);
        int kind = d.r.nextInt(3);
        List<String[]> fields = new ArrayList<>();
        if (kind == 0) {
            d.route = "POST /api/v1/templates";
            d.method = "POST";
            d.path = "/api/v1/templates";
        } else {
            Val id = FuzzValues.pathId(d.r, p.templates, world.other(p).templates);
            d.what.add("id: " + id.what());
            d.route = kind == 1 ? "PATCH /api/v1/templates/{id}" : "DELETE /api/v1/templates/{id}";
            d.method = kind == 1 ? "PATCH" : "DELETE";
            d.path = "/api/v1/templates/" + id.json();
        }
        if (kind < 2) {
            optional(d, fields, "name", FuzzValues.text(d.r, 100, Units.CODE_POINTS, List.of("Running late", "Hours", "Directions 🗺")), kind == 0 ? 0.93 : 0.6);
            optional(d, fields, "body", FuzzValues.text(d.r, 1600, Units.CODE_POINTS, BODIES), kind == 0 ? 0.93 : 0.6);
            jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
        }
        auth(d, p, false);
    }

    /**
     * Settings → Team, the caller's own password and the numbers. Changes aim only at members the
     * fuzz may spoil ({@link Practice#teamTargets}: never a role's own account, whose tokens the
     * rest of the run uses); the current password sent is never the right one, so no fuzzed
     * request ends a role's sessions.
     */
    private void team(Draft d) {
        Practice p = pickPractice(d);
        Random r = d.r;
        int kind = r.nextInt(7);
        List<String[]> fields = new ArrayList<>();
        switch (kind) {
            case 0 -> {
                d.route = "GET /api/v1/team";
                d.method = "GET";
                d.path = pick(r, "/api/v1/team", "/api/v1/team/", "/api/v1/team?x=%00");
            }
            case 1 -> {
                d.route = "GET /api/v1/numbers";
                d.method = "GET";
                d.path = "/api/v1/numbers";
            }
            case 2 -> {
                d.route = "POST /api/v1/team";
                d.method = "POST";
                d.path = "/api/v1/team";
                optional(d, fields, "username", r.nextBoolean() ? FuzzValues.str("fz" + d.index, "a fresh username")
                        : FuzzValues.text(r, 100, Units.CODE_POINTS, List.of("staff", "ADMIN", "a b", "x")), 0.93);
                optional(d, fields, "name", FuzzValues.text(r, 200, Units.CODE_POINTS, NAMES), 0.8);
                optional(d, fields, "role", FuzzValues.text(r, 20, Units.CODE_POINTS, List.of("staff", "viewer", "billing", "admin", "owner")), 0.93);
                optional(d, fields, "setup", FuzzValues.text(r, 20, Units.CODE_POINTS, List.of("password", "invite", "email")), 0.93);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            case 6 -> {
                d.route = "POST /api/v1/account/password";
                d.method = "POST";
                d.path = "/api/v1/account/password";
                optional(d, fields, "currentPassword", r.nextInt(3) == 0 ? FuzzValues.wrongType(r)
                        : FuzzValues.str(pick(r, "wrong password", "", " " + RelayFixture.PASSWORD, RelayFixture.PASSWORD.toUpperCase()), "a wrong password"), 0.9);
                optional(d, fields, "newPassword", FuzzValues.text(r, 128, Units.CODE_POINTS, List.of("short", "a much longer passphrase 42")), 0.9);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            default -> {
                Val id = FuzzValues.pathId(r, p.teamTargets, world.other(p).teamTargets);
                d.what.add("id: " + id.what());
                d.path = "/api/v1/team/" + id.json();
                if (kind == 3) {
                    d.route = "PATCH /api/v1/team/{id}";
                    d.method = "PATCH";
                    optional(d, fields, "role", FuzzValues.text(r, 20, Units.CODE_POINTS, List.of("staff", "viewer", "admin", "Billing")), 0.7);
                    optional(d, fields, "name", FuzzValues.text(r, 200, Units.CODE_POINTS, NAMES), 0.5);
                    jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
                } else {
                    boolean reset = kind == 4;
                    d.route = reset ? "POST /api/v1/team/{id}/password-reset" : "POST /api/v1/team/{id}/deactivate";
                    d.method = "POST";
                    d.path += reset ? "/password-reset" : "/deactivate";
                }
            }
        }
        auth(d, p, false);
    }

    // ---- callers, bodies, content types ----

    private Practice pickPractice(Draft d) {
        d.practice = world.practices.get(d.r.nextInt(2));
        return d.practice;
    }

    // ---- the operator API ----

    /**
     * One operator request. Its targets are chosen so the world the rest of the run relies on
     * stays as it was: users are deactivated or reset only when already inactive (or not in the
     * practice), numbers removed only when conversations hold them (409), keys revoked only by ids
     * that are not the practice's, and numbers added only from {@link #operatorNumbers}.
     */
    private void operator(Draft d) {
        Practice p = pickPractice(d);
        Practice other = world.other(p);
        Random r = d.r;
        String slug = switch (r.nextInt(12)) {
            case 0 -> "no-such-practice";
            case 1 -> p.slug.toUpperCase(java.util.Locale.ROOT);
            case 2 -> FuzzValues.pct(FuzzValues.EMOJI);
            case 3 -> "%00";
            case 4 -> "a".repeat(300);
            default -> p.slug;
        };
        d.what.add("slug " + (slug.equals(p.slug) ? p.slug : "odd"));
        String base = "/admin/v1/practices/" + slug;
        List<String[]> fields = new ArrayList<>();
        switch (r.nextInt(16)) {
            case 0 -> operatorRoute(d, "GET /admin/v1/practices", "/admin/v1/practices");
            case 14 -> {
                operatorRoute(d, "POST /admin/v1/practices/{slug}/links", base + "/links");
                if (!oneIn(r, 4)) {
                    optional(d, fields, "askBirthDate", oneIn(r, 4) ? FuzzValues.wrongType(r) : Val.of(pick(r, "true", "false"), "a boolean"), 0.7);
                    optional(d, fields, "days", oneIn(r, 3) ? FuzzValues.wrongType(r)
                            : Val.of(pick(r, "30", "1", "365", "0", "366", "-1", "99999999999"), "days"), 0.7);
                    jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
                }
            }
            case 1 -> {
                operatorRoute(d, "POST /admin/v1/practices", "/admin/v1/practices");
                optional(d, fields, "slug", !oneIn(r, 3) ? FuzzValues.str("fz-" + d.index, "a fresh slug")
                        : FuzzValues.text(r, 63, Units.CODE_POINTS, List.of(p.slug, "Smile Dental", "a-")), 0.95);
                optional(d, fields, "name", FuzzValues.text(r, 200, Units.CODE_POINTS, NAMES), 0.95);
                optional(d, fields, "region", FuzzValues.str(pick(r, "US", "us", "CA", "GB", "XX", "", "USA", "001"), "a region"), 0.5);
                optional(d, fields, "timeZone", FuzzValues.str(pick(r, "America/Chicago", "Europe/London", "Mars/Olympus", "", "UTC",
                        "GMT+25", "../../etc/passwd"), "a time zone"), 0.5);
                extraField(d, fields);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            case 2 -> operatorRoute(d, "GET /admin/v1/practices/{slug}", base);
            case 3 -> operatorRoute(d, "GET /admin/v1/practices/{slug}/numbers", base + "/numbers");
            case 4 -> {
                operatorRoute(d, "POST /admin/v1/practices/{slug}/numbers", base + "/numbers");
                optional(d, fields, "number", oneIn(r, 2) ? FuzzValues.str(pick(r, operatorNumbers), "a fresh number")
                        : r.nextBoolean() ? FuzzValues.str(pick(r, other.numbers), "another practice's number")
                        : FuzzValues.phone(r, operatorNumbers), 0.95);
                optional(d, fields, "inbox", FuzzValues.text(r, 100, Units.CODE_POINTS, INBOX_NAMES), 0.4);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            case 5 -> operatorRoute(d, "DELETE /admin/v1/practices/{slug}/numbers/{id}",
                    base + "/numbers/" + pathIdOf(d, p.numberIds, other.numberIds));
            case 6 -> operatorRoute(d, "GET /admin/v1/practices/{slug}/users", base + "/users");
            case 7 -> {
                operatorRoute(d, "POST /admin/v1/practices/{slug}/users", base + "/users");
                optional(d, fields, "username", oneIn(r, 2) ? FuzzValues.str("fz" + d.index, "a fresh username")
                        : FuzzValues.text(r, 100, Units.CODE_POINTS, FuzzWorld.ROLES), 0.95);
                optional(d, fields, "name", FuzzValues.text(r, 200, Units.CODE_POINTS, NAMES), 0.7);
                optional(d, fields, "role", r.nextInt(5) == 0 ? FuzzValues.wrongType(r)
                        : FuzzValues.str(pick(r, "admin", "staff", "viewer", "billing", "owner", "", "ADMIN"), "a role"), 0.95);
                optional(d, fields, "password", FuzzValues.text(r, 300, Units.CODE_POINTS, List.of(RelayFixture.PASSWORD, "short")), 0.5);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            case 8 -> operatorRoute(d, "POST /admin/v1/practices/{slug}/users/{id}/deactivate",
                    base + "/users/" + sparing(pathIdOf(d, List.of(p.inactiveUser), other.users), p.users, p.inactiveUser) + "/deactivate");
            case 9 -> {
                operatorRoute(d, "POST /admin/v1/practices/{slug}/users/{id}/password",
                        base + "/users/" + sparing(pathIdOf(d, List.of(p.inactiveUser), other.users), p.users, p.inactiveUser) + "/password");
                if (r.nextBoolean()) {
                    optional(d, fields, "password", FuzzValues.text(r, 300, Units.CODE_POINTS, List.of(RelayFixture.PASSWORD)), 0.8);
                    jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
                }
            }
            case 10 -> operatorRoute(d, "GET /admin/v1/practices/{slug}/api-keys", base + "/api-keys");
            case 11 -> {
                operatorRoute(d, "POST /admin/v1/practices/{slug}/api-keys", base + "/api-keys");
                optional(d, fields, "name", FuzzValues.text(r, 100, Units.CODE_POINTS, CAMPAIGNS), 0.95);
                jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
            }
            case 12 -> operatorRoute(d, "GET /admin/v1/backups", "/admin/v1/backups");
            case 13 -> {
                operatorRoute(d, "POST /admin/v1/backups", "/admin/v1/backups");
                if (!oneIn(r, 4)) {
                    optional(d, fields, "name", oneIn(r, 2) ? FuzzValues.str("fz-" + d.index + ".zip", "a fresh backup name")
                            : FuzzValues.text(r, 120, Units.CODE_POINTS, List.of("../escape.zip", "/etc/passwd", "a b.zip", "x.zip", ".zip", "x.tar")), 0.9);
                    jsonBody(d, maybeTopLevel(d, FuzzValues.object(fields)));
                }
            }
            default -> operatorRoute(d, "DELETE /admin/v1/practices/{slug}/api-keys/{id}",
                    base + "/api-keys/" + sparing(pathIdOf(d, List.of(), List.of(other.apiKeyId)), List.of(p.apiKeyId), other.apiKeyId));
        }
        operatorAuth(d);
    }

    private static boolean oneIn(Random r, int outOf) {
        return r.nextInt(outOf) == 0;
    }

    private static void operatorRoute(Draft d, String route, String path) {
        d.route = route;
        d.method = route.substring(0, route.indexOf(' '));
        d.path = path;
    }

    /**
     * {@code id}, unless it names one of {@code spared} however it is spelled ("01", "+1", " 1"
     * all parse to 1): then {@code instead}, so the run's own users and key stay usable.
     */
    private static String sparing(String id, List<Long> spared, long instead) {
        try {
            long value = Long.parseLong(AnswerChecks.lenientDecode(id).strip());
            if (spared.contains(value) && value != instead) {
                return Long.toString(instead);
            }
        } catch (NumberFormatException e) {
            // not a number: it cannot name anything
        }
        return id;
    }

    private static String pathIdOf(Draft d, List<Long> own, List<Long> other) {
        Val id = FuzzValues.pathId(d.r, own, other);
        d.what.add("id: " + id.what());
        return id.json();
    }

    /** Usually the operator token; else none, a wrong one, its prefix, or a desk's own sign-in, which must never open this API. */
    private void operatorAuth(Draft d) {
        Random r = d.r;
        if (d.focused || r.nextInt(100) < 70) {
            d.headers.add(Header.of("Authorization", (r.nextInt(20) == 0 ? "bearer " : "Bearer ") + FuzzWorld.OPERATOR_TOKEN));
            d.caller = FuzzRequest.OPERATOR;
            d.what.add("as the operator");
            return;
        }
        switch (r.nextInt(5)) {
            case 0 -> Draft.header(d, "Authorization", "Bearer " + FuzzWorld.OPERATOR_TOKEN.substring(0, 31), "the operator token's prefix");
            case 1 -> Draft.header(d, "Authorization", "Bearer " + FuzzWorld.OPERATOR_TOKEN + "x", "the operator token and a byte more");
            case 2 -> Draft.header(d, "Authorization", "Bearer " + pickPractice(d).tokens.get("admin"), "a practice admin's sign-in");
            case 3 -> Draft.header(d, "X-Api-Key", pickPractice(d).apiKey, "a practice's API key");
            default -> badAuthorization(d);
        }
    }

    /**
     * The caller: usually a role's token of {@code p}; sometimes none, a revoked, forged or
     * malformed one, or another practice's. {@code anyRole} callers are never told "forbidden".
     */
    private void auth(Draft d, Practice p, boolean anyRole) {
        Random r = d.r;
        String role = d.focused ? (r.nextInt(5) == 0 ? "staff" : "admin") : pick(r, FuzzWorld.ROLES);
        if (d.focused || r.nextInt(100) < 82) {
            d.headers.add(Header.of("Authorization", (r.nextInt(20) == 0 ? "bearer " : "Bearer ") + p.tokens.get(role)));
            d.caller = p.index;
            d.what.add("as " + role + " of " + p.slug);
            return;
        }
        if (r.nextInt(4) == 0) {
            Practice other = world.other(p);
            d.headers.add(Header.of("Authorization", "Bearer " + other.tokens.get(role)));
            d.caller = other.index;
            d.what.add("as " + role + " of " + other.slug);
            return;
        }
        badAuthorization(d);
    }

    private void badAuthorization(Draft d) {
        Random r = d.r;
        switch (r.nextInt(10)) {
            case 0 -> d.what.add("no Authorization");
            case 1 -> Draft.header(d, "Authorization", "Bearer " + world.revokedToken, "a revoked token");
            case 2 -> Draft.header(d, "Authorization", "Bearer pt_" + "A".repeat(43), "a forged token");
            case 3 -> Draft.header(d, "Authorization", "Bearer", "Bearer without a token");
            case 4 -> Draft.header(d, "Authorization", "Bearer ", "Bearer and a space");
            case 5 -> Draft.header(d, "Authorization", "Basic YWRtaW46cGFzc3dvcmQ=", "Basic credentials");
            case 6 -> Draft.header(d, "Authorization", "Bearer " + "x".repeat(6_000), "a 6000-character token");
            case 7 -> {
                d.headers.add(new Header("Authorization", ("Bearer pt_\u00e9\u00ff" + FuzzValues.EMOJI).getBytes(StandardCharsets.UTF_8)));
                d.what.add("a token with raw UTF-8 bytes");
            }
            case 8 -> Draft.header(d, "Authorization", "Bearer pt_" + "A".repeat(43) + "' OR '1'='1", "an injection in the token");
            default -> Draft.header(d, "Authorization", "Bearer %00", "a token of %00");
        }
    }

    private void noAuthorization(Draft d) {
        if (d.r.nextInt(10) == 0) {
            Draft.header(d, "Authorization", "Bearer " + world.revokedToken, "a revoked token too");
        }
    }

    /** A JSON body with the content type and transfer of this request, sometimes mangled. */
    private void jsonBody(Draft d, String json) {
        Random r = d.r;
        if (d.focused) {
            d.headers.add(Header.of("Content-Type", "application/json"));
            body(d, json.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String type = switch (r.nextInt(40)) {
            case 0 -> "application/json; charset=klingon";
            case 1 -> "application/json; charset=utf-16";
            case 2 -> "text/plain";
            case 3 -> "multipart/form-data; boundary=fuzzboundary";
            case 4 -> "application/x-www-form-urlencoded";
            case 5 -> null;
            case 6 -> "";
            case 7 -> "application/json;charset=";
            case 8 -> "application/json; charset=\"UTF-8\"";
            case 9 -> "*/*";
            case 10 -> "application/merge-patch+json";
            case 11 -> "application/json; charset=utf-8; boundary=x; q=0.5";
            case 12 -> "text/html; charset=x-klingon-unknown";
            default -> r.nextBoolean() ? "application/json" : "application/json; charset=utf-8";
        };
        if (type != null) {
            d.headers.add(Header.of("Content-Type", type));
        }
        if (type == null || !type.equals("application/json") && !type.equals("application/json; charset=utf-8")) {
            d.what.add("content-type " + type);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (type != null && type.startsWith("multipart") && r.nextBoolean()) {
            bytes = FuzzWebhooks.multipart(Map.of("json", List.of(json)), "fuzzboundary");
            d.what.add("a real multipart body");
        }
        body(d, mangle(d, bytes));
    }

    private void body(Draft d, byte[] bytes) {
        if (d.r.nextInt(100) == 0 && bytes.length < 256 * 1024) {
            // Trailing spaces keep the JSON as it was: just under the API's 256 KiB, or one byte over.
            int size = 256 * 1024 + (d.r.nextBoolean() ? 1 : -1);
            byte[] padded = java.util.Arrays.copyOf(bytes, size);
            java.util.Arrays.fill(padded, bytes.length, size, (byte) ' ');
            bytes = padded;
            d.what.add("padded with spaces to " + size + " bytes");
        }
        d.body = bytes;
        if (d.r.nextInt(7) == 0) {
            d.transfer = Transfer.chunked(Draft.pieces(d.r, bytes.length));
            d.what.add("chunked");
        }
        if (d.r.nextInt(40) == 0) {
            d.headers.add(Header.of(pick(d.r, "Accept", "Accept-Charset", "X-Forwarded-For", "Content-Encoding", "Expect"),
                    pick(d.r, "text/html", "klingon", "not-an-address, 999.1.1.1", "gzip", "100-continue")));
            d.what.add("an odd extra header");
        }
    }

    /** Byte-level damage: invalid UTF-8, a BOM, another encoding, a cut, trailing garbage. */
    private byte[] mangle(Draft d, byte[] bytes) {
        Random r = d.r;
        if (r.nextInt(10) != 0 || bytes.length == 0) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (r.nextInt(8)) {
            case 0 -> {
                int at = r.nextInt(bytes.length);
                out.write(bytes, 0, at);
                byte[] bad = pick(r, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
                out.writeBytes(bad);
                out.write(bytes, at, bytes.length - at);
                d.what.add("invalid UTF-8 bytes inside");
            }
            case 1 -> {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(bytes);
                d.what.add("a UTF-8 byte-order mark");
            }
            case 2 -> {
                out.writeBytes(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
                d.what.add("encoded as UTF-16");
            }
            case 3 -> {
                out.writeBytes(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
                d.what.add("encoded as Latin-1");
            }
            case 4 -> {
                out.write(bytes, 0, r.nextInt(bytes.length));
                d.what.add("cut short");
            }
            case 5 -> {
                out.writeBytes(bytes);
                out.writeBytes(pick(r, "}", "garbage", ",", "\u0000", "]]]").getBytes(StandardCharsets.UTF_8));
                d.what.add("trailing garbage");
            }
            case 6 -> {
                out.writeBytes(bytes);
                out.writeBytes(new byte[] {0, 0, 0});
                d.what.add("trailing NUL bytes");
            }
            default -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                out.writeBytes((text.startsWith("{") ? "{\"clientId\":\"dup\"," + text.substring(1) : text).getBytes(StandardCharsets.UTF_8));
                d.what.add("a duplicated key");
            }
        }
        return out.toByteArray();
    }

    /** Usually the object given; sometimes a different top level (null, array, scalar, deep nesting, broken JSON). */
    private String maybeTopLevel(Draft d, String object) {
        if (d.focused || d.r.nextInt(12) != 0) {
            return object;
        }
        String top = randomTopLevel(d.r);
        d.what.add("top level replaced");
        return top;
    }

    private static String randomTopLevel(Random r) {
        return pick(r, "null", "", "   ", "[]", "[null]", "[{}]", "\"a string\"", "42", "-1", "true", "{}", "{\"a\":[null,null]}",
                FuzzValues.nested(2_000, true), FuzzValues.nested(100_000, true), FuzzValues.nested(600, false), "{\"a\":", "{'a':1}",
                "{\"a\":NaN}", "{\"a\":1,}", "/* c */ {}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "\u0000", "{\"a\":1}{\"b\":2}",
                "{\"" + "k".repeat(70_000) + "\":1}", "{\"a\":" + "9".repeat(100_000) + "}", "{\"a\":1e999999}");
    }

    private void optional(Draft d, List<String[]> fields, String name, Val value, double presence) {
        if (d.r.nextDouble() < (d.focused ? Math.max(presence, 0.97) : presence)) {
            fields.add(field(d, name, value));
        } else {
            d.what.add(name + ": absent");
        }
    }

    /** The field as generated; in a focused request most fields are made valid, so the odd one reaches deep code. */
    private String[] field(Draft d, String name, Val value) {
        Val used = d.focused && d.r.nextInt(4) != 0 ? valid(d, name) : value;
        d.what.add(name + ": " + used.what());
        return new String[] {name, used.json()};
    }

    /** A value the route accepts for the field (unique where names must be). */
    private Val valid(Draft d, String name) {
        Practice p = d.practice == null ? world.practices.getFirst() : d.practice;
        Random r = d.r;
        boolean named = d.route.contains("/inboxes") || d.route.contains("/templates");
        return switch (name) {
            case "clientId" -> FuzzValues.str("fz-" + Long.toHexString(seed & 0xffffff) + "-" + d.index, "a fresh client id");
            case "conversationId" -> Val.of(Long.toString(pick(r, p.conversations)), "own id");
            case "to", "phone" -> d.route.contains("simulator") ? FuzzValues.str(pick(r, p.numbers), "an own number")
                    : FuzzValues.str(pick(r, phonePool), "an E.164 number");
            case "from" -> d.route.contains("simulator") ? FuzzValues.str(pick(r, phonePool), "an E.164 number")
                    : FuzzValues.str(p.numbers.getFirst(), "an own number");
            case "body" -> FuzzValues.str(pick(r, BODIES), "typical text");
            case "mediaUrls" -> Val.of("[\"https://media.example.test/p/" + r.nextInt(100) + ".jpg\"]", "1 media [a URL]");
            case "campaign" -> FuzzValues.str(pick(r, CAMPAIGNS), "typical text");
            case "name" -> named ? FuzzValues.str(pick(r, INBOX_NAMES) + " " + d.index, "a fresh name") : FuzzValues.str(pick(r, NAMES), "typical text");
            case "externalId" -> FuzzValues.str("PMS-" + d.index, "typical text");
            case "userId" -> Val.of(Long.toString(pick(r, p.users)), "own id");
            case "inboxId" -> Val.of(Long.toString(pick(r, p.inboxes)), "own id");
            case "practice" -> FuzzValues.str(p.slug, "a practice's slug");
            case "username" -> d.route.contains("/team") ? FuzzValues.str("fzv" + d.index, "a fresh username")
                    : FuzzValues.str(pick(r, FuzzWorld.ROLES), "a username");
            case "password" -> FuzzValues.str(RelayFixture.PASSWORD, "the right password");
            case "currentPassword" -> FuzzValues.str("not the password", "a wrong current password");
            case "newPassword" -> FuzzValues.str("a much longer passphrase 42", "a strong password");
            case "role" -> FuzzValues.str(pick(r, "staff", "viewer", "billing"), "a role");
            case "setup" -> FuzzValues.str(pick(r, "password", "invite"), "a setup kind");
            case "slug" -> FuzzValues.str("fz-" + d.index, "a fresh slug");
            case "region" -> FuzzValues.str("US", "a region");
            case "timeZone" -> FuzzValues.str("America/Chicago", "a time zone");
            case "number" -> FuzzValues.str(pick(r, operatorNumbers), "a fresh number");
            case "inbox" -> FuzzValues.str(pick(r, INBOX_NAMES), "an inbox name");
            default -> FuzzValues.str("x", "typical text");
        };
    }

    private static void extraField(Draft d, List<String[]> fields) {
        if (d.r.nextInt(10) == 0) {
            fields.add(new String[] {pick(d.r, "unknownField", "id", "practiceId", "__proto__", ""), pick(d.r, "1", "null", "{\"practiceId\":2}", "\"x\"")});
            d.what.add("an unknown field");
        }
    }

    private Val clientId(Draft d, int max) {
        Random r = d.r;
        int pick = r.nextInt(20);
        if (pick < 14) {
            return FuzzValues.str("fz-" + Long.toHexString(seed & 0xffffff) + "-" + d.index, "a fresh client id");
        }
        if (pick < 16) {
            return FuzzValues.str("fz-pool-" + r.nextInt(10), "a client id used before");
        }
        return switch (r.nextInt(8)) {
            case 0 -> FuzzValues.str("c".repeat(max), max + " characters");
            case 1 -> FuzzValues.str("c".repeat(max + 1), (max + 1) + " characters");
            case 2 -> FuzzValues.str("a b", "a space");
            case 3 -> FuzzValues.str("ä-ü", "non-ASCII letters");
            case 4 -> FuzzValues.str(FuzzValues.EMOJI, "an emoji");
            case 5 -> FuzzValues.str("", "empty");
            default -> FuzzValues.wrongType(r);
        };
    }

    // ---- encodings ----

    private static byte[] encode(String text, String charset) {
        if (charset == null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return text.getBytes(Charset.forName(charset.replace("\"", "")));
        } catch (RuntimeException e) {
            return text.getBytes(StandardCharsets.UTF_8); // an unknown charset: the bytes are UTF-8 anyway
        }
    }

    private static byte[] pad(byte[] csv, int size) {
        byte[] out = java.util.Arrays.copyOf(csv, Math.max(size, csv.length));
        java.util.Arrays.fill(out, csv.length, out.length, (byte) '\n');
        return out;
    }

    /** A CSV cell: plain, quoted (with doubled quotes), or broken. */
    private static String cell(Random r, String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r") || r.nextInt(5) == 0) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** The text of a JSON string literal made by {@link FuzzValues#quote}; a non-string's JSON text as is. */
    private static String jsonText(String json) {
        if (json.length() < 2 || json.charAt(0) != '"') {
            return json;
        }
        try {
            return org.practicetext.protocol.Json.mapper().readValue(json, String.class);
        } catch (java.io.IOException e) {
            return json;
        }
    }
}
