// One vocabulary entry as Spark holds it: the vocabulary is an RDD of these, never required in the driver.
package dev.w2v.spark;

import java.io.Serializable;

/**
 * A word, its corpus count and its index. Indices follow word2vec.c's SortVocab: 0 is the sentence break
 * {@code </s>} (or a -read-vocab file's first entry), then descending count, ties in order of first occurrence.
 */
public record VocabWord(String word, long count, int id) implements Serializable {}
