// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A patient's phone for the page tests: Debian's headless Chromium through its chromedriver, with a
 * 390-pixel-wide phone screen. Skips where Chromium is missing, except in CI
 * ({@code PT_REQUIRE_CHROMIUM=1}, set by {@code .ci/run}), where that fails.
 */
final class PhoneBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private PhoneBrowser() {
    }

    static ChromeDriver start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if ("1".equals(System.getenv("PT_REQUIRE_CHROMIUM"))) {
            assertThat(present).as("chromium and chromium-driver are installed (CI requires them)").isTrue();
        }
        assumeTrue(present, "chromium or chromium-driver is not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--disable-dev-shm-usage", "--lang=en-US");
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Presses {@code button} and waits until the page it leads to has loaded. */
    static void press(ChromeDriver browser, WebElement button) {
        JavascriptExecutor js = browser;
        js.executeScript("window.ptFormPage = true;"); // gone once the answer's page replaced this one
        button.click();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(js.executeScript("return window.ptFormPage === undefined && document.readyState === 'complete';"))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the page after the button did not load");
    }

    static void assertFitsThePhone(ChromeDriver browser) {
        Object width = browser.executeScript("return document.documentElement.scrollWidth;");
        Object viewport = browser.executeScript("return window.innerWidth;");
        assertThat(((Number) width).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(((Number) viewport).intValue());
        assertThat(((Number) viewport).intValue()).isEqualTo(390);
    }

    static String text(ChromeDriver browser) {
        return browser.findElement(By.tagName("main")).getText();
    }
}
