// The README's table of contents lists every section, and every in-page link (#anchor) leads to a heading.
package dev.w2v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ReadmeContentsTest {

  private static final Pattern HEADING = Pattern.compile("^(#{2,3}) (.+)$");
  private static final Pattern LINK = Pattern.compile("\\]\\(#([^)\\s]+)\\)");
  private static final Pattern NOT_SLUG = Pattern.compile("[^\\w\\- ]", Pattern.UNICODE_CHARACTER_CLASS);

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    return NOT_SLUG.matcher(heading.strip().toLowerCase(java.util.Locale.ROOT)).replaceAll("").replace(' ', '-');
  }

  @Test
  void slugsAsGitHubMakesThem() {
    assertEquals("w2v-similar-word", slug("`w2v similar WORD...`"));
    assertEquals("w2v-cosine-word1-word2-", slug("`w2v cosine WORD1 WORD2 ...`"));
    assertEquals("measured-local-mode-this-machine", slug("Measured (local mode, this machine)"));
  }

  @Test
  void contentsListEverySectionAndEveryAnchorExists() throws IOException {
    Path readme = Path.of("README.md"); // Maven runs tests in the project directory
    Assumptions.assumeTrue(Files.isRegularFile(readme), "README.md not found from " + Path.of("").toAbsolutePath());
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> contents = new ArrayList<>();
    boolean fence = false;
    boolean inContents = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        fence = !fence;
        continue;
      }
      if (fence) {
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        inContents = h.group(2).equals("Contents");
        if (inContents) {
          continue;
        }
        String s = slug(h.group(2));
        int n = seen.merge(s, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? s : s + "-" + n);
      } else if (inContents) {
        Matcher l = LINK.matcher(line);
        if (l.find()) {
          contents.add(l.group(1));
        }
      }
    }
    assertTrue(anchors.size() > 10, "README headings found: " + anchors);
    assertEquals(new ArrayList<>(anchors), contents,
        "README's Contents must list every ## and ### heading, in order (add a line there for a new section)");
    Matcher m = LINK.matcher(String.join("\n", lines));
    while (m.find()) {
      assertTrue(anchors.contains(m.group(1)), "README links to #" + m.group(1) + ", which is no heading");
    }
  }
}
