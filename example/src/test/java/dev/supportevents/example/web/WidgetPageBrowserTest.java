package dev.supportevents.example.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportevents.example.ConversationStartEvent;
import dev.supportevents.example.Message;
import dev.supportevents.example.MessageReceivedEvent;
import dev.supportevents.example.MessageSentEvent;
import dev.supportevents.example.RatingSubmittedEvent;
import dev.supportevents.example.Sender;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetOpenedEvent;
import dev.supportevents.runtime.Subscription;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget page in headless Chromium, driven by Selenium against a {@link WidgetServer} on
 * 127.0.0.1: the page shows what the server emits, a visitor's message reaches a listener of the
 * hub, and a rating the record refuses gets the server's 400 shown on the page.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} packages, named explicitly, so that
 * Selenium never looks for a browser or a driver to download. Tagged {@code browser}: the example's
 * browser profile runs it.
 */
@Tag("browser")
@Timeout(120)
class WidgetPageBrowserTest {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Sender AGENT = Sender.aiAgent("ai-1", "Ava");

  /**
   * Selenium warns when it has no DevTools protocol classes for the browser's version; the test
   * uses WebDriver only, so the warning says nothing about it. Held here so that the level stays.
   */
  private static final Logger CDP_VERSION_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private static WebDriver browser;

  private final BlockingQueue<MessageSentEvent> messagesSent = new LinkedBlockingQueue<>();
  private final List<ConversationStartEvent> conversationsStarted = new CopyOnWriteArrayList<>();
  private final List<WidgetOpenedEvent> widgetsOpened = new CopyOnWriteArrayList<>();
  private final List<RatingSubmittedEvent> ratings = new CopyOnWriteArrayList<>();
  private SupportEvents events;
  private Subscription listening;
  private WidgetServer server;

  @BeforeAll
  static void startBrowser(@TempDir Path profile) {
    assertTrue(
        CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "Install Debian's chromium"
            + " and chromium-driver packages: apt-get install -y chromium chromium-driver");
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .build();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
    browser = new ChromeDriver(driver, options); // quit() stops the driver too
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void startServer() throws IOException {
    events = SupportEvents.create();
    listening =
        Subscription.all(
            events.onMessageSent(messagesSent::add),
            events.onConversationStart(conversationsStarted::add),
            events.onWidgetOpened(widgetsOpened::add),
            events.onRatingSubmitted(ratings::add));
    server = WidgetServer.start(events, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    browser.get("http://127.0.0.1:" + server.port() + "/");
    // Connected: the page's stream is subscribed, and the page told the hub it was opened.
    waitFor(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "open"));
    waitFor(driver -> !widgetsOpened.isEmpty());
  }

  @AfterEach
  void stopServer() {
    browser.get("about:blank");
    server.close();
    listening.close();
    events.close();
  }

  private static <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
    return new WebDriverWait(browser, WAIT).until(condition);
  }

  private static WebElement find(String id) {
    return browser.findElement(By.id(id));
  }

  @Test
  void thePageShowsTheEventsTheServerEmits() {
    Message reply =
        new Message(
            "m-1",
            "c-1",
            AGENT,
            "Your invoice is corrected.",
            List.of(),
            Instant.parse("2025-03-04T10:15:30Z"));

    events.emit(new MessageReceivedEvent("c-1", reply));

    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#transcript .agent"), "Ava: Your invoice is corrected."));
    String logged =
        waitFor(
            driver ->
                driver.findElements(By.cssSelector("#events li")).stream()
                    .map(WebElement::getText)
                    .filter(line -> line.contains("messageReceived"))
                    .findFirst()
                    .orElse(null));
    assertEquals(WidgetServerTest.json(new MessageReceivedEvent("c-1", reply)), logged);
  }

  @Test
  void aVisitorsMessageReachesAListenerInTheHub() throws InterruptedException {
    find("text").sendKeys("My invoice is wrong");
    find("send").click();

    MessageSentEvent sent = messagesSent.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(sent, "No message reached the hub");
    assertEquals("My invoice is wrong", sent.message().text());
    assertEquals(Sender.Role.VISITOR, sent.message().sender().role());
    // The page started the conversation first, with the id the message carries.
    assertEquals(1, conversationsStarted.size());
    assertEquals(conversationsStarted.get(0).conversationId(), sent.conversationId());
    // And the hub's event came back to the page through its stream.
    waitFor(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#transcript .visitor"), "My invoice is wrong"));
    assertEquals("messageSent: 202 Accepted", find("status").getText());
  }

  @Test
  void aRatingTheRecordRefusesGetsThe400ShownOnThePage() throws InterruptedException {
    find("text").sendKeys("Thanks, solved");
    find("send").click();
    assertNotNull(messagesSent.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    WebElement stars = find("stars");
    stars.clear();
    stars.sendKeys("9");

    find("rate").click();

    waitFor(ExpectedConditions.attributeToBe(By.id("status"), "class", "rejected"));
    assertEquals(
        "400: ratingSubmitted: /properties: A rating is 1 to 5 stars, not 9",
        find("status").getText());
    assertEquals(List.of(), ratings);
  }
}
