// w2v serve's JSON API over HTTP on 127.0.0.1: the same answers as the command line's -format json, errors, bounds, load.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.plot.Pca;
import dev.w2v.serve.Explorer;
import dev.w2v.serve.ExplorerFixture;
import dev.w2v.serve.Limits;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeApiTest {
  @TempDir static Path dir;
  static Explorer server;
  static HttpClient http;
  static Path modelA;
  static Path modelB;

  @BeforeAll
  static void start() throws IOException {
    server = ExplorerFixture.start(dir);
    modelA = dir.resolve("model-a.txt");
    modelB = dir.resolve("model-b.txt");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) {
    return request(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).GET());
  }

  static HttpResponse<String> request(HttpRequest.Builder b) {
    try {
      return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The command's one JSON line, checked to have succeeded. */
  static String cli(String... args) {
    CliRun r = CliRun.run(args);
    assertEquals(0, r.code, r.toString());
    return r.out;
  }

  static void assertSameAnswer(String cliOut, String api) {
    HttpResponse<String> r = get(api);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(cliOut, r.body(), api);
  }

  @Test
  void similarEqualsTheCommandLinesJson() {
    String out = cli("similar", "-vectors", modelA.toString(), "-n", "10", "-format", "json", "king");
    assertTrue(out.startsWith("{\"query\":[\"king\"],\"results\":[{\"word\":\""), out);
    assertSameAnswer(out, "/api/similar?word=king&n=10");
    assertSameAnswer(cli("similar", "-vectors", modelB.toString(), "-n", "10", "-format", "json", "king"),
        "/api/similar?word=king&n=10&model=2");
    assertSameAnswer(cli("similar", "-vectors", modelA.toString(), "-format", "json", "paris"), "/api/similar?word=paris");
    assertSameAnswer(cli("similar", "-vectors", modelA.toString(), "-n", "7", "-format", "json", "king", "woman",
        "-neg", "man"), "/api/similar?word=king+woman&neg=man&n=7");
    assertSameAnswer(cli("similar", "-vectors", modelA.toString(), "-n", "1000", "-format", "json", "cat", "dog"),
        "/api/similar?word=cat&word=dog&n=1000");
  }

  @Test
  void analogyCosineAndOddOneOutEqualTheCommandLinesJson() {
    assertSameAnswer(cli("analogy", "-vectors", modelA.toString(), "-n", "5", "-format", "json", "king", "man", "woman"),
        "/api/analogy?a=king&b=man&c=woman&n=5");
    assertSameAnswer(cli("analogy", "-vectors", modelA.toString(), "-method", "mul", "-format", "json", "paris",
        "berlin", "rome"), "/api/analogy?words=paris+berlin+rome&method=mul");
    assertSameAnswer(cli("cosine", "-vectors", modelB.toString(), "-format", "json", "cat", "dog"),
        "/api/cosine?w1=cat&w2=dog&model=2");
    assertSameAnswer(cli("odd-one-out", "-vectors", modelA.toString(), "-format", "json", "breakfast", "lunch", "dinner",
        "lion"), "/api/odd-one-out?words=breakfast+lunch+dinner+lion");
  }

  @Test
  void analogyFindsTheFixturesQueen() {
    HttpResponse<String> r = get("/api/analogy?a=king&b=man&c=woman&n=3");
    assertTrue(r.body().contains("\"word\":\"queen\""), r.body());
  }

  @Test
  void mapProjectsAsPlotDoes() {
    HttpResponse<String> r = get("/api/map?words=" + enc("paris london cat dog king"));
    assertEquals(200, r.statusCode(), r.body());
    Embeddings e = VectorReader.read(modelA, VectorReader.ALL, true);
    String[] words = {"paris", "london", "cat", "dog", "king"};
    float[][] points = new float[words.length][];
    for (int i = 0; i < words.length; i++) {
      points[i] = e.vector(e.indexOf(words[i]));
    }
    Pca.Projection p = Pca.project(points);
    Matcher m = Pattern.compile("\\{\"word\":\"(\\w+)\",\"x\":([^,]+),\"y\":([^,]+),\"query\":true,\"group\":(\\d+)}")
        .matcher(r.body());
    for (int i = 0; i < words.length; i++) {
      assertTrue(m.find(), r.body());
      assertEquals(words[i], m.group(1));
      assertEquals(p.xy()[i][0], Double.parseDouble(m.group(2)), 0);
      assertEquals(p.xy()[i][1], Double.parseDouble(m.group(3)), 0);
      assertEquals(i, Integer.parseInt(m.group(4)));
    }
    // a neighbourhood: the word and its n neighbours, each once
    HttpResponse<String> hood = get("/api/map?word=king&n=12");
    assertEquals(13, count(hood.body(), "\"word\":"), hood.body());
    assertEquals(1, count(hood.body(), "\"query\":true"), hood.body());
  }

  @Test
  void completeAndSuggestionsAndModels() {
    HttpResponse<String> r = get("/api/complete?prefix=pri&n=5");
    assertEquals("{\"prefix\":\"pri\",\"words\":[\"prince\",\"princess\"]}\n", r.body());
    assertEquals("{\"prefix\":\"w1\",\"words\":[\"w1\",\"w10\",\"w11\"]}\n", get("/api/complete?prefix=w1&n=3").body());
    assertEquals("{\"word\":\"kingg\",\"known\":false,\"suggestions\":[\"king\"]}\n",
        get("/api/suggestions?word=kingg").body());
    assertEquals("{\"word\":\"king\",\"known\":true,\"suggestions\":[]}\n", get("/api/suggestions?word=king").body());
    String models = get("/api/models").body();
    assertTrue(models.startsWith("{\"models\":[{\"model\":1,\"name\":\"model-a.txt\",\"words\":243,\"dim\":20,"), models);
    assertTrue(models.contains("{\"model\":2,\"name\":\"model-b.txt\""), models);
  }

  @Test
  void badRequestsGetA4xxAndAOneLineJsonError() {
    assertError(404, "/api/similar?word=kingg", "{\"error\":\"\\\"kingg\\\" is not in the vocabulary (did you mean \\\"king\\\"?)\"}");
    assertError(400, "/api/similar?n=3", "{\"error\":\"missing parameter 'word'\"}");
    assertError(400, "/api/similar?word=king&n=1001", "{\"error\":\"parameter 'n' must be between 1 and 1000, got 1001\"}");
    assertError(400, "/api/similar?word=king&n=0", "{\"error\":\"parameter 'n' must be between 1 and 1000, got 0\"}");
    assertError(400, "/api/similar?word=king&n=ten", "{\"error\":\"parameter 'n' must be a whole number, got \\\"ten\\\"\"}");
    assertError(400, "/api/similar?word=king&model=3", "{\"error\":\"parameter 'model' must be between 1 and 2, got 3\"}");
    assertError(400, "/api/analogy?a=king&b=man", "{\"error\":\"missing parameter 'c'\"}");
    assertError(400, "/api/analogy?a=king&b=man&c=woman&method=div",
        "{\"error\":\"parameter 'method' must be add or mul, got \\\"div\\\"\"}");
    assertError(400, "/api/odd-one-out?words=king", "{\"error\":\"give two or more words to pick the odd one out from\"}");
    assertError(400, "/api/map?word=king&n=101", "{\"error\":\"parameter 'n' must be between 0 and 100, got 101\"}");
    assertError(404, "/api/nothing", null);
    assertError(404, "/nothing.html", null);
    String longWord = "k".repeat(Limits.MAX_WORD_CHARS + 1);
    assertError(400, "/api/similar?word=" + longWord,
        "{\"error\":\"parameter 'word': a word of 201 characters; at most 200\"}");
    assertError(400, "/api/complete?prefix=" + longWord, null);
    assertError(400, "/api/similar?word=" + "king+".repeat(Limits.MAX_WORDS + 1),
        "{\"error\":\"parameter 'word' has 201 words; at most 200\"}");
    assertError(414, "/api/similar?word=" + "k".repeat(Limits.MAX_QUERY_CHARS), null);
    HttpResponse<String> post = request(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/similar?word=king")).POST(HttpRequest.BodyPublishers.ofString("x")));
    assertEquals(405, post.statusCode());
    assertEquals("{\"error\":\"only GET is answered, not POST\"}\n", post.body());
  }

  static void assertError(int status, String path, String body) {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), path + " -> " + r.body());
    assertTrue(r.body().matches("\\{\"error\":\"[^\n]*\"}\n"), r.body());
    if (body != null) {
      assertEquals(body + "\n", r.body());
    }
  }

  @Test
  void aForeignHostNameIsRefusedOnLoopback() throws Exception {
    // DNS rebinding: evil.example resolving to 127.0.0.1 must not read answers (HttpClient forbids setting Host)
    String answer = raw("GET /api/models HTTP/1.1\r\nHost: evil.example:" + server.port()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    assertEquals(200, get("/api/models").statusCode()); // 127.0.0.1 itself is fine
    String malformed = raw("GET /api/similar?word=%E0%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    // the JDK's server refuses a malformed URI itself, before any handler, with its own short HTML page
    assertTrue(malformed.startsWith("HTTP/1.1 400"), malformed);
  }

  /** Sends a raw HTTP request (for what HttpClient refuses to send) and answers the whole response. */
  static String raw(String request) throws IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void thePageAndItsFilesAreServedFromTheJar() {
    HttpResponse<String> page = get("/?q=king");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script src=\"/app.js\""), page.body());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(get("/app.js").body().contains("async function search("));
    assertTrue(get("/style.css").body().contains("table.neighbours"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no external resource");
  }

  @Test
  void sixteenClientsAtOnceAllGetTheRightAnswer() throws Exception {
    String expected = get("/api/similar?word=queen&n=20").body();
    String expectedMap = get("/api/map?word=lion").body();
    int threads = 16;
    int perThread = 40;
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          go.await();
          for (int i = 0; i < perThread; i++) {
            boolean map = (i + id) % 4 == 0;
            HttpResponse<String> r = get(map ? "/api/map?word=lion" : "/api/similar?word=queen&n=20");
            if (r.statusCode() != 200 || !r.body().equals(map ? expectedMap : expected)) {
              problems.add(r.statusCode() + " " + r.body());
            }
          }
        } catch (Throwable e) {
          problems.add(e.toString());
        }
      });
      th.start();
      ts.add(th);
    }
    go.countDown();
    for (Thread th : ts) {
      th.join(60_000);
    }
    assertEquals(List.of(), new ArrayList<>(problems));
  }

  @Test
  void serveRefusesBadOptionsWithUsageErrors() {
    CliRun three = CliRun.run("serve", "-vectors", modelA.toString(), "-vectors", modelA.toString(), "-vectors",
        modelA.toString());
    assertEquals(ExitCodes.USAGE, three.code, three.toString());
    assertEquals("w2v serve: error: -vectors given 3 times; the explorer compares at most two models\n", three.err);
    CliRun port = CliRun.run("serve", "-vectors", modelA.toString(), "-port", "70000");
    assertEquals(ExitCodes.USAGE, port.code, port.toString());
    CliRun missing = CliRun.run("serve", "-vectors", dir.resolve("missing.bin").toString(), "-port", "0");
    assertEquals(ExitCodes.BAD_INPUT, missing.code, missing.toString());
    assertEquals(1, missing.err.split("\n").length, missing.err);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
