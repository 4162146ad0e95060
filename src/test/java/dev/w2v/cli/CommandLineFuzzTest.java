// Fuzz target: the command line. Any arguments end with an exit code in the documented set and no stack trace.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

class CommandLineFuzzTest {
  private static final Set<Integer> DOCUMENTED = Set.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.BAD_INPUT,
      ExitCodes.IO, ExitCodes.MEMORY);
  private static final Pattern FRAME = Pattern.compile("(?m)^\\s+at [\\w$]+(\\.[\\w$<>]+)+\\(");
  private static final Pattern THROWN = Pattern.compile("(?m)^([\\w$]+\\.)+[\\w$]*(Exception|Error)\\b|Exception in thread");
  private static final Path DIR = dev.w2v.vocab.FuzzFiles.file("x").getParent();
  private static final String CORPUS = "the king and the queen\nthe man and the woman\nking queen man woman\n";
  private static final String VECTORS = "4 2\nking 1 0\nqueen 0.9 0.1\nman 0 1\nwoman 0.1 0.9\n";
  private static final String VOCAB = "</s> 3\nthe 4\nking 2\nand 2\nqueen 2\n";
  private static final String[] COMMANDS = {"train", "similar", "analogy", "accuracy", "similarity", "phrases",
      "cosine", "odd-one-out", "plot", "convert", "--help", "--version", "help", "bogus"};
  private static final String[] FLAGS = {"-train", "-output", "-size", "-window", "-sample", "-hs", "-negative",
      "-threads", "-iter", "-min-count", "-alpha", "-classes", "-debug", "-binary", "-save-vocab", "-read-vocab",
      "-cbow", "-reference", "-shared-negatives", "-vectors", "-n", "-limit", "-threshold", "-passes", "-min-counts",
      "-thresholds", "-format", "-neg", "-vector", "-vocab", "-neighbours", "-title", "-width", "-height", "-seed",
      "-save-model", "-init-model", "-checkpoint", "-resume", "--", "-", "-h"};
  private static final String[] VALUES = {"-1", "0", "1", "2", "3", "5", "abc", "1e3", "1e-3", "99999999999",
      "2147483648", "-0", "nan", "inf", "", " 3", "0,1", "king", "queen", "man", "@king", "\u001b]0;x\u0007"};
  private static final String[] FILES = {"corpus.txt", "vectors.txt", "vocab.txt", "out.bin", "out.txt", "missing",
      ".", "sub/none.txt", "out.svg", "out.png", "model.w2vm"};

  @FuzzTest(maxDuration = "2m")
  void commandLine(FuzzedDataProvider in) throws IOException {
    Files.writeString(DIR.resolve("corpus.txt"), CORPUS);
    Files.writeString(DIR.resolve("vectors.txt"), VECTORS);
    Files.writeString(DIR.resolve("vocab.txt"), VOCAB);
    List<String> args = new ArrayList<>();
    args.add(in.pickValue(COMMANDS));
    int n = in.consumeInt(0, 12);
    for (int i = 0; i < n; i++) {
      switch (in.consumeInt(0, 4)) {
        case 0 -> args.add(in.pickValue(FLAGS));
        case 1 -> args.add(in.pickValue(VALUES));
        case 2 -> args.add(DIR.resolve(in.pickValue(FILES)).toString());
        case 3 -> args.add(in.consumeString(20));
        default -> {
          args.add(in.pickValue(FLAGS));
          args.add(in.pickValue(VALUES));
        }
      }
    }
    // never write into the working directory (train's default output is ./vectors.bin)
    if ((args.get(0).equals("train") || args.get(0).equals("plot") || args.get(0).equals("convert"))
        && !args.contains("-output")) {
      args.add("-output");
      args.add(DIR.resolve("default.bin").toString());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // standard input ("-" as a file, or the query commands' questions) is the rest of the fuzzer's bytes
    byte[] stdin = in.consumeRemainingAsBytes();
    QuerySession.input = new ByteArrayInputStream(stdin);
    InputStream systemIn = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    int code;
    try {
      code = Main.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      QuerySession.input = null;
      System.setIn(systemIn);
    }
    String e = err.toString();
    String what = args + " -> exit " + code + "\n" + e;
    assertTrue(DOCUMENTED.contains(code), what);
    boolean traces = args.contains("-debug") && args.contains("3");
    if (!traces) {
      // a stack frame or an exception's own line (not the user's arguments echoed inside a message)
      assertFalse(FRAME.matcher(e).find() || THROWN.matcher(e).find(), what);
    }
    assertFalse(e.contains("internal error"), what);
    assertTrue(new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).length() >= 0);
  }
}
