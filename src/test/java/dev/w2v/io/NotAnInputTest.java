// The output-is-an-input check by file identity: same path, hard and symbolic links, `..`, files not yet there.
package dev.w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotAnInputTest {
  @TempDir Path tmp;

  private void refused(Path output, Path input) {
    W2vException e = assertThrows(W2vException.class,
        () -> NotAnInput.check(output, "-output", List.of(tmp.resolve("other.txt"), input), "the training file"),
        output + " vs " + input);
    assertEquals(W2vException.Kind.USAGE, e.kind());
    assertEquals("-output " + output + " is the training file " + input
        + " (the same file): refusing to overwrite an input; choose another output", e.getMessage());
  }

  private void accepted(Path output, Path input) {
    NotAnInput.check(output, "-output", List.of(input), "the training file");
  }

  @Test
  void theSameFileUnderAnyNameIsRefused() throws IOException {
    Path corpus = Files.writeString(tmp.resolve("corpus.txt"), "a b c\n");
    Files.writeString(tmp.resolve("other.txt"), "x\n");
    Path sub = Files.createDirectories(tmp.resolve("sub"));
    refused(corpus, corpus);
    refused(sub.resolve("../corpus.txt"), corpus);
    refused(corpus, sub.resolve("../corpus.txt"));
    Path hard = Files.createLink(tmp.resolve("hard.txt"), corpus);
    refused(hard, corpus);
    Path soft = Files.createSymbolicLink(tmp.resolve("soft.txt"), corpus);
    refused(soft, corpus);
    refused(corpus, soft);
    Path dirLink = Files.createSymbolicLink(tmp.resolve("dirlink"), tmp);
    refused(dirLink.resolve("corpus.txt"), corpus);
    refused(Path.of(corpus.toString().replace(tmp.toString(), tmp + "/./sub/..")), corpus);
    // relative to the working directory
    Path rel = Path.of("").toAbsolutePath().relativize(corpus);
    refused(rel, corpus);
  }

  @Test
  void otherFilesPass() throws IOException {
    Path corpus = Files.writeString(tmp.resolve("corpus.txt"), "a b c\n");
    accepted(tmp.resolve("new.bin"), corpus); // not there yet
    accepted(tmp.resolve("sub/../new.bin"), corpus);
    Path copy = Files.copy(corpus, tmp.resolve("copy.txt"));
    accepted(copy, corpus); // same content, another file
    accepted(Path.of("-"), corpus); // standard output
    accepted(null, corpus);
    accepted(tmp.resolve("dangling"), tmp.resolve("missing.txt"));
    accepted(tmp.resolve("x.bin"), Path.of("/dev/null")); // not a regular file: never compared
  }

  @Test
  void aDanglingLinkToAnInputIsNotPossibleButALinkToANewNameBesideItPasses() throws IOException {
    Path corpus = Files.writeString(tmp.resolve("corpus.txt"), "a b c\n");
    Path link = Files.createSymbolicLink(tmp.resolve("out.bin"), tmp.resolve("target.bin"));
    accepted(link, corpus);
    assertTrue(NotAnInput.same(corpus, corpus));
  }
}
