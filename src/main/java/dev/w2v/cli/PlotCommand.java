// `w2v plot`: a labelled 2-D picture (PCA) of chosen words and their nearest neighbours, as SVG or PNG.
package dev.w2v.cli;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import dev.w2v.plot.Drawing;
import dev.w2v.plot.Pca;
import dev.w2v.plot.WordPlot;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.query.Neighbour;
import dev.w2v.query.Words;
import dev.w2v.vectors.Embeddings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Projects words (and their neighbours) to 2-D by PCA and draws them, labelled, into an SVG or PNG file. */
@Command(
    name = "plot",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Draw a labelled 2-D picture of words into an SVG or PNG file.",
      "The words are projected to 2-D by PCA. Each word asked for gets its own colour; with -neighbours N its N nearest words are drawn too, smaller, "
          + "joined to it by a faint line. The format follows the -output name (.svg or .png). Words starting with '-' go after '--'."
    },
    footer = {
      "",
      "Examples:",
      "  w2v plot -vectors vec.bin -output royals.svg king queen prince man woman",
      "  w2v plot -vectors vec.bin -neighbours 8 -output words.png paris water music"
    })
public final class PlotCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "WORD", description = "The words to draw.")
  List<String> words = new ArrayList<>();

  @Option(names = "-output", paramLabel = "FILE", required = true, description = "The picture: NAME.svg or NAME.png.")
  Path output;

  @Option(names = "-neighbours", paramLabel = "N", defaultValue = "0",
      description = "Also draw each word's N nearest neighbours (default: 0; at most 100).")
  int neighbours;

  @Option(names = "-title", paramLabel = "TEXT", description = "The title (default: the words and the file).")
  String title;

  @Option(names = "-width", paramLabel = "PIXELS", defaultValue = "1000", description = "Width (default: 1000).")
  int width;

  @Option(names = "-height", paramLabel = "PIXELS", defaultValue = "750", description = "Height (default: 750).")
  int height;

  @Mixin QueryOptions.Limit limit = new QueryOptions.Limit();

  @Mixin QueryOptions opts = new QueryOptions();

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws Exception {
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean png = name.endsWith(".png");
    if (!png && !name.endsWith(".svg")) {
      throw W2vException.usage("-output " + output + ": the name must end in .svg or .png (it chooses the format)");
    }
    if (neighbours < 0 || neighbours > 100) {
      throw W2vException.usage("-neighbours must be between 0 and 100, got " + neighbours);
    }
    if (width < 200 || width > 10000 || height < 150 || height > 10000) {
      throw W2vException.usage("-width must be 200..10000 and -height 150..10000 pixels, got " + width + " x " + height);
    }
    if (words.size() > 200) {
      throw W2vException.usage(words.size() + " words given; a readable picture takes at most 200");
    }
    if (Files.exists(output) && Files.exists(opts.vectors) && Files.isSameFile(output, opts.vectors)) {
      throw W2vException.usage("-output " + output + " is the vectors file; choose another name");
    }
    AtomicFile.checkWritable(output, "-output");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    Embeddings e = opts.load(limit.limit, err, who);
    QuerySession session = new QuerySession(e, out, err, who, OutputFormat.TABLE, "cosine");
    int[] asked = session.lookUp(words.toArray(new String[0]));
    if (asked == null) {
      return ExitCodes.BAD_INPUT;
    }
    // every word once: a word asked for keeps its own colour even when it is also another's neighbour
    Map<Integer, WordPlot.Word> drawn = new LinkedHashMap<>();
    for (int g = 0; g < asked.length; g++) {
      drawn.putIfAbsent(asked[g], new WordPlot.Word(Words.show(e, asked[g]), true, g));
    }
    if (neighbours > 0) {
      NearestNeighbours nn = new NearestNeighbours(e);
      for (int g = 0; g < asked.length; g++) {
        for (Neighbour nb : nn.nearest(e.vector(asked[g]), neighbours, new int[] {asked[g]}, Float.NEGATIVE_INFINITY)) {
          drawn.putIfAbsent(nb.index(), new WordPlot.Word(Words.show(e, nb.index()), false, g));
        }
      }
    }
    List<WordPlot.Word> list = new ArrayList<>(drawn.values());
    float[][] points = new float[list.size()][];
    int k = 0;
    for (int row : drawn.keySet()) {
      points[k++] = e.vector(row);
    }
    String heading = title != null ? title : defaultTitle(list, e);
    System.setProperty("java.awt.headless", "true");
    Drawing d = WordPlot.draw(list, Pca.project(points), heading, width, height);
    try (AtomicFile f = AtomicFile.create(output, "-output")) {
      OutputStream os = f.stream();
      if (png) {
        ImageIO.setUseCache(false);
        ImageIO.write(d.image(), "png", os);
      } else {
        os.write(d.svg().getBytes(StandardCharsets.UTF_8));
      }
      f.commit();
    } catch (IOException x) {
      throw W2vException.io("cannot write -output " + output + ": " + AtomicFile.reason(x), x);
    }
    if (opts.debug >= 2) {
      err.println(who + ": drew " + list.size() + " words into " + output);
      err.flush();
    }
    return ExitCodes.OK;
  }

  private String defaultTitle(List<WordPlot.Word> list, Embeddings e) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (WordPlot.Word w : list) {
      if (w.query()) {
        if (shown == 6) {
          sb.append(", …");
          break;
        }
        sb.append(shown++ == 0 ? "" : ", ").append(w.label());
      }
    }
    String file = e.source() == null ? "" : " in " + e.source().getFileName();
    return sb + (neighbours > 0 ? " and their nearest words" : "") + file;
  }
}
