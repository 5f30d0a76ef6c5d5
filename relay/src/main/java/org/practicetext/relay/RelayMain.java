// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.practicetext.core.Role;
import org.practicetext.relay.demo.DemoPractice;

/**
 * The relay jar's command line:
 * <pre>
 * serve | demo
 * practice create --slug SLUG --name NAME [--region US] [--timezone ZONE]
 * number add --practice SLUG --number E164 [--inbox NAME]
 * user create --practice SLUG --username U --name NAME --role admin|staff|viewer|billing --password-stdin
 * apikey create --practice SLUG --name NAME
 * </pre>
 */
public final class RelayMain {
    private RelayMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command; returns the process exit code ({@code serve} and {@code demo} block). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        try {
            switch (args[0]) {
                case "serve" -> serve(RelayConfig.fromEnvironment(env), false, out);
                case "demo" -> {
                    Map<String, String> demoEnv = new HashMap<>(env);
                    demoEnv.put("PT_CARRIER", "simulated");
                    serve(RelayConfig.fromEnvironment(demoEnv), true, out);
                }
                case "practice", "number", "user", "apikey" -> {
                    return admin(args, env, out, err);
                }
                default -> {
                    err.println("Unknown command: " + args[0]);
                    err.println(usage());
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void serve(RelayConfig config, boolean demo, PrintStream out) throws InterruptedException {
        RelayServer server = new RelayServer(config, Clock.systemUTC()).start();
        Runtime.getRuntime().addShutdownHook(new java.lang.Thread(server::close, "relay-shutdown"));
        if (demo) {
            boolean created = new DemoPractice(server.database(), server.feed(), server.tenancy(), Clock.systemUTC()).seedOnce();
            out.println(created ? "Seeded the demo practice." : "The demo practice is already there.");
            out.print(DemoPractice.signInHelp(server.port()));
        }
        out.println("PracticeText relay on port " + server.port() + " (carrier: " + config.carrier() + ")");
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static int admin(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (args.length < 2) {
            err.println(usage());
            return 2;
        }
        Map<String, String> options = options(args);
        Map<String, String> adminEnv = new HashMap<>(env);
        adminEnv.put("PT_CARRIER", "simulated"); // admin commands only touch the database; no carrier settings needed
        RelayConfig config = RelayConfig.fromEnvironment(adminEnv);
        org.practicetext.relay.store.Database opened;
        try {
            opened = new org.practicetext.relay.store.Database(config.dbUrl(), config.dbUser(), config.dbPassword());
        } catch (RuntimeException e) {
            err.println("error: cannot open the relay's database (" + rootMessage(e) + ").");
            err.println("If a relay is running on this H2 file, stop it first; H2 files are opened by one process at a time.");
            return 1;
        }
        try (var db = opened) {
            var feed = new org.practicetext.relay.feed.ChangeFeed(new org.practicetext.relay.feed.FeedHub());
            var tenancy = new org.practicetext.relay.tenancy.Tenancy(db, feed, new org.practicetext.relay.auth.PasswordHasher(), Clock.systemUTC());
            String command = args[0] + " " + args[1];
            switch (command) {
                case "practice create" -> {
                    var p = tenancy.createPractice(need(options, "slug"), need(options, "name"), options.get("region"), options.get("timezone"));
                    out.println("Created practice " + p.slug() + " (" + p.name() + ", region " + p.region() + ", " + p.timeZone() + ") with inbox Front Desk.");
                }
                case "number add" -> {
                    var n = tenancy.addNumber(need(options, "practice"), need(options, "number"), options.get("inbox"));
                    out.println("Added " + n.phone() + " to " + options.get("practice") + ".");
                }
                case "user create" -> {
                    if (!options.containsKey("password-stdin")) {
                        throw new IllegalArgumentException("Give the password on standard input with --password-stdin.");
                    }
                    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    Role role = Role.fromWire(need(options, "role")).orElseThrow(() -> new IllegalArgumentException("--role must be admin, staff, viewer or billing."));
                    var u = tenancy.createUser(need(options, "practice"), need(options, "username"), options.get("name"), role, password);
                    out.println("Created " + role.wire() + " " + u.username() + " (" + u.name() + ") in " + options.get("practice") + ".");
                }
                case "apikey create" -> {
                    String key = tenancy.createApiKey(need(options, "practice"), need(options, "name"));
                    out.println("API key for " + options.get("name") + " (shown only once):");
                    out.println(key);
                }
                default -> {
                    err.println("Unknown command: " + command);
                    err.println(usage());
                    return 2;
                }
            }
        }
        return 0;
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

    static String usage() {
        return """
                usage: java -jar practicetext-relay.jar COMMAND
                  serve                                   run the relay (configured by PT_* environment variables)
                  demo                                    run with the simulated carrier and the demo practice
                  practice create --slug SLUG --name NAME [--region US] [--timezone ZONE]
                  number add --practice SLUG --number E164 [--inbox NAME]
                  user create --practice SLUG --username U --name NAME --role admin|staff|viewer|billing --password-stdin
                  apikey create --practice SLUG --name NAME""";
    }
}
