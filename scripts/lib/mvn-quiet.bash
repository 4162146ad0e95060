# Sourced by scripts/demo and scripts/w2v-spark. Maven 3.8 prints a few bare ANSI resets ("ESC[0m") on stdout and
# stderr even with -q -B, which show up as garbage in a log or a captured stream. mvn_quiet runs Maven with its
# output held back: nothing is shown when it succeeds, and everything (escape codes removed) goes to stderr when
# it fails, with Maven's exit status.
mvn_quiet() {
  local out status=0
  out="$(mvn -B -q "$@" 2>&1)" || status=$?
  if [[ $status != 0 ]]; then
    printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -v '^$' >&2 || true
  fi
  return "$status"
}
