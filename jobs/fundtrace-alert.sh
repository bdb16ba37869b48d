#!/bin/sh
# fundtrace-alert.sh UNIT: tells someone that a fundtrace unit failed (see fundtrace-alert@.service).
# fundtrace-alert.sh --if-new-high UNIT: from the unit's ExecStopPost=, tells someone that the run completed with new
# HIGH flags (exit 3, report.exitOnNewHigh); does nothing for any other exit status.
set -u
what=failed
if [ "${1:-}" = "--if-new-high" ]; then
  shift
  [ "${EXIT_STATUS:-}" = "3" ] || exit 0
  what="completed with new HIGH flags"
fi
unit=${1:?usage: fundtrace-alert.sh [--if-new-high] UNIT}
text=$(journalctl -u "$unit" -n 40 --no-pager 2>&1)
logger -p user.err -t fundtrace-alert "$unit $what; journalctl -u $unit shows why"
if command -v mail >/dev/null 2>&1; then
  printf '%s\n' "$text" | mail -s "fundtrace: $unit $what" "${FUNDTRACE_ALERT_TO:-root}"
fi
