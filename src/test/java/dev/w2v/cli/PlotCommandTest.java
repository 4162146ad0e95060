// `w2v plot`: a well-formed SVG holding every label, a PNG of the asked size, and refusals.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class PlotCommandTest {
  @TempDir Path dir;

  private static String vectors() throws Exception {
    return Paths.get(PlotCommandTest.class.getResource("/dev/w2v/query/gensim-8d.txt").toURI()).toString();
  }

  @Test
  void svgIsWellFormedAndHoldsEveryLabel() throws Exception {
    Path out = dir.resolve("words.svg");
    CliRun r = CliRun.run("plot", "-vectors", vectors(), "-neighbours", "3", "-output", out.toString(), "city", "season",
        "\"", "<unk>");
    assertEquals(0, r.code, r.toString());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    Document doc = f.newDocumentBuilder().parse(out.toFile());
    assertEquals("svg", doc.getDocumentElement().getTagName());
    assertEquals("1000", doc.getDocumentElement().getAttribute("width"));
    NodeList texts = doc.getElementsByTagName("text");
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < texts.getLength(); i++) {
      labels.add(texts.item(i).getTextContent());
    }
    for (String w : new String[] {"city", "season", "\"", "<unk>"}) {
      assertTrue(labels.contains(w), w + " in " + labels);
    }
    // the gensim neighbours of city (see gensim-queries.tsv) are drawn too
    for (String w : new String[] {"km", "year", "1"}) {
      assertTrue(labels.contains(w), w + " in " + labels);
    }
    int dots = doc.getElementsByTagName("circle").getLength() - 2; // two in the legend
    assertEquals(texts.getLength() - 4, dots, "a dot per label (besides title, axes line and legend)");
    assertTrue(dots >= 4 + 3 && dots <= 4 + 4 * 3, "4 words and up to 3 neighbours each: " + dots);
    String[] noTemp = dir.toFile().list();
    assertEquals(1, noTemp.length, "only the picture is left: " + String.join(",", noTemp));
  }

  @Test
  void pngHasTheAskedSize() throws Exception {
    Path out = dir.resolve("words.PNG");
    CliRun r = CliRun.run("plot", "-vectors", vectors(), "-output", out.toString(), "-width", "640", "-height", "480",
        "city", "season", "song", "team");
    assertEquals(0, r.code, r.toString());
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(640, img.getWidth());
    assertEquals(480, img.getHeight());
    // not blank: some dark label pixels
    int dark = 0;
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        if ((img.getRGB(x, y) & 0xff) < 80) {
          dark++;
        }
      }
    }
    assertTrue(dark > 500, "dark pixels: " + dark);
  }

  @Test
  void refusalsAreOneLineAndWriteNothing() throws Exception {
    Path svg = dir.resolve("w.svg");
    CliRun r = CliRun.run("plot", "-vectors", vectors(), "-output", dir.resolve("w.jpg").toString(), "city");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    r = CliRun.run("plot", "-vectors", vectors(), "-output", svg.toString(), "city", "kingg");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertTrue(r.err.startsWith("w2v plot: \"kingg\" is not in the vocabulary"), r.err);
    assertEquals(1, r.err.split("\n").length, r.err);
    assertFalse(Files.exists(svg));
    r = CliRun.run("plot", "-vectors", vectors(), "-neighbours", "1000", "-output", svg.toString(), "city");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertEquals(0, dir.toFile().list().length);
  }
}
