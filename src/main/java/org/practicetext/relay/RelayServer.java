// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.practicetext.protocol.Json;
import org.practicetext.relay.actions.ContactActions;
import org.practicetext.relay.actions.ConversationActions;
import org.practicetext.relay.actions.InboxActions;
import org.practicetext.relay.actions.PatientImport;
import org.practicetext.relay.actions.TemplateActions;
import org.practicetext.relay.auth.AuthRoutes;
import org.practicetext.relay.auth.PasswordHasher;
import org.practicetext.relay.auth.Sessions;
import org.practicetext.relay.feed.ChangeFeed;
import org.practicetext.relay.feed.FeedHub;
import org.practicetext.relay.feed.FeedRoutes;
import org.practicetext.relay.http.BodyLimits;
import org.practicetext.relay.http.ErrorHandling;
import org.practicetext.relay.store.Database;
import org.practicetext.relay.tenancy.Tenancy;
import org.practicetext.relay.webhook.InboundMessages;
import org.practicetext.relay.webhook.StatusUpdates;
import org.practicetext.relay.webhook.TwilioSignature;
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
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private volatile WebhookUrls webhookUrls;
    private Javalin app;

    public RelayServer(RelayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.db = new Database(config.dbUrl(), config.dbUser(), config.dbPassword());
        this.feed = new ChangeFeed(new FeedHub());
        this.hasher = new PasswordHasher();
        this.tenancy = new Tenancy(db, feed, hasher, clock);
    }

    public RelayServer start() {
        Sessions sessions = new Sessions(db, hasher, clock, config.sessionLifetime());
        TwilioSignature signature = new TwilioSignature(config.twilioAuthToken());
        InboundMessages inbound = new InboundMessages(db, feed, clock);
        StatusUpdates statuses = new StatusUpdates(db, feed, clock);
        WebhookRoutes webhooks = new WebhookRoutes(signature, () -> webhookUrls, inbound, statuses);
        AuthRoutes auth = new AuthRoutes(sessions);
        FeedRoutes feedRoutes = new FeedRoutes(db, feed, background);

        app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.http.maxRequestSize = BodyLimits.LARGEST;
            cfg.http.asyncTimeout = (FeedRoutes.MAX_WAIT_SECONDS + 15) * 1000L;
            cfg.http.defaultContentType = "application/json";
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(BodyLimits::check);
            ErrorHandling.install(cfg);
            webhooks.install(cfg);
            auth.install(cfg);
            feedRoutes.install(cfg);
            new ConversationActions(db, feed).install(cfg);
            new ContactActions(db, feed, clock).install(cfg);
            new PatientImport(db, feed, clock).install(cfg);
            new InboxActions(db, feed).install(cfg);
            new TemplateActions(db, feed, clock).install(cfg);
            cfg.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
        });
        app.start();
        int port = app.port();
        webhookUrls = config.publicUrl() != null
                ? new WebhookUrls(List.of(config.publicUrl()))
                : new WebhookUrls(List.of("http://localhost:" + port, "http://127.0.0.1:" + port));
        if (config.publicUrl() == null) {
            LOG.warn("PT_PUBLIC_URL is not set: webhook signatures are checked against http://localhost:{} only", port);
        }
        LOG.info("relay listening on port {} (carrier: {})", port, config.carrier());
        return this;
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

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        background.shutdownNow();
        db.close();
    }
}
