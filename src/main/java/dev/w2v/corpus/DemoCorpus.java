// Generates the bundled demo corpus (data/demo.txt): English-like sentences with planted word relations, so that a
// model trained on a few MB answers analogies such as king - man + woman = queen.
package dev.w2v.corpus;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated corpus in which every target word is the combination of two factors, each seen through its own
 * context words: a pair topic (king and queen both come with "throne", "crown", ...) and a side of the family's
 * relation (king, man and prince come with "he", "his", ...; queen, woman and princess with "she", "her", ...).
 * So {@code queen - king} is about the same vector as {@code woman - man}: the analogies of every family hold.
 *
 * <p>Templates write {@code {w}} for the target word, {@code {t}} for one of its pair's topic words,
 * {@code {a|b}} for a word that depends on the side (a for the pair's first word, b for its second), and
 * {@code {n}}, {@code {v}}, {@code {j}} for filler nouns, verbs and adjectives. Deterministic for a given seed
 * ({@link Random} is specified to the bit). Plain ASCII, one sentence per line.
 */
public final class DemoCorpus {
  /** Word pairs sharing one relation (first word : second word), with each pair's topic words. */
  public record Family(String name, String[][] pairs, String[][] topics, String[] templates) {}

  public static final List<Family> FAMILIES = List.of(
      new Family("gender",
          new String[][] {
            {"king", "queen"}, {"man", "woman"}, {"prince", "princess"}, {"boy", "girl"}, {"father", "mother"},
            {"son", "daughter"}, {"brother", "sister"}, {"husband", "wife"}, {"uncle", "aunt"},
            {"emperor", "empress"}, {"actor", "actress"}, {"waiter", "waitress"}},
          new String[][] {
            {"throne", "crown", "realm", "palace", "royal"}, {"job", "town", "neighbour", "street"},
            {"castle", "heir", "tower", "palace", "royal"}, {"school", "toy", "playground"},
            {"home", "children", "family"}, {"parents", "birthday", "family"}, {"sibling", "twin", "family"},
            {"wedding", "marriage", "family"}, {"cousin", "nephew", "family"},
            {"empire", "legions", "palace", "royal"}, {"stage", "film", "theatre"}, {"restaurant", "menu", "tips"}},
          new String[] {
            "the {w} sat with {his|her} {t} and {he|she} {v} the {j} {n}",
            "{he|she} is the {w} of the {t} and {he|she} {v} {his|her} {n}",
            "everyone {v} the {j} {w} because {he|she} loved {his|her} {t}",
            "the {t} {v} {him|her} when the {w} spoke to {himself|herself}",
            "{mr|mrs} {n} was a {j} {w} and {his|her} {t} was {j}",
            "in the {n} the {w} {v} {his|her} {t} while {he|she} waited",
          }),
      new Family("capital",
          new String[][] {
            {"france", "paris"}, {"germany", "berlin"}, {"italy", "rome"}, {"spain", "madrid"},
            {"japan", "tokyo"}, {"russia", "moscow"}, {"egypt", "cairo"}, {"greece", "athens"},
            {"britain", "london"}, {"portugal", "lisbon"}, {"poland", "warsaw"}, {"austria", "vienna"},
            {"norway", "oslo"}, {"ireland", "dublin"}},
          new String[][] {
            {"french", "seine", "wine"}, {"german", "spree", "beer"}, {"italian", "tiber", "pasta"},
            {"spanish", "flamenco", "tapas"}, {"japanese", "sushi", "yen"}, {"russian", "kremlin", "volga"},
            {"egyptian", "nile", "pyramids"}, {"greek", "olives", "acropolis"}, {"british", "thames", "tea"},
            {"portuguese", "fado", "tagus"}, {"polish", "vistula", "pierogi"}, {"austrian", "danube", "waltz"},
            {"norwegian", "fjords", "salmon"}, {"irish", "liffey", "whiskey"}},
          new String[] {
            "{w} is a {j} {country|city} and its {president|mayor} {v} the {t} {n}",
            "the {government|mayor} of {w} {v} the {j} {t} {n}",
            "people across the {nation|streets} of {w} {v} {t} and the {j} {n}",
            "{w} has a long {border|avenue} and a {j} {t} {n}",
            "the {t} {n} of the {republic|capital} {w} is {j}",
            "tourists travel through the {territory|downtown} of {w} to see the {t}",
          }),
      new Family("plural",
          new String[][] {
            {"cat", "cats"}, {"dog", "dogs"}, {"horse", "horses"}, {"bird", "birds"}, {"car", "cars"},
            {"tree", "trees"}, {"apple", "apples"}, {"book", "books"}, {"house", "houses"}, {"ship", "ships"},
            {"flower", "flowers"}, {"cow", "cows"}},
          new String[][] {
            {"milk", "mouse", "whiskers"}, {"bone", "leash", "kennel"}, {"saddle", "hay", "stable"},
            {"nest", "feathers", "wings"}, {"engine", "road", "garage"}, {"leaves", "forest", "branches"},
            {"orchard", "juice", "pie"}, {"library", "pages", "chapter"}, {"roof", "rooms", "walls"},
            {"sails", "ocean", "crew"}, {"garden", "petals", "bloom"}, {"farm", "grass", "calf"}},
          new String[] {
            "{one|many} {j} {w} {is|are} near the {t}",
            "{this|these} {w} {was|were} {j} and {has|have} a {t}",
            "we saw {one|two} {w} by the {t} in the {n}",
            "{that|those} {w} {likes|like} the {t} more than the {n}",
            "there {is|are} {a single|several} {w} in the {t} {n}",
          }),
      new Family("tense",
          new String[][] {
            {"walk", "walked"}, {"eat", "ate"}, {"write", "wrote"}, {"sing", "sang"}, {"swim", "swam"},
            {"drive", "drove"}, {"buy", "bought"}, {"run", "ran"}, {"speak", "spoke"}, {"build", "built"},
            {"paint", "painted"}, {"cook", "cooked"}},
          new String[][] {
            {"park", "path", "stroll"}, {"bread", "dinner", "breakfast"}, {"letter", "pen", "poem"},
            {"song", "choir", "melody"}, {"pool", "lake", "waves"}, {"truck", "highway", "traffic"},
            {"market", "shop", "bargain"}, {"race", "track", "marathon"}, {"language", "speech", "words"},
            {"bridge", "bricks", "tools"}, {"canvas", "colours", "brush"}, {"kitchen", "soup", "oven"}},
          new String[] {
            "{today|yesterday} they {w} the {t} with the {j} {n}",
            "{now|then} we {w} near the {t} and the {n}",
            "every {morning|evening} {they|we} {often|once} {w} by the {t}",
            "{usually|earlier} the {n} {will|had} not {w} the {t}",
            "i {always|already} {w} at the {t} {tonight|ago}",
          }));

  private static final String[] NOUNS = {
    "story", "water", "window", "friend", "question", "answer", "village", "meadow", "lamp", "clock",
    "river", "mountain", "winter", "summer", "island", "table", "door", "teacher", "doctor", "farmer", "picture",
    "night", "day", "year", "week", "time", "plan", "idea", "voice", "history", "music", "money", "train",
    "boat", "hill", "field", "stone", "light", "rain", "wind", "fire", "sky", "sun", "moon", "coat", "hat", "box",
  };
  private static final String[] VERBS = {
    "saw", "liked", "found", "remembered", "watched", "described", "mentioned", "noticed", "praised", "visited",
    "admired", "ignored", "carried", "opened", "closed", "helped", "followed", "greeted", "thanked", "met",
  };
  private static final String[] ADJECTIVES = {
    "old", "new", "quiet", "famous", "small", "large", "beautiful", "busy", "strange", "green", "happy", "tired",
    "young", "ancient", "bright", "dark", "warm", "cold", "rich", "poor", "kind", "proud", "calm", "loud",
  };
  private static final String[] FILLER = {
    "the {j} {n} {v} the {n} in the {n}",
    "a {n} and a {n} {v} the {j} {n}",
    "after the {n} the {j} {n} was {j}",
    "nobody {v} the {n} on that {j} {n}",
  };

  private DemoCorpus() {}

  /**
   * Every planted analogy within a family: pairs (a, b) and (c, d) give {@code {a, b, c, d}}, asking for d as
   * b - a + c.
   */
  public static List<String[]> analogies() {
    List<String[]> q = new ArrayList<>();
    for (Family f : FAMILIES) {
      for (String[] p : f.pairs()) {
        for (String[] r : f.pairs()) {
          if (p != r) {
            q.add(new String[] {p[0], p[1], r[0], r[1]});
          }
        }
      }
    }
    return q;
  }

  /** Writes {@code sentences} lines generated from {@code seed}. */
  public static void write(Writer out, int sentences, long seed) throws IOException {
    Random rnd = new Random(seed);
    StringBuilder line = new StringBuilder(200);
    for (int s = 0; s < sentences; s++) {
      line.setLength(0);
      if (rnd.nextInt(10) == 0) {
        fill(line, FILLER[rnd.nextInt(FILLER.length)], null, null, 0, rnd);
      } else {
        Family f = FAMILIES.get(rnd.nextInt(FAMILIES.size()));
        int p = rnd.nextInt(f.pairs().length);
        int side = rnd.nextInt(2);
        fill(line, f.templates()[rnd.nextInt(f.templates().length)], f.pairs()[p][side], f.topics()[p], side, rnd);
      }
      line.append('\n');
      out.append(line);
    }
  }

  /** Expands one template into {@code line}. */
  private static void fill(StringBuilder line, String template, String word, String[] topics, int side, Random rnd) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        line.append(c);
        i++;
        continue;
      }
      int end = template.indexOf('}', i);
      String slot = template.substring(i + 1, end);
      int bar = slot.indexOf('|');
      if (bar >= 0) {
        line.append(side == 0 ? slot.substring(0, bar) : slot.substring(bar + 1));
      } else {
        switch (slot) {
          case "w" -> line.append(word);
          case "t" -> line.append(topics[rnd.nextInt(topics.length)]);
          case "n" -> line.append(NOUNS[rnd.nextInt(NOUNS.length)]);
          case "v" -> line.append(VERBS[rnd.nextInt(VERBS.length)]);
          case "j" -> line.append(ADJECTIVES[rnd.nextInt(ADJECTIVES.length)]);
          default -> throw new IllegalArgumentException("bad slot {" + slot + "} in " + template);
        }
      }
      i = end + 1;
    }
  }

  /**
   * {@code DemoCorpus [-sentences N] [-seed S] OUTPUT}: writes the corpus; data/demo.txt is
   * {@code -sentences 40000 -seed 1}.
   */
  public static void main(String[] args) {
    int sentences = 40_000;
    long seed = 1;
    Path output = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-sentences") && i + 1 < args.length) {
        sentences = Integer.parseInt(args[++i]);
      } else if (args[i].equals("-seed") && i + 1 < args.length) {
        seed = Long.parseLong(args[++i]);
      } else if (output == null && !args[i].startsWith("-")) {
        output = Path.of(args[i]);
      } else {
        System.err.println("usage: DemoCorpus [-sentences N] [-seed S] OUTPUT");
        System.exit(2);
      }
    }
    if (output == null) {
      System.err.println("usage: DemoCorpus [-sentences N] [-seed S] OUTPUT");
      System.exit(2);
    }
    try (AtomicFile f = AtomicFile.create(output, "output file")) {
      Writer w = new OutputStreamWriter(f.stream(), StandardCharsets.US_ASCII);
      write(w, sentences, seed);
      w.flush();
      f.commit();
    } catch (IOException | W2vException e) {
      System.err.println("DemoCorpus: error: " + e.getMessage());
      System.exit(1);
    }
  }
}
