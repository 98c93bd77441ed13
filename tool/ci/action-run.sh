#!/usr/bin/env bash
# Runs kstidy for the GitHub action (action.yml, docs/ci.md): writes SARIF,
# sets the step's outputs, and exits as the job should.
#
# Inputs, from the environment (action.yml maps its inputs to them):
#   INPUT_PATHS             sources, .vcxproj or .sln files, separated by
#                           whitespace; shell globs (** too) are expanded
#   INPUT_COMPILE_COMMANDS  -p: a build directory or compile_commands.json
#   INPUT_BASELINE          --baseline: report (and fail on) new findings only
#   INPUT_ARGS              more kstidy options, separated by whitespace
#   INPUT_SARIF_FILE        where the SARIF goes (default kstidy.sarif)
#   INPUT_SARIF_BASE        --sarif-base (default $GITHUB_WORKSPACE, else .)
#   INPUT_FAIL_ON_FINDINGS  true (default): findings (exit 1) fail the step
#   KSTIDY                  the kstidy to run (default: kstidy on PATH)
# Outputs, appended to $GITHUB_OUTPUT: exit-code (kstidy's), findings (the
# results in the SARIF), sarif-file (its absolute path; set only when kstidy
# wrote it), complete (true when kstidy exited 0 or 1: the SARIF covers every
# input, and action.yml uploads it; after 2 or 3 it may not, and an upload
# would close the code scanning alerts of what was not analysed). A line for
# the job summary goes to $GITHUB_STEP_SUMMARY.
#
# Exit code: kstidy's, except 1 (findings) with INPUT_FAIL_ON_FINDINGS=false,
# which is 0; 2 and 3 (input or compile errors) always fail. 2 also for a bad
# input of the action itself.
set -euo pipefail

die() { echo "kstidy-action: error: $*" >&2; exit 2; }
output() { echo "$1=$2" >>"${GITHUB_OUTPUT:-/dev/null}"; }

kstidy=${KSTIDY:-kstidy}
sarif=${INPUT_SARIF_FILE:-kstidy.sarif}
base=${INPUT_SARIF_BASE:-${GITHUB_WORKSPACE:-.}}
fail_on_findings=$(echo "${INPUT_FAIL_ON_FINDINGS:-true}" | tr '[:upper:]' '[:lower:]')
case "$fail_on_findings" in
  true | false) ;;
  *) die "fail-on-findings must be true or false, not '${INPUT_FAIL_ON_FINDINGS}'" ;;
esac
command -v "$kstidy" >/dev/null 2>&1 || die "$kstidy not found on PATH"

cmd=("$kstidy" --format=sarif -o "$sarif" --sarif-base "$base")
if [ -n "${INPUT_COMPILE_COMMANDS:-}" ]; then
  cmd+=(-p "$INPUT_COMPILE_COMMANDS")
fi
if [ -n "${INPUT_BASELINE:-}" ]; then
  cmd+=(--baseline "$INPUT_BASELINE")
fi
read -r -d '' -a extra <<<"${INPUT_ARGS:-}" || true
cmd+=("${extra[@]}")
# Each word of paths is a glob; one that matches nothing is passed as it is,
# for kstidy to name as not found.
shopt -s globstar
read -r -d '' -a patterns <<<"${INPUT_PATHS:-}" || true
paths=()
for pattern in "${patterns[@]}"; do
  # shellcheck disable=SC2206 # the expansion is the point
  matches=($pattern)
  paths+=("${matches[@]}")
done
if [ ${#paths[@]} -eq 0 ] && [ -z "${INPUT_COMPILE_COMMANDS:-}" ]; then
  die "nothing to analyse: give paths (sources, .vcxproj, .sln) or compile-commands"
fi
cmd+=("${paths[@]}")

rm -f "$sarif"
mkdir -p "$(dirname "$sarif")"
echo "+ ${cmd[*]}"
set +e
"${cmd[@]}"
rc=$?
set -e

output exit-code "$rc"
if [ "$rc" -le 1 ] && [ -f "$sarif" ]; then
  output complete true
else
  output complete false
fi
findings=
if [ -f "$sarif" ]; then
  findings=$({ grep -o '"ruleId"' "$sarif" || true; } | wc -l | tr -d ' ')
  abs="$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")"
  output sarif-file "$abs"
  output findings "$findings"
  echo "kstidy-action: $findings findings in $abs"
else
  echo "kstidy-action: kstidy wrote no SARIF"
fi

case "$rc" in
  0) verdict="no findings" ;;
  1) verdict="findings reported" ;;
  2) verdict="usage or input error" ;;
  3) verdict="compile errors, no findings" ;;
  *) verdict="kstidy failed" ;;
esac
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  echo "kstidy: exit code $rc ($verdict)${findings:+, $findings findings in the SARIF}" \
    >>"$GITHUB_STEP_SUMMARY"
fi

if [ "$rc" -eq 1 ] && [ "$fail_on_findings" = false ]; then
  echo "kstidy-action: findings reported; fail-on-findings is false, the step passes"
  exit 0
fi
exit "$rc"
