# Sourced by the benchmark scripts. The shared data folder (golden/, data/gutenberg8.gz, data/eval/) is found
# without any machine's path: $W2V_SHARED when set, otherwise ../shared beside the project.
#
#   shared="$(w2v_shared SCRIPT PROJECT_DIR [ENTRY])"
#
# prints the folder (which must hold ENTRY, default data), or stops with one line saying what to set.
w2v_shared() {
  local name="$1" project="$2" entry="${3:-data}" dir
  if [[ -n "${W2V_SHARED:-}" ]]; then
    dir="$W2V_SHARED"
    if [[ ! -e "$dir/$entry" ]]; then
      echo "$name: W2V_SHARED=$dir has no $entry; set W2V_SHARED to the shared folder (the one holding $entry/)" >&2
      return 2
    fi
  else
    dir="$project/../shared"
    if [[ ! -e "$dir/$entry" ]]; then
      echo "$name: no ../shared/$entry beside the project; set W2V_SHARED=/path/to/shared (the folder holding $entry/)" >&2
      return 2
    fi
  fi
  (cd "$dir" && pwd)
}
