package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the report of a real run in Debian's headless Chromium: it loads without console errors,
 * each chart renders the marks the data calls for, and a screenshot lands in target/. CI installs
 * chromium and chromium-driver ({@code .ci/run}); without them this test fails rather than skips.
 */
class ReportBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

  @TempDir static Path tmp;
  static Path out;
  static ChromeDriver browser;

  @BeforeAll
  static void runPipelineAndOpenBrowser() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "the report's browser test needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    out = tmp.resolve("out");
    Outputs.Run run = Outputs.main("--input=" + Outputs.testdata(), "--output=" + out);
    assertThat(run.stderr(), run.exitCode(), equalTo(0));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1100,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void reportLoadsCleanlyAndDrawsEveryChart() throws IOException {
    Path page = out.resolve("report.html");
    browser.get(page.toUri().toString());

    List<LogEntry> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(severe.toString(), severe, empty());

    Map<String, Integer> rendered = new LinkedHashMap<>();
    for (WebElement chart : browser.findElements(By.cssSelector("svg[data-chart]"))) {
      rendered.put(
          chart.getDomAttribute("data-chart"), chart.findElements(By.cssSelector(".mark")).size());
      assertThat(chart.getDomAttribute("data-chart"), chart.getRect().getHeight(), greaterThan(0));
    }
    assertThat(rendered, equalTo(ReportMarks.expected(out)));
    assertThat(browser.findElements(By.tagName("script")), empty());

    // the whole page, not just the first screenful
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, (int) height + 40));
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(SCREENSHOT), greaterThan(10_000L));
  }
}
