// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.core.ConversationFilter;
import org.practicetext.core.Permission;
import org.practicetext.desktop.sync.ConnectionState.Kind;

/** Starting from what the last run left: no network needed, and nothing to resume without a token. */
class ResumeTest {
    @RegisterExtension
    final DeskBench bench = DeskBench.perTest();

    @Test
    void resumeOpensTheCacheWithoutTheNetworkAndOnlyStartsTheSyncLoopInTheBackground() throws Exception {
        bench.inbound(DeskBench.phone(1), "Hello");
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
        }
        List<String> started = new ArrayList<>();
        BackgroundTasks held = (name, work) -> {
            started.add(name);
            return timeout -> true;
        };

        try (DesktopClient client = DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC(),
                bench.options(1000).withTasks(held)).orElseThrow()) {
            assertThat(started).containsExactly("practicetext-sync");
            assertThat(client.session().connection().kind()).isEqualTo(Kind.CONNECTING);
            assertThat(client.session().me().name()).isEqualTo("Sam Staff");
            assertThat(client.session().can(Permission.SMS_SEND)).isTrue();
            assertThat(client.session().can(Permission.SETTINGS_MANAGE)).isFalse();
            assertThat(client.conversations().conversations(ConversationFilter.defaults(), 10)).hasSize(1);
        }
    }

    @Test
    void thereIsNothingToResumeBeforeTheFirstSignInOrAfterSigningOut() throws Exception {
        assertThat(DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC())).isEmpty();
        try (DesktopClient client = bench.signIn("staff")) {
            DeskBench.awaitState(client, Kind.ONLINE);
            client.session().signOut();
            assertThat(client.session().connection().kind()).isEqualTo(Kind.SIGNED_OUT);
        }
        assertThat(DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC())).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheRelaysMessageAndLeavesNothingBehind() {
        RelayException refused = org.assertj.core.api.Assertions.catchThrowableOfType(RelayException.class,
                () -> DesktopClients.signIn(bench.account("staff"), "wrong".toCharArray(), bench.dataRoot, Clock.systemUTC()));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("bad_credentials");
        assertThat(DesktopClients.resume(bench.account("staff"), bench.dataRoot, Clock.systemUTC())).isEmpty();
    }

    @Test
    void aRelayThatCannotBeReachedIsReportedAsStatusZero() {
        Account nowhere = new Account(java.net.URI.create("http://127.0.0.1:9"), bench.practice.slug(), "staff");
        RelayException refused = org.assertj.core.api.Assertions.catchThrowableOfType(RelayException.class,
                () -> DesktopClients.signIn(nowhere, "x".toCharArray(), bench.dataRoot, Clock.systemUTC()));
        assertThat(refused.status()).isZero();
        assertThat(refused.getMessage()).contains("cannot be reached");
    }
}
