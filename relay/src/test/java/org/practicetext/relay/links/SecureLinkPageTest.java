// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.practicetext.relay.RelayExtension;
import org.practicetext.relay.RelayFixture;
import org.practicetext.relay.RelayFixture.TestPractice;

/**
 * The secure-link page as a patient sees it: in a real browser (Debian's headless Chromium through
 * its chromedriver) on a phone-sized screen, the date of birth asked with a labelled field, a wrong
 * one refused with an alert a screen reader announces, the right one showing the document, and
 * nothing wider than the phone. Skips where Chromium is missing, except in CI
 * ({@code PT_REQUIRE_CHROMIUM=1}, set by {@code .ci/run}), where that fails.
 */
class SecureLinkPageTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();
    static ChromeDriver browser;

    @BeforeAll
    static void browser() {
        browser = PhoneBrowser.start();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPatientOnAPhoneConfirmsTheirDateOfBirthAndSeesTheDocument() throws Exception {
        TestPractice practice = relay.newPractice();
        String staff = relay.signIn(practice, "staff");
        String patient = "+15558675390";
        HttpRequest csv = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/contacts/import"))).header("Authorization", "Bearer " + staff)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("name,phone,dob\nRiley Chen," + patient + ",07/14/1990\n"))
                .build();
        assertThat(relay.send(csv).statusCode()).isEqualTo(200);
        HttpRequest upload = HttpRequest.newBuilder(URI.create(relay.uri("/api/v1/uploads?name=" + URLEncoder.encode("Treatment plan.pdf",
                StandardCharsets.UTF_8)))).header("Authorization", "Bearer " + staff).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build();
        String uploadId = relay.read(relay.send(upload)).get("id").asText();
        HttpResponse<String> sent = relay.postJson("/api/v1/messages", staff, Map.of("clientId", UUID.randomUUID().toString(), "to", patient,
                "body", "Here is your treatment plan.", "uploads", List.of(uploadId)));
        JsonNode message = relay.read(sent);
        String body = message.get("body").asText();
        String page = URI.create(body.substring(body.indexOf(RelayFixture.PUBLIC_URL))).getRawPath();

        browser.get(relay.uri(page));

        assertThat(browser.getTitle()).isEqualTo("Practice " + practice.slug().split("-")[1]);
        WebElement field = browser.findElement(By.cssSelector("label[for=dob] + input#dob"));
        assertThat(field.getAttribute("type")).isEqualTo("date");
        assertThat(field.getAttribute("autocomplete")).isEqualTo("bday");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Treatment plan");
        assertFitsThePhone();
        Files.write(Path.of("target", "secure-link-phone-ask.png"), browser.getScreenshotAs(OutputType.BYTES));

        answer("1990-07-15");
        WebElement alert = browser.findElement(By.cssSelector("[role=alert]"));
        assertThat(alert.getText()).contains("does not match our records").contains("4 tries left");
        assertThat(browser.findElement(By.id("dob")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("dob")).getAttribute("aria-describedby")).isEqualTo("problem");

        answer("1990-07-14");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your documents");
        WebElement link = browser.findElement(By.partialLinkText("Treatment plan.pdf"));
        assertThat(link.getAttribute("href")).endsWith(page + "/files/0");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("PDF");
        assertFitsThePhone();
        Path shot = Path.of("target", "secure-link-phone.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

        Cookie cookie = browser.manage().getCookieNamed("pt_link");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        HttpResponse<byte[]> file = relay.sendForBytes(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", "pt_link=" + cookie.getValue()).GET().build());
        assertThat(file.body()).isEqualTo(PDF);
        relay.awaitEntity(staff, "message", m -> m.get("id").asLong() == message.get("id").asLong() && !m.get("media").get(0).get("openedAt").isNull());
    }

    /** Sets the date field as the phone's date picker would and sends the form with its button. */
    private static void answer(String isoDate) {
        WebElement field = browser.findElement(By.id("dob"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, isoDate);
        PhoneBrowser.press(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private static void assertFitsThePhone() {
        PhoneBrowser.assertFitsThePhone(browser);
    }
}
