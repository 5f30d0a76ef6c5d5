// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.update;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.practicetext.desktop.AppInfo;
import org.practicetext.protocol.AppVersion;
import org.practicetext.protocol.VersionInfo;

/** What the desk is told about its version, from what a relay says. */
class UpdateNoticeTest {
    static final AppInfo APP = new AppInfo(AppVersion.parse("0.1.0"), 2);

    @Test
    void aNewerReleaseWithALinkIsAQuietNotice() {
        UpdateNotice notice = UpdateNotice.of(APP, new VersionInfo(2, 1, "0.2.0", "https://example.org/get")).orElseThrow();

        assertThat(notice.tooOld()).isFalse();
        assertThat(notice.words()).isEqualTo("Update available — version 0.2.0");
        assertThat(notice.download()).hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("https://example.org/get"));
    }

    @Test
    void theSameOrAnOlderReleaseOrOneWithoutALinkSaysNothing() {
        assertThat(UpdateNotice.of(APP, new VersionInfo(2, 1, "0.1.0", "https://example.org/get"))).isEmpty();
        assertThat(UpdateNotice.of(APP, new VersionInfo(2, 1, "0.0.9", "https://example.org/get"))).isEmpty();
        assertThat(UpdateNotice.of(APP, new VersionInfo(2, 1, null, null))).isEmpty();
        assertThat(UpdateNotice.of(APP, new VersionInfo(2, 1, "0.2.0", "javascript:alert(1)"))).isEmpty();
        assertThat(UpdateNotice.of(APP, new VersionInfo(2, 1, "not a version", "https://example.org/get"))).isEmpty();
    }

    @Test
    void aBuildIsComparedByTheNumbersItsInstallerCarries() {
        AppInfo snapshot = new AppInfo(AppVersion.parse("0.2.0-SNAPSHOT"), 2);

        assertThat(UpdateNotice.of(snapshot, new VersionInfo(2, 1, "0.2.0", "https://example.org/get"))).isEmpty();
        assertThat(UpdateNotice.of(snapshot, new VersionInfo(2, 1, "0.2.1", "https://example.org/get"))).isPresent();
    }

    @Test
    void tooOldSaysSoInPlainWordsWithWhatToInstallAndWhere() {
        UpdateNotice notice = UpdateNotice.of(APP.withProtocol(1), new VersionInfo(3, 2, "1.4.2", "https://example.org/get")).orElseThrow();

        assertThat(notice.tooOld()).isTrue();
        assertThat(notice.words()).isEqualTo("This version of PracticeText (0.1.0) is too old for your practice's relay. "
                + "Install version 1.4.2 from https://example.org/get.");
    }

    @Test
    void tooOldWithoutALinkSendsTheDeskToItsAdministrator() {
        assertThat(UpdateNotice.tooOld(APP, null).words()).contains("too old for your practice's relay. Ask your IT administrator to install the newest version.");
        assertThat(UpdateNotice.tooOld(APP.withProtocol(1), new VersionInfo(2, 2, "1.4.2", null)).words())
                .contains("Ask your IT administrator to install version 1.4.2.");
    }

    @Test
    void thisBuildKnowsItsVersionFromTheBuildAndSpeaksTheCurrentProtocol() {
        AppInfo build = AppInfo.build();

        assertThat(build.version().toString()).doesNotContain("$").matches("\\d+\\.\\d+\\.\\d+(-.+)?");
        assertThat(build.protocol()).isEqualTo(org.practicetext.protocol.ProtocolVersion.CURRENT);
    }
}
