// w2v serve's page driven as a person would, in headless Chromium (Selenium): search, /?q=, the map, two models.
package dev.w2v.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end tests of the explorer page with Debian's chromium and chromedriver (installed by .ci/run when missing);
 * skipped, with a message, on a machine without them. Screenshots land in target/serve-screenshots/.
 */
class ExplorerPageTest {
  @TempDir static Path dir;
  static Explorer server;
  static WebDriver driver;
  static Path profile;
  /** Selenium warns that it has no DevTools (CDP) module for this Chromium; WebDriver itself needs none. */
  static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  @BeforeAll
  static void start() throws IOException {
    Path chromium = onPath("chromium");
    Path chromedriver = onPath("chromedriver");
    if (chromium == null || chromedriver == null) {
      System.out.println("ExplorerPageTest skipped: chromium and chromedriver are not installed"
          + " (apt-get install chromium chromium-driver; .ci/run does)");
      Assumptions.abort("chromium/chromedriver not installed");
    }
    SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    server = ExplorerFixture.start(dir);
    profile = Files.createTempDirectory("w2v-chromium-");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1360,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, o);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static Path onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
  }

  void open(String path) {
    driver.get(url(path));
    waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  /** The neighbours shown for a model (1 or 2), once a table is on the page. */
  List<String> shownNeighbours(int model) {
    By cells = By.cssSelector(".model-col[data-model='" + model + "'] table.neighbours td.word");
    waiting().until(d -> !d.findElements(cells).isEmpty());
    List<String> words = new ArrayList<>();
    for (WebElement td : driver.findElements(cells)) {
      words.add(td.getText());
    }
    return words;
  }

  /** The neighbours the API answers, read from its JSON. */
  List<String> apiNeighbours(String word, int n, int model) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        url("/api/similar?word=" + word + "&n=" + n + "&model=" + model))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"word\":\"([^\"]+)\"").matcher(body);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words;
  }

  void screenshot(String name) throws IOException {
    Path out = Path.of("target", "serve-screenshots");
    Files.createDirectories(out);
    Files.write(out.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void typingAWordShowsItsNeighboursInBothModelsWithTheSharedOnesMarked() throws Exception {
    open("/");
    screenshot("1-start");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("king");
    q.sendKeys(Keys.ENTER);
    waiting().until(d -> d.getCurrentUrl().endsWith("/?q=king"));
    List<String> one = shownNeighbours(1);
    List<String> two = shownNeighbours(2);
    assertEquals(apiNeighbours("king", 15, 1), one);
    assertEquals(apiNeighbours("king", 15, 2), two);
    assertFalse(one.equals(two), "the two fixture models differ");
    Set<String> shared = new LinkedHashSet<>(one);
    shared.retainAll(two);
    List<String> marked = new ArrayList<>();
    for (WebElement td : driver.findElements(By.cssSelector(".model-col[data-model='1'] tr.shared td.word"))) {
      marked.add(td.getText());
    }
    assertEquals(new ArrayList<>(shared), marked);
    assertTrue(driver.findElement(By.id("shared")).getText().startsWith(shared.size() + " of 15 shared"),
        driver.findElement(By.id("shared")).getText());
    waiting().until(d -> d.findElements(By.cssSelector("#map circle")).size() == 16);
    screenshot("2-neighbours-two-models");
  }

  @Test
  void openingQShowsThatWordsNeighboursAndClickingAMapPointSearchesIt() throws Exception {
    open("/?q=paris");
    assertEquals(apiNeighbours("paris", 15, 1), shownNeighbours(1));
    assertEquals("paris", driver.findElement(By.id("q")).getAttribute("value"));
    By point = By.cssSelector("#map circle[data-word='berlin']");
    waiting().until(d -> !d.findElements(point).isEmpty());
    screenshot("3-map");
    driver.findElement(point).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/?q=berlin"));
    waiting().until(d -> "berlin".equals(d.findElement(By.id("q")).getAttribute("value")));
    waiting().until(d -> apiNeighboursQuietly("berlin").equals(shownNeighboursQuietly()));
  }

  List<String> apiNeighboursQuietly(String w) {
    try {
      return apiNeighbours(w, 15, 1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  List<String> shownNeighboursQuietly() {
    List<String> words = new ArrayList<>();
    for (WebElement td : driver.findElements(By.cssSelector(".model-col[data-model='1'] table.neighbours td.word"))) {
      words.add(td.getText());
    }
    return words;
  }

  @Test
  void completionAndDidYouMeanHelpWithSpelling() throws Exception {
    open("/");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("pri");
    By items = By.cssSelector("#completions li");
    waiting().until(d -> d.findElements(items).size() == 2);
    assertEquals(List.of("prince", "princess"),
        driver.findElements(items).stream().map(WebElement::getText).toList());
    screenshot("4-completion");
    q.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
    waiting().until(d -> d.getCurrentUrl().endsWith("/?q=princess"));
    q.clear();
    q.sendKeys("qeen", Keys.ENTER);
    By suggestion = By.id("suggestion");
    waiting().until(d -> !d.findElements(suggestion).isEmpty());
    assertTrue(driver.findElement(By.id("message")).getText().contains("\"qeen\" is not in the vocabulary"));
    assertEquals("queen", driver.findElement(suggestion).getText());
    driver.findElement(suggestion).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/?q=queen"));
    assertEquals(apiNeighbours("queen", 15, 1), shownNeighbours(1));
  }

  @Test
  void analogyCosineAndOddOneOutAnswerInBothModels() throws Exception {
    open("/");
    driver.findElement(By.id("an-a")).sendKeys("king");
    driver.findElement(By.id("an-b")).sendKeys("man");
    driver.findElement(By.id("an-c")).sendKeys("woman", Keys.ENTER);
    waiting().until(d -> d.findElements(By.cssSelector("#analogy-out ol")).size() == 2);
    assertTrue(driver.findElement(By.id("analogy-out")).getText().contains("queen"));
    driver.findElement(By.id("cos-a")).sendKeys("cat");
    driver.findElement(By.id("cos-b")).sendKeys("dog", Keys.ENTER);
    waiting().until(d -> d.findElements(By.cssSelector("#cosine-out .big")).size() == 2);
    driver.findElement(By.id("odd-words")).sendKeys("breakfast lunch dinner lion", Keys.ENTER);
    waiting().until(d -> d.findElements(By.cssSelector("#odd-out li.odd")).size() == 2);
    assertEquals("lion", driver.findElement(By.cssSelector("#odd-out li.odd .answer")).getText());
    driver.findElement(By.id("map-words")).sendKeys("paris london berlin cat dog lion king queen", Keys.ENTER);
    waiting().until(d -> d.findElements(By.cssSelector("#map circle")).size() == 8);
    screenshot("5-tools-and-word-list-map");
  }
}
