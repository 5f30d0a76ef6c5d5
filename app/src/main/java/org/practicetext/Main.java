// SPDX-License-Identifier: Apache-2.0
package org.practicetext;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.practicetext.core.PhoneNumbers;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.DataFolders;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.DesktopClients;
import org.practicetext.desktop.EarlyStart;
import org.practicetext.desktop.secrets.FileCipher;
import org.practicetext.desktop.secrets.SecretStores;
import org.practicetext.desktop.ui.common.FxUiTasks;
import org.practicetext.desktop.ui.common.LocalSettings;
import org.practicetext.desktop.ui.shell.ClientSource;
import org.practicetext.desktop.ui.shell.DemoTools;
import org.practicetext.desktop.ui.shell.DesktopApp;
import org.practicetext.desktop.ui.signin.MachineConfig;
import org.practicetext.desktop.ui.signin.RememberedAccount;
import org.practicetext.desktop.ui.sms.ConversationListViewModel;
import org.practicetext.desktop.ui.sms.ListSnapshot;
import org.practicetext.relay.RelayConfig;
import org.practicetext.relay.RelayServer;
import org.practicetext.relay.demo.DemoPractice;
import org.practicetext.relay.send.SimulatedCarrier;
import org.practicetext.relay.store.Database;

/**
 * The composition root of the desktop app. With a relay configured ({@code PT_RELAY_URL}, else
 * the workstation's {@link MachineConfig} file) or a remembered account, it resumes that account
 * or shows the sign-in screen. With neither, the developer's run starts an embedded relay on
 * loopback with the simulated carrier and the demo practice, and signs in as a demo team member
 * ({@code PT_DEMO_USER}: alex, jordan, sam or casey) — one command shows a working product; the
 * installed app ({@code -Dpracticetext.packaged=true}, set by its launcher) shows the sign-in
 * screen instead, unless {@code PT_DEMO=1}. Only this class sees both the relay and the desktop.
 */
public final class Main {
    /** Loopback port of the embedded demo relay; fixed so the demo's cache is resumed next time. */
    static final int DEMO_PORT = 47_080;

    private Main() {
    }

    /** Opening a remembered account's cache starts here, while the JavaFX toolkit starts (no snapshot to paint first). */
    private static volatile CompletableFuture<Optional<DesktopClient>> earlyResume;
    /** With a snapshot to paint, its key is read from the secret store here while the toolkit starts. */
    private static volatile CompletableFuture<Optional<FileCipher>> earlyCipher;
    private static volatile Account earlyAccount;

    /** Not an {@code Application} itself, so the app starts from a plain classpath too. */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path dataRoot = dataRoot(env);
        Optional<Account> known = rememberedFor(relayUrl(env, machineConfig(env)), dataRoot);
        known.ifPresent(account -> {
            earlyAccount = account;
            if (Files.isRegularFile(DataFolders.cacheFolder(dataRoot, account).resolve(ListSnapshot.FILE))) {
                // The snapshot paints first, alone; the cache opens after it is on screen (ADR 0021).
                earlyCipher = EarlyStart.snapshotKey(() -> DesktopClients.fileCipher(dataRoot, account));
            } else {
                earlyResume = EarlyStart.resume(account, dataRoot, Clock.systemUTC());
            }
        });
        try {
            Application.launch(App.class, args);
            SecretStores.closeAll(); // the window is gone: nothing else may keep the process alive
        } catch (RuntimeException | LinkageError failure) {
            // A machine without GTK 3 or a display gets a sentence, not a stack trace.
            Optional<String> reason = ToolkitFailure.explain(failure, env.get("DISPLAY"), ToolkitFailure.gtkFound(env));
            if (reason.isEmpty()) {
                throw failure;
            }
            System.err.println(reason.get());
            System.exit(ToolkitFailure.EXIT_STATUS);
        }
    }

    static Path dataRoot(Map<String, String> env) {
        return env.containsKey("PT_DATA_DIR") ? Path.of(env.get("PT_DATA_DIR")) : DesktopClients.defaultDataRoot();
    }

    /** The workstation's file, which {@code PT_RELAY_URL} (a developer's or a test's choice) overrides. */
    static MachineConfig machineConfig(Map<String, String> env) {
        return env.containsKey("PT_RELAY_URL") ? MachineConfig.none() : MachineConfig.load(MachineConfig.location(env));
    }

    /** The relay the app is told to use: {@code PT_RELAY_URL}, else the workstation file's; null for neither. */
    static String relayUrl(Map<String, String> env, MachineConfig machine) {
        return env.containsKey("PT_RELAY_URL") ? env.get("PT_RELAY_URL") : machine.relay().map(URI::toString).orElse(null);
    }

    static Optional<Account> rememberedFor(String relayUrl, Path dataRoot) {
        return new RememberedAccount(dataRoot.resolve("account.properties")).load()
                .filter(a -> relayUrl == null || a.relayUrl().equals(URI.create(relayUrl)));
    }

    /**
     * Whether to start the embedded demo: when asked ({@code PT_DEMO=1}), or when nothing names a
     * relay (no relay URL, no remembered account, no workstation file) in the developer's run.
     */
    static boolean startsDemo(Map<String, String> env, boolean packaged, MachineConfig machine, String relayUrl, Optional<Account> known) {
        if ("1".equals(env.get("PT_DEMO"))) {
            return true;
        }
        return !packaged && relayUrl == null && known.isEmpty() && !machine.present();
    }

    /** The JavaFX application the launcher starts. */
    public static final class App extends Application {
        private final Clock clock = Clock.systemUTC();
        private FxUiTasks tasks;
        private DesktopApp app;
        private RelayServer demoRelay;

        @Override
        public void start(Stage stage) {
            Map<String, String> env = System.getenv();
            Path dataRoot = dataRoot(env);
            LocalSettings settings = LocalSettings.load(dataRoot.resolve("workstation.properties"));
            tasks = new FxUiTasks();
            RememberedAccount remembered = new RememberedAccount(dataRoot.resolve("account.properties"));
            MachineConfig machine = machineConfig(env);
            ClientSource clients = new ClientSource() {
                @Override
                public DesktopClient signIn(Account account, char[] password) throws Exception {
                    return DesktopClients.signIn(account, password, dataRoot, clock);
                }

                @Override
                public MachineConfig machineConfig() {
                    return machine;
                }

                @Override
                public Optional<DesktopClient> resume(Account account) {
                    CompletableFuture<Optional<DesktopClient>> early = earlyResume;
                    if (early != null && account.equals(earlyAccount)) {
                        earlyResume = null;
                        return early.join();
                    }
                    return EarlyStart.resume(account, dataRoot, clock).join(); // the logging back end starts beside it
                }

                @Override
                public Optional<Path> snapshotFile(Account account) {
                    return Optional.of(DataFolders.cacheFolder(dataRoot, account).resolve(ListSnapshot.FILE));
                }

                @Override
                public Optional<FileCipher> snapshotCipher(Account account) {
                    CompletableFuture<Optional<FileCipher>> early = earlyCipher;
                    if (early != null && account.equals(earlyAccount)) {
                        earlyCipher = null;
                        return early.join();
                    }
                    return DesktopClients.fileCipher(dataRoot, account);
                }
            };
            // DesktopApp places the window (the saved place on this workstation, or the default fitted to the screen).
            app = new DesktopApp(stage, tasks, settings, clients, remembered, clock);
            app.setLinkOpener(link -> getHostServices().showDocument(link.toString()));
            stage.show();
            if ("1".equals(env.get(FirstPaintExit.ENV))) {
                FirstPaintExit.install(stage.getScene(), app);
            }
            String relayUrl = relayUrl(env, machine);
            Optional<Account> known = rememberedFor(relayUrl, dataRoot);
            if (!startsDemo(env, Boolean.getBoolean("practicetext.packaged"), machine, relayUrl, known)) {
                app.resumeOrSignIn(known, relayUrl);
                return;
            }
            app.showStarting();
            String demoUser = env.getOrDefault("PT_DEMO_USER", "alex");
            tasks.run(() -> startDemo(dataRoot.resolve("demo-relay"), demoUser, clients),
                    demo -> app.open(demo.client(), demo.account(), Optional.of(demo.tools())));
        }

        /** What the embedded demo gives the window. */
        record Demo(DesktopClient client, Account account, DemoTools tools) {
        }

        private Demo startDemo(Path relayData, String username, ClientSource clients) throws Exception {
            demoRelay = startEmbeddedRelay(relayData, clock);
            new DemoPractice(demoRelay.database(), demoRelay.feed(), demoRelay.tenancy(), clock, demoRelay.requests()).seedOnce();
            Account account = new Account(URI.create("http://127.0.0.1:" + demoRelay.port()), DemoPractice.SLUG, username);
            DesktopClient client = clients.signIn(account, DemoPractice.PASSWORD.toCharArray());
            SimulatedCarrier carrier = (SimulatedCarrier) demoRelay.carrier();
            PhoneNumbers phones = new PhoneNumbers("US");
            DemoTools tools = (from, body, media) -> carrier.injectInbound(phones.parse(from).value(), DemoPractice.NUMBER, body,
                    media.stream().map(f -> new SimulatedCarrier.Media(f.contentType(), f.data())).toList());
            return new Demo(client, account, tools);
        }

        /** A relay on loopback with the simulated carrier and an H2 file under {@code relayData}. */
        static RelayServer startEmbeddedRelay(Path relayData, Clock clock) {
            Map<String, String> env = new HashMap<>();
            env.put("PT_HOST", "127.0.0.1");
            env.put("PT_DB_URL", Database.h2Url(relayData.toAbsolutePath().toString()));
            env.put("PT_CARRIER", "simulated");
            env.put("PT_PORT", Integer.toString(DEMO_PORT));
            RelayServer server = new RelayServer(RelayConfig.fromEnvironment(env), clock);
            try {
                return server.start();
            } catch (RuntimeException portTaken) {
                server.close();
                env.put("PT_PORT", "0");
                return new RelayServer(RelayConfig.fromEnvironment(env), clock).start();
            }
        }

        @Override
        public void stop() throws Exception {
            if (app != null) {
                app.close();
            }
            if (tasks != null) {
                tasks.close();
            }
            if (demoRelay != null) {
                demoRelay.close();
            }
        }
    }

    /**
     * The packaged app's smoke test hook ({@code PT_SMOKE_EXIT_AFTER_PAINT=1}): after the first pulse
     * that lays out an SMS list with rows, print {@code painted: SMS list} with the row count and the
     * milliseconds since the process started (and before it, for a start that paints the last run's
     * snapshot first, {@code painted: snapshot} with its milliseconds), and quit the app the normal way (its stop closes the
     * client and the demo relay), so a script can tell a working installed app from one that hangs
     * or fails. packaging/smoke-test.sh uses it.
     */
    static final class FirstPaintExit {
        static final String ENV = "PT_SMOKE_EXIT_AFTER_PAINT";

        private FirstPaintExit() {
        }

        static void install(Scene scene, DesktopApp app) {
            Runnable[] check = new Runnable[1];
            boolean[] snapshotSeen = {false};
            check[0] = () -> {
                if (!snapshotSeen[0] && scene.getRoot() != null && "snapshot-page".equals(scene.getRoot().getId())) {
                    snapshotSeen[0] = true;
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("painted: snapshot, " + ms + " ms after start");
                }
                if (app.window() == null) {
                    return;
                }
                ConversationListViewModel list = app.window().sms().list();
                if (list.loadedProperty().get() && !list.conversations().isEmpty()) {
                    scene.removePostLayoutPulseListener(check[0]);
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("painted: SMS list, " + list.conversations().size() + " conversations, " + ms + " ms after start");
                    Platform.runLater(Platform::exit);
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
        }
    }
}
