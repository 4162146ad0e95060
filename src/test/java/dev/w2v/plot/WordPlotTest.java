// Label placement: crowded words get labels that mostly do not cover each other.
package dev.w2v.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordPlotTest {
  @Test
  void labelsInACrowdMostlyAvoidEachOther() {
    Random rnd = new Random(5);
    List<WordPlot.Word> words = new ArrayList<>();
    double[][] xy = new double[40][2];
    for (int i = 0; i < xy.length; i++) {
      int g = i / 10;
      words.add(new WordPlot.Word("word" + i, i % 10 == 0, g));
      xy[i][0] = g % 2 + 0.15 * rnd.nextGaussian();
      xy[i][1] = g / 2 + 0.15 * rnd.nextGaussian();
    }
    Drawing d = WordPlot.draw(words, new Pca.Projection(xy, 0.5, 0.3), "A crowd", 800, 600);
    List<Rectangle2D> placed = new ArrayList<>();
    for (Drawing.Label l : d.labels()) {
      if (l.text().startsWith("word") && !l.text().equals("word asked for")) {
        placed.add(Drawing.box(l.x(), l.y(), l.text(), l.size(), l.bold(), l.anchor()));
      }
    }
    assertEquals(40, placed.size());
    int placedOverlaps = overlaps(placed);
    assertTrue(placedOverlaps <= 4, "overlapping label pairs: " + placedOverlaps);
    assertTrue(d.svg().contains(">A crowd</text>"));
  }

  private static int overlaps(List<Rectangle2D> boxes) {
    int n = 0;
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = 0; j < i; j++) {
        Rectangle2D a = boxes.get(i);
        Rectangle2D b = boxes.get(j);
        Rectangle2D o = a.createIntersection(b);
        if (!o.isEmpty() && o.getWidth() > 1 && o.getHeight() > 1) {
          n++;
        }
      }
    }
    return n;
  }
}
