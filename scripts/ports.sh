#!/usr/bin/env bash
# Source this file: free_port prints a loopback port nothing listens on.
# Ports are taken outside the kernel's ephemeral range (ip_local_port_range) where it leaves room: a port inside
# it may be free to listeners yet held as the source port of an outgoing connection, and then binding it fails.

free_port() {
  local port low=32768 high=60999 from=20000 to=60000
  [ -r /proc/sys/net/ipv4/ip_local_port_range ] && read -r low high </proc/sys/net/ipv4/ip_local_port_range
  if [ "$low" -gt 21000 ]; then
    to=$low
  elif [ "$high" -lt 64535 ]; then
    from=$((high + 1)); to=65535
  fi
  for _ in $(seq 1 50); do
    port=$((from + RANDOM % (to - from)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}
