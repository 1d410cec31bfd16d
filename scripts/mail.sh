#!/usr/bin/env bash
# A real SMTP server for the hub's e-mail notices in tests and the sandbox: scripts/mail-server.py on
# Debian's python3-aiosmtpd (installed when missing and we are root), two SMTP ports (a primary and a
# second server to fail over to) and an HTTP API to read what arrived. Source this file, then:
#   mail_start DIR   exports HUB_MAIL_API (http://127.0.0.1:PORT) and HUB_MAIL_SMTP ("PORT1 PORT2")
#   mail_stop DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

mail_python() {
  if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "Installing the test SMTP server (Debian package python3-aiosmtpd)..." >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq python3-aiosmtpd >&2
    else
      echo "python3-aiosmtpd is not installed; run as root once, or: sudo apt-get install -y python3-aiosmtpd" >&2
      return 1
    fi
  fi
}

mail_start() {
  local dir=$1 smtp1 smtp2 http
  mail_python
  mkdir -p "$dir"
  smtp1=$(free_port); smtp2=$(free_port); http=$(free_port)
  /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/mail-server.py" --smtp-port "$smtp1" --smtp-port "$smtp2" --http-port "$http" \
    >"$dir/mail.out" 2>"$dir/mail.err" &
  echo $! >"$dir/mail.pid"
  for _ in $(seq 1 100); do
    if grep -q '"http"' "$dir/mail.out" 2>/dev/null; then
      export HUB_MAIL_API="http://127.0.0.1:$http" HUB_MAIL_SMTP="$smtp1 $smtp2"
      return 0
    fi
    sleep 0.1
  done
  cat "$dir/mail.err" >&2
  echo "the SMTP server did not start" >&2
  return 1
}

mail_stop() {
  local dir=$1
  if [ -f "$dir/mail.pid" ]; then
    kill "$(cat "$dir/mail.pid")" 2>/dev/null || true
    rm -f "$dir/mail.pid"
  fi
}
