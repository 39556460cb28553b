#!/usr/bin/env bash
# The GitHub Action's step (action.yml): install and build the tool from the action's checkout when it
# has not been built yet, then run `audit` with the action's inputs. `npm test` runs this script
# against fixtures, so what the Action does is tested.
set -euo pipefail

tool="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
if [ ! -f "$tool/dist/src/cli/main.js" ]; then
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
fi

args=(audit)
# Inputs are lists of words on one line or several (a YAML block, `paths: |`): read up to the end,
# not the first line (`read` stops at a newline unless told otherwise; at the end it returns 1).
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
args+=("${paths[@]}")
read -r -d '' -a formats <<< "${INPUT_FORMATS:-github}" || true
# The CLI pairs the Nth --output with the Nth --format: formats written to files first, stdout last.
# GitHub does not expand variables in `with:`, so the documented `markdown:$GITHUB_STEP_SUMMARY`
# arrives as written: that one variable (also spelled `${GITHUB_STEP_SUMMARY}`) is expanded here, by
# name and without eval; any other text is a file name as it stands.
to_stdout=()
for f in "${formats[@]}"; do
  name="${f%%:*}"
  if [ "$f" != "$name" ]; then
    target="${f#*:}"
    case "$target" in
      '$GITHUB_STEP_SUMMARY' | '${GITHUB_STEP_SUMMARY}')
        if [ -z "${GITHUB_STEP_SUMMARY:-}" ]; then
          echo "asa-mobile-audit: formats: $f: GITHUB_STEP_SUMMARY is not set (outside GitHub Actions, name a file)" >&2
          exit 2
        fi
        target="$GITHUB_STEP_SUMMARY"
        ;;
    esac
    args+=(--format "$name" --output "$target")
  else
    to_stdout+=(--format "$name")
  fi
done
args+=("${to_stdout[@]}")
# Empty: no --fail-on, so the configuration file's failOn and --max-warnings in args work as they do
# on the command line (a --fail-on given here would override both).
if [ -n "${INPUT_FAIL_ON:-}" ]; then args+=(--fail-on "$INPUT_FAIL_ON"); fi
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -d '' -a extra <<< "$INPUT_ARGS" || true
  args+=("${extra[@]}")
fi

exec node "$tool/dist/src/cli/main.js" "${args[@]}"
