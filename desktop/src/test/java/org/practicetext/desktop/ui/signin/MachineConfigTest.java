// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineConfigTest {
    @TempDir
    Path dir;

    private MachineConfig file(String text) throws IOException {
        Path file = dir.resolve(MachineConfig.FILE_NAME);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return MachineConfig.load(file);
    }

    @Test
    void theRelayAndPracticeArePreset() throws IOException {
        MachineConfig config = file("# IT, 2026-12\nrelay = https://relay.example.org\npractice = Bright-Smile\n");
        assertThat(config.relay()).contains(URI.create("https://relay.example.org"));
        assertThat(config.practice()).contains("bright-smile");
        assertThat(config.problem()).isEmpty();
        assertThat(config.present()).isTrue();
    }

    @Test
    void aBareHostBecomesHttpsAsWhenTyped() throws IOException {
        assertThat(file("relay=relay.example.org").relay()).contains(URI.create("https://relay.example.org"));
    }

    @Test
    void noFilePresetsNothingAndIsNoProblem() {
        MachineConfig config = MachineConfig.load(dir.resolve("absent.properties"));
        assertThat(config.present()).isFalse();
        assertThat(config.relay()).isEmpty();
        assertThat(config.problem()).isEmpty();
    }

    @Test
    void anUnknownKeyIsNamedAndNothingIsPreset() throws IOException {
        MachineConfig config = file("relay=https://relay.example.org\nrelayurl=https://other.example.org\n");
        assertThat(config.relay()).isEmpty();
        assertThat(config.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains(dir.resolve(MachineConfig.FILE_NAME).toString()).contains("unknown setting \"relayurl\"").contains("IT administrator"));
    }

    @Test
    void anAddressThatIsNotAnHttpUrlIsAProblem() throws IOException {
        MachineConfig config = file("relay=ftp://relay.example.org\npractice=demo\n");
        assertThat(config.relay()).isEmpty();
        assertThat(config.practice()).isEmpty();
        assertThat(config.problem()).hasValueSatisfying(p -> assertThat(p).contains("relay = ftp://relay.example.org").contains("https://"));
    }

    @Test
    void aFileThatCannotBeReadIsAProblemNotACrash() throws IOException {
        Path folder = Files.createDirectory(dir.resolve(MachineConfig.FILE_NAME));
        assertThat(MachineConfig.load(folder).problem()).hasValueSatisfying(p -> assertThat(p).contains("could not be read"));
    }

    @Test
    void textThatIsNotUtf8IsAProblem() throws IOException {
        Path file = dir.resolve(MachineConfig.FILE_NAME);
        Files.write(file, new byte[] {'p', 'r', 'a', 'c', 't', 'i', 'c', 'e', '=', (byte) 0xE9, '\n'});
        assertThat(MachineConfig.load(file).problem()).hasValueSatisfying(p -> assertThat(p).contains("UTF-8"));
    }

    @Test
    void anEmptyFileIsAProblem() throws IOException {
        assertThat(file("# nothing yet\n").problem()).hasValueSatisfying(p -> assertThat(p).contains("neither relay nor practice"));
    }

    @Test
    void notepadsByteOrderMarkIsIgnored() throws IOException {
        assertThat(file("\uFEFFrelay=https://relay.example.org\n").relay()).contains(URI.create("https://relay.example.org"));
    }

    @Test
    void eachOsHasItsPerMachineFolder() {
        assertThat(MachineConfig.defaultLocation("Windows 11", Map.of("ProgramData", "D:\\ProgramData")))
                .isEqualTo(Path.of("D:\\ProgramData", "PracticeText", "practicetext.properties"));
        assertThat(MachineConfig.defaultLocation("Mac OS X", Map.of()))
                .isEqualTo(Path.of("/Library/Application Support/PracticeText/practicetext.properties"));
        assertThat(MachineConfig.defaultLocation("Linux", Map.of())).isEqualTo(Path.of("/etc/practicetext/practicetext.properties"));
    }

    @Test
    void theEnvironmentCanNameAnotherFile() {
        assertThat(MachineConfig.location(Map.of(MachineConfig.LOCATION_ENV, "/tmp/pt.properties"))).isEqualTo(Path.of("/tmp/pt.properties"));
    }
}
