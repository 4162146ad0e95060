// The local web explorer's HTTP server: the JDK's com.sun.net.httpserver, a bounded pool, the page and /api/.
package dev.w2v.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.w2v.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the page ({@code /}, {@code /app.js}, {@code /style.css}, from the jar) and the JSON API
 * ({@code /api/NAME?...}, answered by {@link Api}). Requests run on a fixed pool of threads with a bounded queue; when
 * the queue is full the server's accepting thread answers the request itself, which slows new connections down
 * instead of failing them. Only GET (and HEAD) are answered.
 */
public final class Explorer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);

  /** The files of the page, under src/main/resources/dev/w2v/serve/. */
  private static final Map<String, String> PAGE = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/app.js", "app.js",
      "/style.css", "style.css",
      "/favicon.svg", "favicon.svg");

  static {
    // The JDK's server writes an answer's headers and body in two packets; with Nagle's algorithm on, the body then
    // waits for the client's delayed ACK, 40 ms per request on Linux (measured: 50 ms for a 1 ms query). Read once,
    // when the server classes load, so it is set before the first HttpServer.create.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final Api api;
  private final boolean loopbackOnly;

  private Explorer(HttpServer server, ThreadPoolExecutor pool, Api api, boolean loopbackOnly) {
    this.server = server;
    this.pool = pool;
    this.api = api;
    this.loopbackOnly = loopbackOnly;
  }

  /** Starts serving the API on {@code address} (port 0: any free port) with {@code threads} request threads. */
  public static Explorer start(Api api, InetSocketAddress address, int threads) throws IOException {
    HttpServer server = HttpServer.create(address, 256);
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1024), r -> {
          Thread t = new Thread(r, "w2v-serve-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    InetAddress bound = address.getAddress();
    Explorer ex = new Explorer(server, pool, api, bound != null && bound.isLoopbackAddress());
    server.createContext("/", ex::handle);
    server.setExecutor(pool);
    server.start();
    return ex;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The page's address. */
  public String url() {
    InetAddress a = server.getAddress().getAddress();
    String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + "/";
  }

  public Api api() {
    return api;
  }

  /** Stops accepting, lets running requests finish for up to a second, and stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdown();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      try {
        route(x);
      } catch (ApiError e) {
        error(x, e.status, e.getMessage());
      } catch (RuntimeException | Error e) {
        LOG.warn("w2v serve: {} {} failed: {}", x.getRequestMethod(), x.getRequestURI().getRawPath(), e.toString());
        error(x, 500, "internal error: " + e.getClass().getSimpleName());
      }
    } catch (IOException e) {
      // the client went away mid-answer: nothing to tell it
    }
  }

  private void route(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      x.getResponseHeaders().set("Allow", "GET, HEAD");
      throw new ApiError(405, "only GET is answered, not " + Limits.cut(method));
    }
    if (loopbackOnly && !localHost(x.getRequestHeaders().getFirst("Host"))) {
      // a page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not read the answers
      throw new ApiError(403, "Host must be localhost or a loopback address for a server bound to loopback");
    }
    String path = x.getRequestURI().getRawPath();
    String raw = x.getRequestURI().getRawQuery();
    if (raw != null && raw.length() > Limits.MAX_QUERY_CHARS) {
      throw new ApiError(414, "query string of " + raw.length() + " characters; at most " + Limits.MAX_QUERY_CHARS);
    }
    if (path.startsWith("/api/")) {
      String json = api.answer(path.substring("/api/".length()), Params.parse(raw));
      send(x, 200, "application/json; charset=utf-8", (json + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    String file = PAGE.get(path);
    if (file == null) {
      throw ApiError.notFound("no page " + Limits.cut(path));
    }
    try (InputStream in = Explorer.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new ApiError(500, "the page's " + file + " is missing from the jar");
      }
      send(x, 200, contentType(file), in.readAllBytes());
    }
  }

  private static String contentType(String file) {
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (file.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "text/css; charset=utf-8";
  }

  /** True for the Host header of a request to this machine's loopback name or addresses (any port). */
  static boolean localHost(String host) {
    if (host == null) {
      return true; // HTTP/1.0 without a Host header: not a browser
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 && h.substring(1, end).equals("::1");
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static void error(HttpExchange x, int status, String message) throws IOException {
    String json = Json.document(g -> {
      g.writeStartObject();
      g.writeStringField("error", message);
      g.writeEndObject();
    });
    send(x, status, "application/json; charset=utf-8", (json + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
    Headers h = x.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    boolean head = x.getRequestMethod().equals("HEAD");
    x.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream os = x.getResponseBody()) {
        os.write(body);
      }
    }
  }
}
