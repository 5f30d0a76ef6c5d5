// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.practicetext.protocol.EventTypes;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * The pages a patient opens from a request's text (ADR 0024), in a real browser on a phone-sized
 * screen: a treatment plan behind the date of birth, accepted with its button; one declined; a
 * payment request's page with its amount and Pay button; and an expired link that says so.
 */
class RequestPagesBrowserTest {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger PHONES = new AtomicInteger();

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    static ChromeDriver browser;

    TestPractice practice;
    String staff;

    @BeforeAll
    static void browser() {
        browser = PhoneBrowser.start();
        relay.server.requests().provider(new org.practicetext.relay.requests.RecordingPayments());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void practice() {
        practice = relay.newPractice();
        staff = relay.signIn(practice, "staff");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aPatientConfirmsTheirDateOfBirthReadsTheTreatmentPlanAndAcceptsIt() throws Exception {
        String phone = phone();
        HttpRequest csv = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/contacts/import"))).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("name,phone,dob\nRiley Chen," + phone + ",07/14/1990\n")).build();
        assertThat(relay.send(csv).statusCode()).isEqualTo(200);
        JsonNode request = send(phone, "Hi Riley, your treatment plan is ready: {link}", Map.of("kind", "treatment_plan", "document", upload(),
                "amountCents", 124000, "description", "Crown on tooth 30"));

        browser.get(relay.uri(URI.create(request.get("link").asText()).getRawPath()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your treatment plan");
        assertThat(PhoneBrowser.text(browser)).doesNotContain("$1,240.00").doesNotContain("Crown");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("dob")), "1990-07-14");
        PhoneBrowser.press(browser, browser.findElement(By.cssSelector("button[type=submit]")));

        assertThat(PhoneBrowser.text(browser)).contains("Total: $1,240.00").contains("Crown on tooth 30").contains("Plan.pdf");
        PhoneBrowser.assertFitsThePhone(browser);
        Files.write(Path.of("target", "treatment-plan-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        PhoneBrowser.press(browser, browser.findElement(By.cssSelector("button[value=accept]")));

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("You accepted this treatment plan on");
        assertThat(browser.findElements(By.cssSelector("button[value=decline]"))).as("the answer is final").isEmpty();
        PhoneBrowser.assertFitsThePhone(browser);
        relay.awaitEntity(staff, EventTypes.REQUEST, r -> r.get("id").asLong() == request.get("id").asLong() && r.get("status").asText().equals("accepted"));
    }

    @Test
    void aPatientWhoseBirthdayThePracticeDoesNotKnowPressesAButtonAndDeclines() {
        JsonNode request = send(phone(), "Your plan: {link}", Map.of("kind", "treatment_plan", "document", upload()));

        browser.get(relay.uri(URI.create(request.get("link").asText()).getRawPath()));
        PhoneBrowser.press(browser, browser.findElement(By.xpath("//button[text()='Show my treatment plan']")));
        PhoneBrowser.press(browser, browser.findElement(By.cssSelector("button[value=decline]")));

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("You declined this treatment plan on");
        relay.awaitEntity(staff, EventTypes.REQUEST, r -> r.get("id").asLong() == request.get("id").asLong() && r.get("status").asText().equals("declined"));
    }

    @Test
    void aPaymentRequestShowsWhatItIsForAndItsAmountOnThePhone() throws Exception {
        JsonNode request = send(phone(), "Your balance: {link}", Map.of("kind", "payment", "amountCents", 8550, "description", "Cleaning and X-rays",
                "reference", "INV-77"));

        browser.get(relay.uri(URI.create(request.get("link").asText()).getRawPath()));

        assertThat(browser.findElement(By.cssSelector(".amount")).getText()).isEqualTo("$85.50");
        assertThat(PhoneBrowser.text(browser)).contains("For: Cleaning and X-rays").doesNotContain("INV-77");
        assertThat(browser.findElement(By.cssSelector("form[action$='/pay'] button")).getText()).isEqualTo("Pay $85.50");
        PhoneBrowser.assertFitsThePhone(browser);
        Files.write(Path.of("target", "payment-request-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void anExpiredLinkSaysSoAndWhomToAsk() {
        JsonNode request = send(phone(), "Your balance: {link}", Map.of("kind", "payment", "amountCents", 1000, "description", "Copay"));
        relay.clock.advance(Duration.ofDays(31));

        browser.get(relay.uri(URI.create(request.get("link").asText()).getRawPath()));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
        assertThat(PhoneBrowser.text(browser)).contains("Please contact Practice").contains("send you a new link");
        assertThat(browser.findElements(By.tagName("button"))).isEmpty();
        PhoneBrowser.assertFitsThePhone(browser);
    }

    static String phone() {
        return String.format("+1555%07d", 7_000_000 + PHONES.incrementAndGet());
    }

    String upload() {
        HttpRequest upload = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/uploads?name=" + URLEncoder.encode("Plan.pdf", StandardCharsets.UTF_8))))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(PDF))
                .build();
        return relay.read(relay.send(upload)).get("id").asText();
    }

    JsonNode send(String to, String body, Map<String, Object> request) {
        Map<String, Object> message = new HashMap<>();
        message.put("clientId", UUID.randomUUID().toString());
        message.put("to", to);
        message.put("body", body);
        message.put("request", request);
        var sent = relay.postJson("/api/v1/messages", staff, message);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        long messageId = relay.read(sent).get("id").asLong();
        return relay.awaitEntity(staff, EventTypes.REQUEST, r -> r.get("messageId").asLong() == messageId);
    }
}
