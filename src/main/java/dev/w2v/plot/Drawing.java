// A picture as a list of lines, dots and labels, written as SVG text or drawn into a PNG with Java2D.
package dev.w2v.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shapes in pixel coordinates (y down), drawn in the order added. The same list renders to SVG ({@link #svg()}) and to
 * an image ({@link #image()}), so the two files show the same picture; text is measured with the font both use
 * (DejaVu Sans where installed, else the JVM's sans-serif), so label boxes fit in either.
 */
public final class Drawing {
  /** The font family asked for in SVG and used to measure and draw text in PNG. */
  static final String FAMILY = "DejaVu Sans";
  private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

  private final int width;
  private final int height;
  private final List<Object> shapes = new ArrayList<>();

  record LineShape(double x1, double y1, double x2, double y2, String color, double width, double opacity) {}

  record Dot(double cx, double cy, double r, String fill, String stroke, double strokeWidth) {}

  /** Text with its baseline at y; {@code anchor} 0 = start, 1 = middle; a white halo keeps it readable over lines. */
  record Label(double x, double y, String text, double size, boolean bold, String color, int anchor) {}

  public Drawing(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  void line(double x1, double y1, double x2, double y2, String color, double w, double opacity) {
    shapes.add(new LineShape(x1, y1, x2, y2, color, w, opacity));
  }

  void dot(double cx, double cy, double r, String fill, String stroke, double strokeWidth) {
    shapes.add(new Dot(cx, cy, r, fill, stroke, strokeWidth));
  }

  void text(double x, double y, String text, double size, boolean bold, String color, int anchor) {
    shapes.add(new Label(x, y, text, size, bold, color, anchor));
  }

  /** The labels, in drawing order (for tests of their placement). */
  List<Label> labels() {
    List<Label> out = new ArrayList<>();
    for (Object s : shapes) {
      if (s instanceof Label l) {
        out.add(l);
      }
    }
    return out;
  }

  static Font font(double size, boolean bold) {
    return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
  }

  /** Width, ascent and descent of a text in pixels. */
  static double[] measure(String text, double size, boolean bold) {
    if (text.isEmpty()) {
      return new double[] {0, size * 0.8, size * 0.2};
    }
    TextLayout t = new TextLayout(text, font(size, bold), FRC);
    return new double[] {t.getAdvance(), t.getAscent(), t.getDescent()};
  }

  /** The picture as an SVG document. */
  public String svg() {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
        width, height, width, height));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (Object s : shapes) {
      if (s instanceof LineShape l) {
        sb.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\""
                + " stroke-opacity=\"%.2f\"/>\n", l.x1, l.y1, l.x2, l.y2, l.color, l.width, l.opacity));
      } else if (s instanceof Dot d) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", d.cx, d.cy, d.r,
            d.fill));
        if (d.stroke != null) {
          sb.append(String.format(Locale.ROOT, " stroke=\"%s\" stroke-width=\"%.1f\"", d.stroke, d.strokeWidth));
        }
        sb.append("/>\n");
      } else if (s instanceof Label t) {
        sb.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-family=\"%s, Verdana, sans-serif\" font-size=\"%.1f\"%s fill=\"%s\"%s"
                + " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
            t.x, t.y, FAMILY, t.size, t.bold ? " font-weight=\"bold\"" : "", t.color,
            t.anchor == 1 ? " text-anchor=\"middle\"" : ""));
        sb.append(xml(t.text)).append("</text>\n");
      }
    }
    return sb.append("</svg>\n").toString();
  }

  /** XML character data: markup characters escaped, characters XML cannot hold replaced by U+FFFD. */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> {
          boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xFFFE);
          sb.append(ok ? c : '\uFFFD');
        }
      }
    }
    return sb.toString();
  }

  /** The picture drawn with Java2D (antialiased), for PNG output. */
  public BufferedImage image() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      for (Object s : shapes) {
        if (s instanceof LineShape l) {
          g.setColor(color(l.color, l.opacity));
          g.setStroke(new BasicStroke((float) l.width));
          g.draw(new Line2D.Double(l.x1, l.y1, l.x2, l.y2));
        } else if (s instanceof Dot d) {
          Ellipse2D e = new Ellipse2D.Double(d.cx - d.r, d.cy - d.r, 2 * d.r, 2 * d.r);
          g.setColor(color(d.fill, 1));
          g.fill(e);
          if (d.stroke != null) {
            g.setColor(color(d.stroke, 1));
            g.setStroke(new BasicStroke((float) d.strokeWidth));
            g.draw(e);
          }
        } else if (s instanceof Label t) {
          TextLayout layout = new TextLayout(t.text.isEmpty() ? " " : t.text, font(t.size, t.bold),
              g.getFontRenderContext());
          double x = t.anchor == 1 ? t.x - layout.getAdvance() / 2 : t.x;
          Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, t.y));
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
          g.draw(outline);
          g.setColor(color(t.color, 1));
          g.fill(outline);
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static Color color(String hex, double opacity) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, (int) Math.round(255 * opacity));
  }

  /** A label's box, for overlap tests. */
  static Rectangle2D box(double x, double y, String text, double size, boolean bold, int anchor) {
    double[] m = measure(text, size, bold);
    double left = anchor == 1 ? x - m[0] / 2 : x;
    return new Rectangle2D.Double(left, y - m[1], m[0], m[1] + m[2]);
  }
}
