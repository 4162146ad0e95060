// Which storage level keeps the Spark trainer's state, and when it warns that one executor's loss is fatal.
package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/** The cluster run itself (an executor killed) is ExecutorLossIT, in `mvn verify`. */
class FaultToleranceTest {
  @Test
  void aClusterWithoutCheckpointDirectoryKeepsTwoCopies() {
    assertEquals(StorageLevel.MEMORY_AND_DISK_2(),
        SparkSkipGram.stateLevel(StorageLevel.MEMORY_AND_DISK(), false, false));
    assertEquals(StorageLevel.DISK_ONLY_2(), SparkSkipGram.stateLevel(StorageLevel.DISK_ONLY(), false, false));
    assertEquals(StorageLevel.MEMORY_AND_DISK_SER_2(),
        SparkSkipGram.stateLevel(StorageLevel.MEMORY_AND_DISK_SER(), false, false));
    assertEquals(StorageLevel.DISK_ONLY_3(), SparkSkipGram.stateLevel(StorageLevel.DISK_ONLY_3(), false, false));
  }

  @Test
  void aCheckpointDirectoryOrLocalModeKeepsTheChosenLevel() {
    assertEquals(StorageLevel.MEMORY_AND_DISK(), SparkSkipGram.stateLevel(StorageLevel.MEMORY_AND_DISK(), false,
        true));
    assertEquals(StorageLevel.DISK_ONLY(), SparkSkipGram.stateLevel(StorageLevel.DISK_ONLY(), true, false));
  }

  @Test
  void oneExecutorWithoutCheckpointDirectoryIsWarnedAbout() {
    String w = SparkSkipGram.singleExecutorWarning(false, false, 1);
    assertTrue(w.startsWith("warning: ") && w.contains("single executor") && w.contains("spark.checkpoint.dir"), w);
    assertEquals(1, w.lines().count(), w);
    assertNull(SparkSkipGram.singleExecutorWarning(false, false, 2));
    assertNull(SparkSkipGram.singleExecutorWarning(false, true, 1), "a checkpoint directory recovers");
    assertNull(SparkSkipGram.singleExecutorWarning(true, false, 1), "local mode: the driver is the executor");
  }
}
