// The output layouts of the query and evaluation commands.
package dev.w2v.cli;

/** How results are printed: for people (table) or for scripts (tsv, json). */
public enum OutputFormat {
  TABLE,
  TSV,
  JSON
}
