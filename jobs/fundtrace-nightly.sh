#!/bin/sh
# One nightly run, for cron: fundtrace-nightly.sh JOB_FILE [run options...], from the install folder's jobs/.
# Everything the run prints is appended to logs/<job>.log. On success this script prints nothing, so cron mails
# nothing; on a failure (exit 1: resumable or an input missing, 2: invalid job file) or a completed run with new
# HIGH flags (exit 3, report.exitOnNewHigh) it prints the run's output, so cron mails it. Running the same line again resumes a failed run where it stopped.
set -u
cd "$(dirname "$0")/.." || exit 1
job=${1:?usage: fundtrace-nightly.sh JOB_FILE [fundtrace run options]}
shift
java=${FUNDTRACE_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
umask 077
mkdir -p logs || exit 1
log="logs/$(basename "$job" .yml).log"
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) fundtrace run $job $*" > "$out"
"$java" -Xmx4g -jar target/fundtrace.jar run "$job" "$@" >> "$out" 2>&1
status=$?
cat "$out" >> "$log"
if [ "$status" -eq 3 ]; then
  # completed, every report written: the job file asks to be told of new HIGH flags (report.exitOnNewHigh)
  echo "fundtrace run $job completed with new HIGH flags (exit 3); its output, also in $(pwd)/$log:"
  cat "$out"
elif [ "$status" -ne 0 ]; then
  echo "fundtrace run $job exited $status (0 completed, 1 failed or an input is missing: run the same command again" \
       "to resume, 2 invalid job file or arguments, 3 new HIGH flags); its output, also in $(pwd)/$log:"
  cat "$out"
fi
exit "$status"
