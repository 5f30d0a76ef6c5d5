// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.desktop.sync.ConnectionState.Kind;
import org.practicetext.desktop.update.UpdateNotice;
import org.practicetext.relay.RelayFixture;

/**
 * A desk older than its relay serves, against a real relay whose operator raised
 * {@code PT_OLDEST_PROTOCOL}: sign-in says so with what to install; a running desk stops syncing
 * (no retry loop), keeps its cache, its outbox and its sign-in, and the newer version resumes the
 * same account and sends what waited.
 */
class TooOldDeskTest {
    static final String DOWNLOAD = "https://downloads.practicetext.test/desktop";
    static final Map<String, String> ONLY_NEWER_DESKS = Map.of("PT_OLDEST_PROTOCOL", "2",
            "PT_DESKTOP_LATEST_VERSION", "99.0.0", "PT_DESKTOP_DOWNLOAD_URL", DOWNLOAD);
    /** This build playing the desks from before the protocol header (protocol 1). */
    static final AppInfo OLD = AppInfo.build().withProtocol(1);

    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void aRunningDeskTheRelayNoLongerServesStopsAndKeepsEverythingForTheNewVersion() throws Exception {
        bench.inbound(DeskBench.phone(1), "Can I come in Friday?");
        ClientOptions old = bench.options(1000).withApp(OLD);
        long conversation;
        try (DesktopClient client = DesktopClients.signIn(bench.account("staff"), RelayFixture.PASSWORD.toCharArray(), bench.dataRoot, Clock.systemUTC(), old)) {
            DeskBench.awaitState(client, Kind.ONLINE);
            conversation = client.conversations().conversations(ConversationFilter.defaults(), 1).getFirst().id();
            bench.stopRelay();
            DeskBench.awaitState(client, Kind.OFFLINE);
            client.messages().send(conversation, "Yes, 10:30 works.");

            bench.startRelay(ONLY_NEWER_DESKS);

            DeskBench.awaitState(client, Kind.TOO_OLD);
            assertThat(client.session().connection().detail()).contains("protocol 1").contains("99.0.0");
            assertThat(client.messages().outbox()).singleElement().satisfies(item -> assertThat(item.state()).isEqualTo("pending"));
            assertThat(client.session().connection().waitingToSend()).isEqualTo(1);
            assertThat(client.messages().messages(conversation, null, 10).messages()).extracting(m -> m.body())
                    .contains("Can I come in Friday?", "Yes, 10:30 works.");
            assertThat(DesktopClients.tokens(bench.dataRoot).load(bench.account("staff")).isPresent())
                    .as("the sign-in is kept for the newer version").isTrue();
            Optional<UpdateNotice> notice = client.session().checkForUpdate();
            assertThat(notice).hasValueSatisfying(n -> {
                assertThat(n.tooOld()).isTrue();
                assertThat(n.words()).startsWith("This version of PracticeText (" + OLD.version().numbers() + ") is too old for your practice's relay. "
                        + "Install version 99.0.0 from " + DOWNLOAD + ".");
            });
            client.messages().send(conversation, "Also, is parking free?");
            assertThat(client.session().connection().kind()).as("a new item does not restart the stopped loop").isEqualTo(Kind.TOO_OLD);
        }

        try (DesktopClient upgraded = DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC(), bench.options(1000)).orElseThrow()) {
            DeskBench.awaitState(upgraded, Kind.ONLINE);
            Await.until("what waited is delivered by the newer version", () -> upgraded.messages().outbox().isEmpty());
            Await.until("the relay's copies replaced the local ones", () -> upgraded.messages().messages(conversation, null, 10).messages().stream()
                    .filter(m -> !m.local()).map(m -> m.body()).toList().containsAll(java.util.List.of("Yes, 10:30 works.", "Also, is parking free?")));
            assertThat(upgraded.session().checkForUpdate()).hasValueSatisfying(n -> {
                assertThat(n.tooOld()).isFalse();
                assertThat(n.words()).isEqualTo("Update available — version 99.0.0");
            });
        }
    }

    @Test
    void anOldDeskIsToldAtSignInWhatToInstall() throws Exception {
        bench.stopRelay();
        bench.startRelay(ONLY_NEWER_DESKS);

        assertThatThrownBy(() -> DesktopClients.signIn(bench.account("staff"), RelayFixture.PASSWORD.toCharArray(), bench.dataRoot, Clock.systemUTC(),
                bench.options(1000).withApp(OLD)))
                .isInstanceOfSatisfying(RelayException.class, e -> {
                    assertThat(e.tooOld()).isTrue();
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.versions().latestDesktop()).isEqualTo("99.0.0");
                    assertThat(e.versions().downloadUrl()).isEqualTo(DOWNLOAD);
                });
        assertThat(DesktopClients.updateNotice(bench.account("staff").relayUrl(), OLD)).hasValueSatisfying(n -> assertThat(n.tooOld()).isTrue());
        assertThat(DesktopClients.updateNotice(bench.account("staff").relayUrl(), AppInfo.build())).hasValueSatisfying(n -> assertThat(n.tooOld()).isFalse());
    }
}
