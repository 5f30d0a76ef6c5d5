// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5 ,fd00::/8");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.parse("").clientAddress("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItClaims() {
        assertThat(proxies.clientAddress("198.51.100.20", List.of("203.0.113.7"))).isEqualTo("198.51.100.20");
    }

    @Test
    void theRightMostUntrustedAddressIsTheClient() {
        assertThat(proxies.clientAddress("10.0.0.2", List.of("1.1.1.1, 203.0.113.7"))).as("the left entry is the client's own claim")
                .isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.7, 10.0.0.9"))).as("proxies in a chain are skipped")
                .isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("1.1.1.1", "203.0.113.7", "192.168.1.5"))).as("several header lines")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.7:5100"))).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("[fd00::1]", List.of("[2001:db8::7]:5100"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(proxies.clientAddress("fd12::3", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void anEntryThatIsNoAddressLeavesTheNearestTrustedHop() {
        assertThat(proxies.clientAddress("10.0.0.2", List.of("evil.example, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(proxies.clientAddress("10.0.0.2", List.of("10.0.0.9"))).as("all trusted: the left-most").isEqualTo("10.0.0.9");
    }

    @Test
    void rangesMatchByPrefix() {
        TrustedProxies narrow = TrustedProxies.parse("172.16.0.0/12");
        assertThat(narrow.trusts("172.31.255.255")).isTrue();
        assertThat(narrow.trusts("172.32.0.0")).isFalse();
        assertThat(narrow.trusts("::ffff:172.16.0.1")).as("an IPv4-mapped peer").isTrue();
        assertThat(narrow.trusts("not-an-ip")).isFalse();
    }

    @Test
    void badEntriesAreRefusedByName() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
    }
}
