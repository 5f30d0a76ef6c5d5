// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Desktop versions as operators announce them and builds carry them, and the protocol header. */
class AppVersionTest {
    @Test
    void versionsCompareByTheirNumbers() {
        assertThat(AppVersion.parse("1.10.0").newerThan(AppVersion.parse("1.9.9"))).isTrue();
        assertThat(AppVersion.parse("2").compareTo(AppVersion.parse("2.0.0"))).isZero();
        assertThat(AppVersion.parse("0.1.1").newerThan(AppVersion.parse("0.1.0"))).isTrue();
    }

    @Test
    void aQualifiedBuildComesBeforeTheReleaseOfItsNumbers() {
        AppVersion snapshot = AppVersion.parse("0.1.0-SNAPSHOT");

        assertThat(snapshot.release()).isFalse();
        assertThat(snapshot.numbers()).isEqualTo("0.1.0");
        assertThat(AppVersion.parse("0.1.0").newerThan(snapshot)).isTrue();
        assertThat(snapshot.newerThan(AppVersion.parse("0.0.9"))).isTrue();
        assertThat(snapshot).hasToString("0.1.0-SNAPSHOT");
        assertThat(snapshot.withoutQualifier()).isEqualTo(AppVersion.parse("0.1.0"));
    }

    @Test
    void whatIsNotAVersionIsRefused() {
        for (String bad : new String[] {"", "v1.2", "1.2.3.4", "1..2", "1.2.x", "one", "1.2.3-", "123456.0"}) {
            assertThatThrownBy(() -> AppVersion.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRequestWithoutTheProtocolHeaderIsProtocolOne() {
        assertThat(ProtocolVersion.of(null)).isEqualTo(1);
        assertThat(ProtocolVersion.of(" 2 ")).isEqualTo(2);
        assertThatThrownBy(() -> ProtocolVersion.of("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolVersion.of("2.0")).isInstanceOf(IllegalArgumentException.class);
    }
}
