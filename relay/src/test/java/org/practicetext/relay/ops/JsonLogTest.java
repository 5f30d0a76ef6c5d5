// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicetext.protocol.Json;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;
import org.slf4j.LoggerFactory;

/**
 * {@code PT_LOG_FORMAT=json}: the relay's own logback.xml, read with that setting, writes one
 * JSON object per line, with the request's id on the lines logged while serving it, and no
 * phone number, name or text of the request in any line.
 */
class JsonLogTest {
    static final String PATIENT = "+15557650177";
    static final String BODY = "My name is Rosalind Franklin";

    @TempDir
    Path dir;

    /**
     * The encoder of the console appender as the shipped logback.xml configures it for
     * {@code PT_LOG_FORMAT=format}; the configuration must not warn (a warning makes logback
     * print its status on standard output, lines that are not JSON).
     */
    private static Encoder<ILoggingEvent> shippedEncoder(String format) throws Exception {
        LoggerContext fresh = new LoggerContext();
        fresh.putProperty("PT_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(fresh);
        configurator.doConfigure(JsonLogTest.class.getResource("/logback.xml"));
        assertThat(fresh.getStatusManager().getCopyOfStatusList()).as("logback's status for %s", format)
                .allSatisfy(status -> assertThat(status.getLevel()).as(status.getMessage()).isLessThan(Status.WARN));
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) fresh.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("out");
        assertThat(console).as("PT_LOG_FORMAT=%s gives the root logger its console appender", format).isNotNull();
        return console.getEncoder();
    }

    @Test
    void textIsTheDefaultAndJsonIsOneSetting() throws Exception {
        assertThat(shippedEncoder("text")).isInstanceOf(PatternLayoutEncoder.class);
        assertThat(shippedEncoder("json")).isInstanceOf(JsonEncoder.class);
    }

    @Test
    void jsonLinesCarryTheRequestIdAndNoPatientData() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoggerContext relayContext = (LoggerContext) LoggerFactory.getILoggerFactory();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(relayContext);
        appender.setEncoder(shippedEncoder("json"));
        appender.setOutputStream(bytes);
        appender.setImmediateFlush(true);
        appender.start();
        Logger root = relayContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        String requestId = "lb-json-log-test-0001";
        try (RelayFixture relay = new RelayFixture(dir)) {
            TestPractice practice = relay.newPractice();
            Map<String, String> params = RelayFixture.inbound(RelayFixture.newSid(), PATIENT, practice.number(), BODY);
            HttpResponse<String> forged = relay.send(HttpRequest.newBuilder(URI.create(relay.uri("/twilio/sms")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "forged")
                    .header("X-Request-Id", requestId).POST(HttpRequest.BodyPublishers.ofString(RelayFixture.form(params))).build());
            assertThat(forged.statusCode()).isEqualTo(403);
            relay.webhook("/twilio/sms", params);
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isNotEmpty();
        List<JsonNode> objects = lines.stream().map(JsonLogTest::parse).toList();
        JsonNode refused = objects.stream().filter(o -> o.path("formattedMessage").asText().startsWith("rejected /twilio/sms")).findFirst().orElseThrow();
        assertThat(refused.get("level").asText()).isEqualTo("WARN");
        assertThat(refused.get("mdc").get("requestId").asText()).isEqualTo(requestId);
        assertThat(objects).allSatisfy(o -> assertThat(o.has("timestamp") && o.has("loggerName")).isTrue());
        for (String line : lines) {
            assertThat(line).doesNotContain(PATIENT).doesNotContain(PATIENT.substring(2)).doesNotContain("Rosalind").doesNotContain(BODY);
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = Json.mapper().readTree(line);
            assertThat(node.isObject()).as("one JSON object per line: %s", line).isTrue();
            return node;
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
