# Sourced by scripts/w2v and scripts/w2v-spark. The JVM prints "WARNING: Using incubator modules:
# jdk.incubator.vector" on fd 2 before any of our code runs, and no JVM option silences it (nor slf4j's line on
# the provider named by -Dslf4j.provider). So the launchers hand w2v the real stderr as fd 3 (-Dw2v.stderr.fd=3,
# dev.w2v.cli.Streams) and point the JVM's own fd 2 at this filter, which drops those lines and passes anything
# else (a bad W2V_JAVA_OPTS, a JVM crash, Spark's own log) on. It ignores Ctrl-C: the JVM handles it and closes
# fd 2, which ends the filter.
jvm_stderr() {
  trap '' INT
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do
    case "$line" in
      "WARNING: Using incubator modules: "* | "SLF4J(I): Attempting to load provider "*) ;;
      *) printf '%s\n' "$line" ;;
    esac
  done >&2
}
