package dk.flyt.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Chromium, driven by Playwright for Java (no browser of Playwright's own is downloaded). Where it is looked
 * for: {@code FLYT_CHROMIUM}, then {@code /usr/bin/chromium}. {@code .ci/run} installs it with apt.
 */
final class Chromium implements AutoCloseable {
    final Playwright playwright;
    final Browser browser;

    Chromium() {
        Path executable = Stream.of(System.getenv("FLYT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the console's browser tests need Chromium: apt-get install chromium (.ci/run does), or set"
                                + " FLYT_CHROMIUM to its executable"));
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
