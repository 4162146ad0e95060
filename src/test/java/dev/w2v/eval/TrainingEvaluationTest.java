// The per-epoch evaluation lines and table: a file with nothing to score shows '-', never NaN.
package dev.w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingEvaluationTest {
  @Test
  void scoresPrintWithTheirCoverage() {
    var acc = new TrainingEvaluation.Score(2, Path.of("q.txt"), true, 41.2666, Double.NaN, 8861, 19544);
    assertEquals("epoch 2/5  q.txt  accuracy 41.27 %  (seen 8861 of 19544 questions)", TrainingEvaluation.line(acc, 5));
    var pairs = new TrainingEvaluation.Score(2, Path.of("p.tsv"), false, 0.61234, -0.5, 90, 353);
    assertEquals("epoch 2/5  p.tsv  spearman 0.6123  pearson -0.5000  (seen 90 of 353 pairs)",
        TrainingEvaluation.line(pairs, 5));
  }

  @Test
  void nothingToScoreIsADashNotNaN() {
    var none = new TrainingEvaluation.Score(1, Path.of("phrases.txt"), true, Double.NaN, Double.NaN, 0, 3218);
    assertEquals("epoch 1/2  phrases.txt  accuracy -  (seen 0 of 3218 questions)", TrainingEvaluation.line(none, 2));
    var onePair = new TrainingEvaluation.Score(1, Path.of("p.tsv"), false, Double.NaN, Double.NaN, 1, 353);
    assertEquals("epoch 1/2  p.tsv  spearman -  pearson -  (seen 1 of 353 pairs)",
        TrainingEvaluation.line(onePair, 2));
  }
}
