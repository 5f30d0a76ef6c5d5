// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.practicetext.relay.send.Carrier;
import org.practicetext.relay.send.CarrierException;
import org.practicetext.relay.send.CarrierReceipt;
import org.practicetext.relay.send.OutboundText;
import org.practicetext.relay.send.SimulatedCarrier;

/**
 * {@link RelayExtension}'s promise, checked by running small test classes through the JUnit
 * launcher: one relay for the class, up before its {@code @BeforeAll}, shared by nested classes,
 * with the asked-for settings and carrier, and gone (port and folder) once the class is done.
 */
class RelayExtensionTest {
    /** What a probe class saw while it ran: one entry per observation. */
    record Seen(String what, int port, Path folder, Object value) {
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    static class Probe {
        @RegisterExtension
        static final RelayExtension relay = RelayExtension.create().withEnv(Map.of("PT_PUBLIC_URL", "https://elsewhere.practicetext.test"));

        @BeforeAll
        static void signInFirst() {
            SEEN.add(new Seen("beforeAll", relay.server.port(), relay.dataDir(), relay.signIn(relay.newPractice(), "staff")));
        }

        @Test
        void first() {
            SEEN.add(new Seen("health", relay.server.port(), relay.dataDir(), relay.get("/health", null).statusCode()));
        }

        @Test
        void second() {
            SEEN.add(new Seen("publicUrl", relay.server.port(), relay.dataDir(), relay.server.webhookUrls().bases()));
            SEEN.add(new Seen("carrier", relay.server.port(), relay.dataDir(), relay.server.carrier()));
        }

        @Nested
        class Inner {
            @Test
            void sharesTheOuterRelay() {
                SEEN.add(new Seen("nested", relay.server.port(), relay.dataDir(), relay.get("/health", null).statusCode()));
            }
        }
    }

    /** A carrier that never reaches anyone: only its identity matters here. */
    static final Carrier FAKE = new Carrier() {
        @Override
        public CarrierReceipt send(OutboundText text) throws CarrierException {
            throw new CarrierException(CarrierException.Kind.NOT_SENT, null, 0, "a probe sends nothing", null);
        }

        @Override
        public Optional<CarrierReceipt> findSent(OutboundText text, Instant since) {
            return Optional.empty();
        }
    };

    static class CarrierProbe {
        @RegisterExtension
        static final RelayExtension relay = RelayExtension.create().withCarrier(server -> FAKE);

        @Test
        void usesTheGivenCarrier() {
            SEEN.add(new Seen("carrier", relay.server.port(), relay.dataDir(), relay.server.carrier()));
        }
    }

    private static TestExecutionSummary run(Class<?> probe) {
        SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(probe)).build(), listener);
        return listener.getSummary();
    }

    @Test
    void oneRelayServesTheWholeClassAndIsGoneAfterIt() {
        TestExecutionSummary summary = run(Probe.class);

        assertThat(summary.getTotalFailureCount()).as("probe failures: %s", summary.getFailures()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(SEEN).extracting(Seen::what).containsExactlyInAnyOrder("beforeAll", "health", "publicUrl", "carrier", "nested");
        assertThat(SEEN).extracting(Seen::port).containsOnly(SEEN.getFirst().port());
        assertThat(SEEN).extracting(Seen::folder).containsOnly(SEEN.getFirst().folder());
        assertThat(value("beforeAll")).asString().isNotBlank();
        assertThat(value("health")).isEqualTo(200);
        assertThat(value("nested")).isEqualTo(200);
        assertThat(value("publicUrl")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("https://elsewhere.practicetext.test");
        assertThat(value("carrier")).isInstanceOf(SimulatedCarrier.class);

        assertThat(Files.exists(SEEN.getFirst().folder())).as("the relay's temp folder is deleted").isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", SEEN.getFirst().port()).close()).as("the relay's port is closed")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aGivenCarrierIsTheRelays() {
        TestExecutionSummary summary = run(CarrierProbe.class);

        assertThat(summary.getTotalFailureCount()).as("probe failures: %s", summary.getFailures()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(value("carrier")).isSameAs(FAKE);
        assertThat(Files.exists(SEEN.getFirst().folder())).isFalse();
    }

    private static Object value(String what) {
        return SEEN.stream().filter(s -> s.what().equals(what)).findFirst().orElseThrow().value();
    }
}
