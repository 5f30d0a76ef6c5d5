// SPDX-License-Identifier: Apache-2.0
package org.practicetext.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DataFolders;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.EarlyStart;
import org.practicetext.desktop.sync.ConnectionState;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.shell.ClientSource;
import org.practicetext.desktop.ui.shell.DesktopApp;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.sms.ListSnapshot;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RestartableRelay;

/**
 * Desktop start-up: milliseconds from process start to the first pulse that lays out the SMS
 * list, resuming an account whose cache holds 20,000 conversations (the relay is not running, so
 * nothing comes from the network — the cache alone paints the list). It takes Main's path: the
 * cache opens while the toolkit starts, then the real window resumes the account. Compare with
 * {@link EmptyWindowStartup} on the same machine. See docs/BENCHMARKS.md, "Desktop start-up".
 *
 * <pre>
 * prepare DIR [N]   a relay, N conversations through the signed webhook, one client synced into DIR
 * measure DIR       one start-up, printed as "first-paint-ms &lt;millis&gt; sms-list-ms &lt;millis&gt; listed &lt;rows&gt; rss-mib &lt;resident&gt; heap-mib &lt;used&gt;"
 *                   ({@code -Dbench.holdSeconds=30}: the memory again after 30 s; see {@link ProcessMemory})
 * </pre>
 */
public final class DesktopStartupBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        if (args[0].equals("prepare")) {
            prepare(dir, args.length > 2 ? Integer.parseInt(args[2]) : 20_000);
        } else {
            measure(dir);
        }
    }

    static void prepare(Path dir, int conversations) throws Exception {
        try (RestartableRelay relays = RestartableRelay.start(dir.resolve("relay"))) {
            RelayFixture relay = relays.fixture();
            RelayFixture.TestPractice practice = relay.newPractice();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < conversations; i++) {
                String from = String.format("+1312%07d", 2_000_000 + i);
                String body = "Hello from patient " + i + ", can I book a cleaning next week?";
                sent.add(senders.submit(() -> {
                    HttpResponse<String> r = relay.webhook("/twilio/sms", RelayFixture.inbound(RelayFixture.newSid(), from, practice.number(), body));
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            senders.shutdown();
            System.out.printf("relay: %,d conversations in %.1f s%n", conversations, (System.nanoTime() - started) / 1e9);
            Account account = new Account(URI.create(relay.uri("")), practice.slug(), "staff");
            started = System.nanoTime();
            try (DesktopClient client = DesktopClients.signIn(account, RelayFixture.PASSWORD.toCharArray(), dir.resolve("desktop"), Clock.systemUTC())) {
                ConversationFilter all = ConversationFilter.defaults().withStatus(ConversationFilter.Status.ALL);
                while (client.session().connection().kind() != ConnectionState.Kind.ONLINE || client.conversations().conversations(all, conversations + 10).size() < conversations) {
                    Thread.sleep(200);
                }
                System.out.printf("desktop: synced %,d conversations in %.1f s%n", conversations, (System.nanoTime() - started) / 1e9);
            }
            new RememberedAccount(dir.resolve("desktop/account.properties")).save(account);
        }
    }

    static void measure(Path dir) throws Exception {
        Path dataRoot = dir.resolve("desktop");
        Account account = new RememberedAccount(dataRoot.resolve("account.properties")).load().orElseThrow();
        // As Main does: with a snapshot to paint, only its key is read while the toolkit starts; else the cache opens meanwhile.
        boolean snapshot = Files.isRegularFile(DataFolders.cacheFolder(dataRoot, account).resolve(ListSnapshot.FILE));
        var earlyKey = snapshot ? EarlyStart.snapshotKey(() -> DesktopClients.fileCipher(dataRoot, account)) : null;
        var early = snapshot ? null : EarlyStart.resume(account, dataRoot, Clock.systemUTC());
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong first = new AtomicLong();
        DesktopApp[] shown = new DesktopApp[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            LocalSettings settings = LocalSettings.load(null);
            FxUiTasks tasks = new FxUiTasks();
            ClientSource clients = new ClientSource() {
                @Override
                public DesktopClient signIn(Account a, char[] password) throws Exception {
                    return DesktopClients.signIn(a, password, dataRoot, Clock.systemUTC());
                }

                @Override
                public Optional<DesktopClient> resume(Account a) {
                    return (early != null ? early : EarlyStart.resume(a, dataRoot, Clock.systemUTC())).join();
                }

                @Override
                public Optional<Path> snapshotFile(Account a) {
                    return Optional.of(DataFolders.cacheFolder(dataRoot, a).resolve(ListSnapshot.FILE));
                }

                @Override
                public Optional<org.practicetext.desktop.secrets.FileCipher> snapshotCipher(Account a) {
                    return earlyKey != null ? earlyKey.join() : DesktopClients.fileCipher(dataRoot, a);
                }
            };
            DesktopApp app = new DesktopApp(stage, tasks, settings, clients, new RememberedAccount(dir.resolve("ignored.properties")), Clock.systemUTC());
            stage.show();
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (first.get() == 0 && stage.getScene().getRoot().getId() != null && stage.getScene().getRoot().getId().equals("snapshot-page")) {
                    first.set(System.currentTimeMillis());
                }
                if (at.get() == 0 && app.window() != null && app.window().sms().list().loadedProperty().get()) {
                    rows.set(app.window().sms().list().conversations().size());
                    at.set(System.currentTimeMillis());
                    first.compareAndSet(0, at.get());
                    shown[0] = app;
                    painted.countDown();
                }
            });
            app.resumeOrSignIn(Optional.of(account), null);
        });
        painted.await();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("first-paint-ms " + (first.get() - start) + " sms-list-ms " + (at.get() - start) + " listed " + rows.get() + " "
                + ProcessMemory.now());
        ProcessMemory.holdAndPrint();
        // Closing as the app exits writes the first-screen snapshot the next round paints (ADR 0021).
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                shown[0].close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        });
        closed.await();
        System.exit(0);
    }
}
