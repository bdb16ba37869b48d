#!/bin/sh
# fundtrace-alert.sh UNIT: tells someone that a fundtrace unit failed (see fundtrace-alert@.service).
set -u
unit=${1:?usage: fundtrace-alert.sh UNIT}
text=$(journalctl -u "$unit" -n 40 --no-pager 2>&1)
logger -p user.err -t fundtrace-alert "$unit failed; journalctl -u $unit shows why"
if command -v mail >/dev/null 2>&1; then
  printf '%s\n' "$text" | mail -s "fundtrace: $unit failed" "${FUNDTRACE_ALERT_TO:-root}"
fi
