// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.practicetext.relay.admin.AdminCommands;
import org.practicetext.relay.admin.Administration;
import org.practicetext.relay.admin.DirectAdministration;
import org.practicetext.relay.admin.OperatorAudit;
import org.practicetext.relay.auth.PasswordHasher;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.FeedHub;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.FeedLog;
import org.practicetext.relay.tenancy.Tenancy;

/**
 * The relay jar's command line:
 * <pre>
 * serve | demo
 * practice|number|user|apikey|backup|feed … (see {@link AdminCommands}: online through PT_ADMIN_URL, or on the database)
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
                case "practice", "number", "user", "apikey", "backup", "feed" -> {
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
            boolean created = new DemoPractice(server.database(), server.feed(), server.tenancy(), Clock.systemUTC(), server.requests()).seedOnce();
            out.println(created ? "Seeded the demo practice." : "The demo practice is already there.");
            out.print(DemoPractice.signInHelp(server.port()));
        }
        out.println("PracticeText relay on port " + server.port() + " (carrier: " + config.carrier() + ")");
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static int admin(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new AdminCommands(env, System.in, out, err, () -> openDirectly(env)).run(args);
    }

    /** The database as the relay would open it, for a command run while no relay holds it. */
    private static AdminCommands.DirectSession openDirectly(Map<String, String> env) {
        Map<String, String> adminEnv = new HashMap<>(env);
        adminEnv.put("PT_CARRIER", "simulated"); // admin commands only touch the database; no carrier settings needed
        adminEnv.remove("PT_OPERATOR_TOKEN"); // not needed to act on the database, so not checked either
        RelayConfig config = RelayConfig.fromEnvironment(adminEnv);
        Database db = new Database(config.dbUrl(), config.dbUser(), config.dbPassword());
        Clock clock = Clock.systemUTC();
        ChangeFeed feed = new ChangeFeed(new FeedHub());
        PasswordHasher hasher = new PasswordHasher();
        // No relay runs, so no long-poll is parked on a session that a change ends.
        Administration admin = new DirectAdministration(db, new Tenancy(db, feed, hasher, clock), clock, OperatorAudit.direct(),
                config.operations().backupFolder());
        return new AdminCommands.DirectSession() {
            @Override
            public Administration administration() {
                return admin;
            }

            @Override
            public int renewFeedIds() {
                return db.inTransaction(tx -> new FeedLog().renewFeedIds(tx));
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    static String usage() {
        return """
                usage: java -jar practicetext-relay.jar COMMAND
                  serve                                   run the relay (configured by PT_* environment variables)
                  demo                                    run with the simulated carrier and the demo practice
                """ + AdminCommands.usage();
    }
}
