// Lays out a 2-D scatter of words: scaled axes, dots, lines to each query word's neighbours, and labels that avoid
// each other.
package dev.w2v.plot;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns projected words into a {@link Drawing}. Query words get a large dot with a dark rim and a bold label, their
 * neighbours a small dot of the same hue and a plain label, joined to their query word by a faint line; each query
 * word has its own colour. Labels are placed greedily, query words first: each tries sixteen spots around its dot
 * (beside, above, below, diagonal; near, then farther out) and takes the one that overlaps other labels, dots and the
 * frame least, so labels rarely cover each other.
 */
public final class WordPlot {
  /** A word to draw: its label, whether it was asked for, and the index of the query word it belongs to. */
  public record Word(String label, boolean query, int group) {}

  /** Colours of successive query words (matplotlib's tab10 palette, which stays distinct in print). */
  static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"
  };

  private static final double QUERY_R = 7;
  private static final double NEIGHBOUR_R = 4;
  private static final double QUERY_SIZE = 16;
  private static final double NEIGHBOUR_SIZE = 13;

  private WordPlot() {}

  /** The picture of the words at their projected (x, y), with a title and a line saying what the axes are. */
  public static Drawing draw(List<Word> words, Pca.Projection p, String title, int width, int height) {
    Drawing d = new Drawing(width, height);
    double top = 100; // below the title and subtitle, with room for a label above the highest dot
    double bottom = height - 66; // above the legend, with room for a label below the lowest dot
    double left = 48;
    double right = width - 40;
    double[][] xy = p.xy();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] q : xy) {
      minX = Math.min(minX, q[0]);
      maxX = Math.max(maxX, q[0]);
      minY = Math.min(minY, q[1]);
      maxY = Math.max(maxY, q[1]);
    }
    // leave room on the right for labels: they sit beside their dots
    double plotRight = right - 0.12 * (right - left);
    double spanX = maxX - minX > 1e-12 ? maxX - minX : 1;
    double spanY = maxY - minY > 1e-12 ? maxY - minY : 1;
    double[] px = new double[xy.length];
    double[] py = new double[xy.length];
    for (int i = 0; i < xy.length; i++) {
      px[i] = xy.length == 1 || maxX - minX <= 1e-12 ? (left + plotRight) / 2 : left + (xy[i][0] - minX) / spanX * (plotRight - left);
      py[i] = xy.length == 1 || maxY - minY <= 1e-12 ? (top + bottom) / 2 : bottom - (xy[i][1] - minY) / spanY * (bottom - top);
    }

    d.text(width / 2.0, 34, fit(title, width - 40.0), titleSize(title, width - 40.0), true, "#222222", 1);
    String axes = String.format(Locale.ROOT,
        "PCA of the unit vectors: across, component 1 (%.0f%% of the variance); up, component 2 (%.0f%%)",
        100 * p.varianceX(), 100 * p.varianceY());
    if (Drawing.measure(axes, 13, false)[0] > width - 40) {
      axes = String.format(Locale.ROOT, "PCA: across PC1 (%.0f%% of variance), up PC2 (%.0f%%)",
          100 * p.varianceX(), 100 * p.varianceY());
    }
    d.text(width / 2.0, 58, axes, 13, false, "#555555", 1);
    d.line(left - 8, height - 40, right, height - 40, "#cccccc", 1, 1);

    // faint lines from each neighbour to its query word
    int[] queryOf = new int[64];
    java.util.Arrays.fill(queryOf, -1);
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (w.query()) {
        if (w.group() >= queryOf.length) {
          queryOf = java.util.Arrays.copyOf(queryOf, 2 * w.group() + 1);
        }
        queryOf[w.group()] = i;
      }
    }
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      int q = w.group() < queryOf.length ? queryOf[w.group()] : -1;
      if (!w.query() && q >= 0) {
        d.line(px[q], py[q], px[i], py[i], colour(w.group()), 1.2, 0.35);
      }
    }
    List<Rectangle2D> taken = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      double r = (words.get(i).query() ? QUERY_R : NEIGHBOUR_R) + 1;
      taken.add(new Rectangle2D.Double(px[i] - r, py[i] - r, 2 * r, 2 * r));
    }
    for (int pass = 0; pass < 2; pass++) { // neighbours under query words
      for (int i = 0; i < words.size(); i++) {
        Word w = words.get(i);
        if (w.query() == (pass == 1)) {
          if (w.query()) {
            d.dot(px[i], py[i], QUERY_R, colour(w.group()), "#222222", 1.5);
          } else {
            d.dot(px[i], py[i], NEIGHBOUR_R, light(colour(w.group())), colour(w.group()), 1);
          }
        }
      }
    }
    Rectangle2D frame = new Rectangle2D.Double(4, 66, width - 8, height - 42 - 66);
    for (int pass = 0; pass < 2; pass++) { // query labels choose first
      for (int i = 0; i < words.size(); i++) {
        Word w = words.get(i);
        if (w.query() != (pass == 0)) {
          continue;
        }
        double size = w.query() ? QUERY_SIZE : NEIGHBOUR_SIZE;
        double r = w.query() ? QUERY_R : NEIGHBOUR_R;
        double[] m = Drawing.measure(w.label(), size, w.query());
        double[] best = place(px[i], py[i], r, m, taken, frame, i);
        taken.add(new Rectangle2D.Double(best[0], best[1] - m[1], m[0], m[1] + m[2]));
        d.text(best[0], best[1], w.label(), size, w.query(), w.query() ? "#111111" : "#333333", 0);
      }
    }

    // legend
    double ly = height - 18;
    d.dot(left + 8, ly - 5, QUERY_R, "#888888", "#222222", 1.5);
    d.text(left + 22, ly, "word asked for", 13, true, "#333333", 0);
    boolean anyNeighbour = false;
    for (Word w : words) {
      anyNeighbour |= !w.query();
    }
    if (!anyNeighbour) {
      return d;
    }
    double lx = left + 22 + Drawing.measure("word asked for", 13, true)[0] + 28;
    d.dot(lx, ly - 5, NEIGHBOUR_R, light("#888888"), "#888888", 1);
    d.text(lx + 12, ly, "nearest neighbour (joined to its word)", 13, false, "#333333", 0);
    return d;
  }

  /** The (x, baseline y) of the best of the candidate spots for a label of size m beside a dot of radius r. */
  private static double[] place(double x, double y, double r, double[] m, List<Rectangle2D> taken, Rectangle2D frame,
      int self) {
    double w = m[0];
    double asc = m[1];
    double h = m[1] + m[2];
    double gap = r + 3;
    double[] best = null;
    double bestCost = Double.MAX_VALUE;
    int k = 0;
    for (double far : new double[] {1, 2.2}) {
      double g = gap * far;
      double[][] spots = {
        {x + g, y - h / 2}, // right, centred
        {x - g - w, y - h / 2}, // left
        {x - w / 2, y - g - h}, // above
        {x - w / 2, y + g}, // below
        {x + g * 0.7, y - g * 0.7 - h}, // above right
        {x + g * 0.7, y + g * 0.7}, // below right
        {x - g * 0.7 - w, y - g * 0.7 - h}, // above left
        {x - g * 0.7 - w, y + g * 0.7}, // below left
      };
      for (double[] s : spots) {
        Rectangle2D box = new Rectangle2D.Double(s[0], s[1], w, h);
        double cost = k++ * 0.5; // prefer the earlier, nearer spots
        for (int j = 0; j < taken.size(); j++) {
          if (j == self) {
            continue;
          }
          Rectangle2D t = taken.get(j);
          if (t.intersects(box)) {
            Rectangle2D o = t.createIntersection(box);
            cost += 4 * o.getWidth() * o.getHeight() + 40;
          }
        }
        Rectangle2D in = frame.createIntersection(box);
        double outside = w * h - (in.isEmpty() ? 0 : in.getWidth() * in.getHeight());
        cost += 20 * outside;
        if (cost < bestCost) {
          bestCost = cost;
          best = new double[] {s[0], s[1] + asc};
        }
      }
    }
    return best;
  }

  /** The title's font size: 20 pixels, smaller (down to 13) when it would not fit the width. */
  static double titleSize(String title, double room) {
    double w = Drawing.measure(title, 20, true)[0];
    return w <= room ? 20 : Math.max(13, Math.floor(20 * room / w));
  }

  /** The title, cut with an ellipsis when even the smallest size does not fit. */
  static String fit(String title, double room) {
    double size = titleSize(title, room);
    if (Drawing.measure(title, size, true)[0] <= room) {
      return title;
    }
    String t = title;
    while (t.length() > 1 && Drawing.measure(t + "…", size, true)[0] > room) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }

  static String colour(int group) {
    return PALETTE[Math.floorMod(group, PALETTE.length)];
  }

  /** The colour mixed half-way to white. */
  static String light(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    int r = ((rgb >> 16) & 0xff) + 255 >> 1;
    int g = ((rgb >> 8) & 0xff) + 255 >> 1;
    int b = (rgb & 0xff) + 255 >> 1;
    return String.format("#%02x%02x%02x", r, g, b);
  }
}
