// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.practicetext.core.CarrierErrors;
import org.practicetext.protocol.Endpoints;
import org.practicetext.protocol.HealthView;
import org.practicetext.protocol.Json;
import org.practicetext.relay.actions.ConsentActions;
import org.practicetext.relay.actions.ContactActions;
import org.practicetext.relay.actions.ConversationActions;
import org.practicetext.relay.actions.InboxActions;
import org.practicetext.relay.actions.NumberActions;
import org.practicetext.relay.actions.PatientImport;
import org.practicetext.relay.actions.TeamActions;
import org.practicetext.relay.actions.TemplateActions;
import org.practicetext.relay.admin.DirectAdministration;
import org.practicetext.relay.admin.OperatorAudit;
import org.practicetext.relay.admin.OperatorRoutes;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.auth.PasswordHasher;
import org.practicetext.relay.auth.Sessions;
import org.practicetext.relay.consent.ConsentLog;
import org.practicetext.relay.consent.ConsentRoutes;
import org.practicetext.relay.delivery.StatusUpdates;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.FeedHub;
import org.practicetext.relay.feed.FeedRoutes;
import org.practicetext.relay.feed.UncleanStops;
import org.practicetext.relay.http.BodyLimits;
import org.practicetext.relay.http.ContentTypes;
import org.practicetext.relay.http.ErrorHandling;
import org.practicetext.relay.http.JettyErrors;
import org.practicetext.relay.http.RequestIds;
import org.practicetext.relay.http.Routes;
import org.practicetext.relay.links.LinkPages;
import org.practicetext.relay.links.SimulatedDestinations;
import org.practicetext.relay.media.Attachments;
import org.practicetext.relay.media.Outgoing;
import org.practicetext.relay.media.UploadRoutes;
import org.practicetext.relay.ops.Metrics;
import org.practicetext.relay.ops.ProbeRoutes;
import org.practicetext.relay.ops.Readiness;
import org.practicetext.relay.payments.Payments;
import org.practicetext.relay.requests.CommunicationSettings;
import org.practicetext.relay.requests.RequestRoutes;
import org.practicetext.relay.requests.RequestService;
import org.practicetext.relay.send.Carrier;
import org.practicetext.relay.send.Dispatcher;
import org.practicetext.relay.send.MessageSending;
import org.practicetext.relay.send.SendRoutes;
import org.practicetext.relay.send.SimulatedCarrier;
import org.practicetext.relay.send.SimulatorRoutes;
import org.practicetext.relay.send.TwilioCarrier;
import org.practicetext.relay.store.CrossNodeWakes;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.store.DispatchQueue;
import org.practicetext.relay.store.DispatchSignal;
import org.practicetext.relay.store.InProcessDispatchSignal;
import org.practicetext.relay.store.Leadership;
import org.practicetext.relay.store.NotifyingDispatchSignal;
import org.practicetext.relay.store.PgNotifications;
import org.practicetext.relay.tenancy.Tenancy;
import org.practicetext.relay.versions.VersionRoutes;
import org.practicetext.relay.webhook.InboundMessages;
import org.practicetext.relay.webhook.TwilioSignature;
import org.practicetext.relay.webhook.WebhookIntake;
import org.practicetext.relay.webhook.WebhookRoutes;
import org.practicetext.relay.webhook.WebhookUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The relay: storage, the change feed, webhooks and the API on one Javalin server. */
public final class RelayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);

    private final RelayConfig config;
    private final Clock clock;
    private final Database db;
    private final ChangeFeed feed;
    private final PasswordHasher hasher;
    private final Tenancy tenancy;
    private final Sessions sessions;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.function.Function<RelayServer, Carrier> carrierFactory;
    private volatile WebhookUrls webhookUrls;
    private Javalin app;
    private Carrier carrier;
    private Dispatcher dispatcher;
    private WebhookIntake intake;
    private Attachments attachments;
    private RequestService requests;
    private final UncleanStops uncleanStops;
    /** Wakes the dispatcher after a commit that gave it work: this node's, and on PostgreSQL the other nodes' too (NOTIFY). */
    private final DispatchSignal dispatchSignal;
    private final DispatchSignal localDispatch = new InProcessDispatchSignal();
    /** The LISTEN/NOTIFY wake-up across nodes on PostgreSQL; null on H2 (one process). */
    private final PgNotifications notifications;
    /** Which node runs the leader-only jobs: the advisory lock's holder on PostgreSQL, always this node on H2 (ADR 0017). */
    private final Leadership leadership;
    private final Metrics metrics = new Metrics(CarrierErrors.known());
    private final Readiness readiness = new Readiness();
    /** Payments (ADR 0024): the provider, the Stripe webhook, the simulated checkout page. */
    private final Payments payments;

    public RelayServer(RelayConfig config, Clock clock) {
        this(config, clock, RelayServer::configuredCarrier);
    }

    /** With a carrier of the caller's choosing (tests put a fake at the edge of the world). */
    public RelayServer(RelayConfig config, Clock clock, java.util.function.Function<RelayServer, Carrier> carrierFactory) {
        this(config, clock, carrierFactory, null);
    }

    /**
     * With the database's connections passed through {@code connections} as well (see
     * {@link Database#Database(String, String, String, UnaryOperator)}; tests count statements with it).
     */
    public RelayServer(RelayConfig config, Clock clock, java.util.function.Function<RelayServer, Carrier> carrierFactory,
                       UnaryOperator<DataSource> connections) {
        this.carrierFactory = carrierFactory;
        this.config = config;
        this.clock = clock;
        this.db = new Database(config.dbUrl(), config.dbUser(), config.dbPassword(), connections, metrics.registry());
        this.notifications = config.dbUrl().startsWith("jdbc:postgresql:")
                ? new PgNotifications(config.dbUrl(), config.dbUser(), config.dbPassword()) : null;
        this.leadership = notifications == null ? Leadership.always(config.nodeId())
                : Leadership.onPostgres(config.dbUrl(), config.dbUser(), config.dbPassword(), config.nodeId());
        metrics.leader(leadership::isLeader);
        CrossNodeWakes otherNodes = notifications == null ? CrossNodeWakes.NONE : notifications;
        this.dispatchSignal = notifications == null ? localDispatch : new NotifyingDispatchSignal(localDispatch, otherNodes);
        this.feed = new ChangeFeed(new FeedHub(), otherNodes);
        metrics.parkedPolls(feed.hub()::parked);
        readiness.register("database", () -> db.unreachable(2)).register("migrations", db::migrationsMissing);
        if (notifications != null) {
            readiness.register("listener", notifications::problem);
        }
        this.uncleanStops = new UncleanStops(db, config.nodeId(), config.dbUrl().startsWith("jdbc:h2:"));
        uncleanStops.starting(clock.instant());
        for (ChangeFeed.Repair repair : db.inTransaction(feed::repairCounters)) {
            LOG.error("practice {}: its feed counter {} was behind its newest event {}; raised to {}",
                    repair.practiceId(), repair.counter(), repair.newestEvent(), repair.newestEvent());
        }
        new ConsentLog(feed).announceBackfill(db);
        this.hasher = new PasswordHasher();
        this.sessions = new Sessions(db, hasher, clock, config.sessionLifetime(), otherNodes);
        this.tenancy = new Tenancy(db, feed, hasher, clock, sessions::revoked);
        this.payments = new Payments(config.payments(), clock, () -> webhookUrls.bases().getFirst(), () -> URI.create("http://127.0.0.1:" + port()));
    }

    public RelayServer start() {
        TwilioSignature signature = new TwilioSignature(config.twilioAuthToken());
        // The webhook forwarder of delivery.StatusUpdates, until the Dispatcher takes the new class.
        StatusUpdates statuses = new StatusUpdates(feed, clock);
        // Other nodes' commits wake this node (LISTEN/NOTIFY); what a dead node left due wakes no one, so on a shared database the loops also look once a minute.
        boolean sharedDatabase = !config.dbUrl().startsWith("jdbc:h2:");
        InboundMessages inbound = new InboundMessages(feed);
        intake = new WebhookIntake(db, inbound, statuses, clock, dispatchSignal, sharedDatabase);
        WebhookRoutes webhooks = new WebhookRoutes(signature, () -> webhookUrls, intake);
        AuthRoutes auth = new AuthRoutes(sessions, tenancy.team());
        sessions.onRevoke(feed.hub()::endSession);
        FeedRoutes feedRoutes = new FeedRoutes(db, feed, background, sessions, config.pollCaps(), metrics::wokeUp);
        carrier = carrierFactory.apply(this);
        dispatcher = new Dispatcher(db, feed, carrier, statuses, clock, () -> URI.create(webhookUrls.primary(Endpoints.TWILIO_STATUS.template())),
                config.twilioMessagingServiceSid(), config.nodeId(), dispatchSignal, sharedDatabase);
        dispatcher.meter(metrics);
        DispatchQueue queue = new DispatchQueue();
        ProbeRoutes probes = new ProbeRoutes(readiness, intake::backlog, metrics, () -> db.read(queue::backlog),
                config.operations().metricsToken());
        // Inbound media: from Twilio's API, or from the simulated carrier's own media under this relay (unless a test names a fake Twilio).
        boolean simulatedMedia = carrier instanceof SimulatedCarrier && config.twilioApiBase().equals(RelayConfig.TWILIO_API);
        attachments = new Attachments(db, feed, clock, config.media(),
                simulatedMedia ? () -> URI.create("http://127.0.0.1:" + port() + SimulatedCarrier.API_BASE_PATH) : () -> URI.create(config.twilioApiBase()),
                simulatedMedia || config.twilioAccountSid() == null ? () -> SimulatedCarrier.ACCOUNT_SID : config::twilioAccountSid,
                config.twilioAuthToken(), config.nodeId(), sharedDatabase);
        inbound.onMedia(attachments::wake);
        attachments.meter(metrics);
        java.util.function.Supplier<String> publicBase = () -> webhookUrls.bases().getFirst();
        requests = new RequestService(db, feed, clock, new CommunicationSettings(db, feed, clock, publicBase,
                () -> requests.provider() == null ? "none" : requests.provider().name(), payments.currency()), publicBase, sharedDatabase);
        requests.provider(payments.provider().orElse(null));
        payments.outcomes(requests); // verified webhooks move requests to paid
        statuses.onDelivered(requests::delivered);
        tenancy.onPracticeCreated(requests.settings()::publish); // a new practice's desks get its settings with the first snapshot
        MessageSending sending = new MessageSending(db, feed, clock, dispatchSignal).publicBase(publicBase).requests(requests)
                .names((tx, practiceId, name) -> requests.settings().displayName(tx, practiceId));
        requests.sending(sending);
        UploadRoutes uploads = new UploadRoutes(new Outgoing(db, clock), db, clock);
        SendRoutes sendRoutes = new SendRoutes(sending, db);

        app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.http.maxRequestSize = BodyLimits.LARGEST;
            cfg.http.asyncTimeout = (FeedRoutes.MAX_WAIT_SECONDS + 15) * 1000L;
            cfg.http.defaultContentType = "application/json";
            cfg.http.prefer405over404 = true;
            cfg.jetty.addConnector((server, http) -> config.connectionLimits().connector(server, http, config.host(), config.port()));
            cfg.contextResolver.ip = config.trustedProxies()::clientAddress;
            cfg.startup.showJavalinBanner = false;
            RequestIds.install(cfg); // first, so every later filter's log lines carry the id
            cfg.routes.after(ctx -> {
                String path = ctx.path().endsWith("/") ? ctx.path().substring(0, ctx.path().length() - 1) : ctx.path(); // trailing slashes don't matter
                if (path.equals(Endpoints.TWILIO_SMS.template()) || path.equals(Endpoints.TWILIO_STATUS.template())) {
                    metrics.webhook(path.equals(Endpoints.TWILIO_SMS.template()) ? "sms" : "status", ctx.statusCode());
                }
            });
            cfg.routes.before(BodyLimits::check);
            cfg.routes.before(ContentTypes::check);
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors());
                // Graceful stop: connectors stop accepting, requests in flight finish (new ones on open
                // connections get 503), within the stop's bound; see close().
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(config.operations().shutdownTimeout().toMillis());
            });
            cfg.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JettyErrors());
                BodyLimits.install(context);
            });
            ErrorHandling.install(cfg);
            webhooks.install(cfg);
            payments.install(cfg);
            new VersionRoutes(config.desktopVersions()).install(cfg);
            auth.install(cfg);
            feedRoutes.install(cfg);
            sendRoutes.install(cfg);
            attachments.routes().install(cfg);
            uploads.install(cfg);
            new LinkPages(db, feed, clock, requests, carrier instanceof SimulatedCarrier).install(cfg);
            new RequestRoutes(requests, db).install(cfg);
            if (carrier instanceof SimulatedCarrier simulated) {
                new SimulatorRoutes(simulated, db).install(cfg);
                new SimulatedDestinations(requests).install(cfg);
            }
            new ConversationActions(db, feed).install(cfg);
            new ContactActions(db, feed, clock).install(cfg);
            new ConsentActions(db, feed, clock).install(cfg);
            new ConsentRoutes(db, clock).install(cfg);
            new PatientImport(db, feed, clock).install(cfg);
            new InboxActions(db, feed).install(cfg);
            new TemplateActions(db, feed, clock).install(cfg);
            new TeamActions(tenancy.team()).install(cfg);
            new NumberActions(db).install(cfg);
            Routes.add(cfg, Endpoints.HEALTH, ctx -> ctx.json(new HealthView(HealthView.Status.OK)));
            probes.install(cfg);
            config.operatorToken().ifPresent(token -> new OperatorRoutes(token,
                    new DirectAdministration(db, tenancy, clock, OperatorAudit.online(), config.operations().backupFolder()), OperatorAudit.online()).install(cfg));
        });
        app.start();
        int port = app.port();
        webhookUrls = config.publicUrl() != null
                ? new WebhookUrls(List.of(config.publicUrl()))
                : new WebhookUrls(List.of("http://localhost:" + port, "http://127.0.0.1:" + port));
        if (config.publicUrl() == null) {
            LOG.warn("PT_PUBLIC_URL is not set: webhook signatures are checked against http://localhost:{0} and http://127.0.0.1:{0} only"
                    .replace("{0}", Integer.toString(port)));
        }
        if (notifications != null) {
            // Other nodes' commits wake this node's polls and dispatcher; a (re)connect wakes them all once (a re-read).
            notifications.start(feed.hub()::signal, localDispatch::raise, feed.hub()::endSession, () -> {
                feed.hub().signalAll();
                localDispatch.raise();
            });
        }
        leadership.start();
        requests.settings().publishAll();
        requests.start(leadership::isLeader);
        intake.purgeOnlyWhile(leadership::isLeader);
        dispatcher.start();
        intake.start();
        attachments.start();
        LOG.info("relay listening on port {} (carrier: {}, payments: {})", port, config.carrier(), payments.name());
        return this;
    }

    /**
     * The routes this relay serves, as its router holds them (method and path template); a test
     * compares them with {@link Endpoints#all()}, the routes the desktop may call.
     */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod()) // not the before/after filters
                .map(parsed -> new Route(parsed.endpoint.method.name(), parsed.endpoint.path))
                .toList();
    }

    /** One registered route: an HTTP method and a path template such as {@code /api/v1/inboxes/{id}}. */
    public record Route(String method, String path) {
    }

    static Carrier configuredCarrier(RelayServer server) {
        RelayConfig config = server.config;
        if (config.carrier().equals("simulated")) {
            return new SimulatedCarrier(() -> URI.create("http://127.0.0.1:" + server.port()), () -> server.webhookUrls.bases().getFirst(),
                    new TwilioSignature(config.twilioAuthToken()), config.simulatedStep(), server.clock);
        }
        return new TwilioCarrier(config.twilioAccountSid(), config.twilioAuthToken(), URI.create(config.twilioApiBase()));
    }

    /** Payments: the provider (none with {@code PT_PAYMENTS=none}) and where verified webhooks go. */
    public Payments payments() {
        return payments;
    }

    public Carrier carrier() {
        return carrier;
    }

    public int port() {
        return app.port();
    }

    public Database database() {
        return db;
    }

    public ChangeFeed feed() {
        return feed;
    }

    public Tenancy tenancy() {
        return tenancy;
    }

    public WebhookUrls webhookUrls() {
        return webhookUrls;
    }

    public WebhookIntake webhookIntake() {
        return intake;
    }

    /** Requests (payments, reviews, forms, treatment plans) and the communication settings. */
    public RequestService requests() {
        return requests;
    }

    /** Inbound media: the fetcher and the desks' media routes. */
    public Attachments attachments() {
        return attachments;
    }

    public DispatchSignal dispatchSignal() {
        return dispatchSignal;
    }

    /** Whether this node runs the leader-only jobs (see {@link Leadership}). */
    public Leadership leadership() {
        return leadership;
    }

    /** The LISTEN/NOTIFY listener on PostgreSQL, if this relay runs on it. */
    public java.util.Optional<PgNotifications> notifications() {
        return java.util.Optional.ofNullable(notifications);
    }

    /** What {@code GET /ready} checks (on PostgreSQL, {@code listener} too). */
    public Readiness readiness() {
        return readiness;
    }

    public Metrics metrics() {
        return metrics;
    }

    /**
     * Stops gracefully within {@code PT_SHUTDOWN_SECONDS}, in an order that leaves no transaction
     * half-done and no request cut:
     * <ol>
     * <li>{@code /ready} answers 503 {@code stopping}, so a balancer sends nothing new;</li>
     * <li>every parked long-poll is answered at once with its current page (no poll parks from
     *     now on), so a desk re-polls elsewhere instead of seeing its connection cut;</li>
     * <li>the HTTP server stops accepting and waits for the requests in flight (a webhook is
     *     acknowledged only once stored, so it finishes or was never acknowledged);</li>
     * <li>the webhook journal's loop, then the dispatcher: its loop first, then the hand-offs it
     *     started, so nothing claimed is left unstarted and nothing is handed over twice;</li>
     * <li>the carrier, background reads, the clean-stop record, and the database last.</li>
     * </ol>
     * H2's own shutdown hook is off (see {@link Database#h2Url}), so it cannot close the database
     * under a transaction that is still running.
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        long bound = config.operations().shutdownTimeout().toNanos();
        readiness.stopping();
        int answered = feed.hub().stop();
        if (app != null) {
            app.stop(); // Jetty's graceful stop, bounded by its stop timeout (the same bound)
        }
        if (notifications != null) {
            notifications.close();
        }
        if (intake != null) {
            intake.close();
        }
        leadership.close(); // another node may lead at once
        if (dispatcher != null) {
            dispatcher.close(java.time.Duration.ofNanos(Math.max(java.time.Duration.ofSeconds(1).toNanos(), bound - (System.nanoTime() - started))));
        }
        if (requests != null) {
            requests.close();
        }
        if (attachments != null) {
            attachments.close(java.time.Duration.ofNanos(Math.max(java.time.Duration.ofSeconds(1).toNanos(), bound - (System.nanoTime() - started))));
        }
        if (carrier instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the carrier failed", e);
            }
        }
        payments.close();
        // Let background reads finish rather than interrupt them (an interrupt inside H2's file I/O closes the database).
        background.shutdown();
        try {
            background.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            uncleanStops.stopped();
        } catch (RuntimeException e) {
            LOG.warn("could not record the clean stop ({})", e.getMessage());
        }
        db.close();
        if (app != null) {
            LOG.info("relay stopped in {} ms ({} parked poll(s) answered)", (System.nanoTime() - started) / 1_000_000, answered);
        }
    }
}
