// `w2v serve`: the local web explorer over one or two vector files.
package dev.w2v.cli;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.serve.Api;
import dev.w2v.serve.Explorer;
import dev.w2v.serve.Model;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Loads the vector files once and serves the explorer page and its JSON API until Ctrl-C. */
@Command(
    name = "serve",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Explore vectors in a web browser: a local page and JSON API.",
      "Loads the vector file(s) once, then serves a page with nearest neighbours, analogies, cosine, odd-one-out and"
          + " an interactive 2-D map, and a JSON API under /api/ whose answers equal the query commands' -format json."
          + " Two -vectors files are shown side by side. Listens on 127.0.0.1 only unless -bind says otherwise;"
          + " Ctrl-C stops it."
    },
    footer = {
      "",
      "Examples:",
      "  w2v serve -vectors vectors.bin          (then open http://127.0.0.1:8080/)",
      "  w2v serve -vectors before.bin -vectors after.bin -port 9000",
      "  curl 'http://127.0.0.1:8080/api/similar?word=king&n=5'"
    })
public final class ServeCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Option(names = "-vectors", paramLabel = "FILE", required = true,
      description = "Vector file (any format the query commands read); give it twice to compare two models.")
  List<Path> vectors = new ArrayList<>();

  @Option(names = "-port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: 8080; 0 = any free port).")
  int port;

  @Option(names = "-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the network).")
  String bind;

  @Option(names = "-threads", paramLabel = "N", defaultValue = "8", description = "Request threads (default: 8).")
  int threads;

  @Mixin QueryOptions.Limit limit = new QueryOptions.Limit();

  @Option(names = "-debug", paramLabel = "N", defaultValue = "1",
      description = "0 quiet, 1 warnings, 2 also load timings, 3 also stack traces (default: 1).")
  int debug;

  @Override
  public boolean stackTraces() {
    return debug >= 3;
  }

  @Override
  public Integer call() throws Exception {
    if (vectors.size() > 2) {
      throw W2vException.usage("-vectors given " + vectors.size() + " times; the explorer compares at most two models");
    }
    if (port < 0 || port > 65535) {
      throw W2vException.usage("-port must be 0..65535, got " + port);
    }
    if (threads < 1 || threads > 256) {
      throw W2vException.usage("-threads must be 1..256, got " + threads);
    }
    if (limit.limit < 0) {
      throw W2vException.usage("-limit must be 0 (all words) or more, got " + limit.limit);
    }
    for (Path v : vectors) {
      if (CompressedInput.isStdin(v)) {
        throw W2vException.usage("-vectors -: the explorer reads files, not standard input");
      }
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw W2vException.usage("-bind " + Printable.of(bind, 100) + ": not an address of this machine");
    }
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    List<Model> models = new ArrayList<>();
    for (Path v : vectors) {
      long t0 = System.nanoTime();
      if (v.toFile().length() > (64L << 20)) {
        NearestNeighbours.warmUpInBackground(300);
      }
      Embeddings e = VectorReader.read(v, limit.limit == 0 ? VectorReader.ALL : limit.limit, true);
      if (debug >= 2) {
        err.printf("%s: loaded %d words x %d from %s in %.3f s%n", who, e.size(), e.dim(),
            Printable.of(v.toString(), 400), (System.nanoTime() - t0) / 1e9);
        err.flush();
      }
      Path name = v.getFileName();
      models.add(new Model(name == null ? v.toString() : name.toString(), e));
    }
    Explorer explorer;
    try {
      explorer = Explorer.start(new Api(models), new InetSocketAddress(address, port), threads);
    } catch (BindException e) {
      throw W2vException.io("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
          + " (another server there? choose another -port)", e);
    } catch (IOException e) {
      throw W2vException.io("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread stop = new Thread(() -> {
      explorer.close();
      stopped.countDown();
    }, "w2v-serve-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    err.println(who + ": serving " + (models.size() == 1 ? "" : models.size() + " models ") + "at " + explorer.url()
        + (address.isLoopbackAddress() ? "" : " (listening on " + bind + ")") + "  (Ctrl-C stops)");
    err.flush();
    stopped.await(); // until Ctrl-C (or a kill): the shutdown hook closes the server
    return ExitCodes.INTERRUPTED;
  }
}
