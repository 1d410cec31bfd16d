#!/usr/bin/python3
"""A real SMTP server (aiosmtpd, Debian's python3-aiosmtpd) that keeps every message it accepts, for
the hub's tests and sandbox. It is stricter than a mail relay: it records, per recipient, messages
repeated under one Message-ID and messages that break RFC 5322 as the hub must write them, and never
merges or drops them. Faults are set per recipient (and optionally per port) over HTTP.

  mail-server.py --smtp-port P [--smtp-port P2 ...] --http-port H

HTTP on 127.0.0.1:H:
  GET  /ports                        {"smtp": [P, P2]}
  GET  /messages?to=ADDRESS          every message accepted for ADDRESS, in order of arrival
  GET  /problems?to=ADDRESS          {"repeats": [...Message-IDs...], "violations": [...]}
  POST /faults {"recipient": A, "mode": M, "port": P?, "times": N?}
       M: "refuse" (550 at RCPT), "unavailable" (421 at RCPT), "lose-answer" (the message is kept, the
       connection is cut before the reply); without "times" the fault lasts until the server stops.
"""
import argparse
import email
import email.policy
import json
import re
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from aiosmtpd.controller import Controller

lock = threading.Lock()
messages = []      # every accepted message, in order
violations = []    # {"to": [...], "reason": ...}
faults = []        # {"recipient", "mode", "port", "times"}


def take_fault(recipient, port, modes):
    with lock:
        for fault in faults:
            if fault["recipient"].lower() == recipient.lower() and fault["mode"] in modes and fault.get("port") in (None, port):
                if fault.get("times") is not None:
                    fault["times"] -= 1
                    if fault["times"] <= 0:
                        faults.remove(fault)
                return fault["mode"]
    return None


def check(parsed, raw, smtputf8):
    """What a well-formed notice must have; each missing thing is a violation, recorded, not refused."""
    problems = []
    for header in ("Message-ID", "Date", "From", "To", "Subject"):
        if parsed[header] is None:
            problems.append(f"no {header} header")
    head = raw.split(b"\r\n\r\n", 1)[0]
    if not smtputf8 and any(b > 127 for b in head):
        problems.append("raw 8-bit bytes in the headers without SMTPUTF8")
    if parsed.get_body(("plain",)) is None:
        problems.append("no text/plain part")
    return problems


class Handler:
    def __init__(self, port):
        self.port = port

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        mode = take_fault(address, self.port, ("refuse", "unavailable"))
        if mode == "refuse":
            return "550 5.1.1 Mailbox unavailable (sandbox fault)"
        if mode == "unavailable":
            return "421 4.3.2 Service not available (sandbox fault)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        plain = parsed.get_body(("plain",))
        html = parsed.get_body(("html",))
        record = {
            "port": self.port,
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "messageId": (parsed["Message-ID"] or "").strip(),
            "from": str(parsed["From"] or ""),
            "to": str(parsed["To"] or ""),
            "subject": str(parsed["Subject"] or ""),
            "text": plain.get_content() if plain is not None else "",
            "html": html.get_content() if html is not None else "",
            "receivedAt": datetime.now(timezone.utc).isoformat(),
        }
        smtputf8 = "SMTPUTF8" in [o.upper() for o in envelope.mail_options]
        with lock:
            for problem in check(parsed, raw, smtputf8):
                violations.append({"to": record["rcptTos"], "messageId": record["messageId"], "reason": problem})
            messages.append(record)
        if any(take_fault(r, self.port, ("lose-answer",)) for r in envelope.rcpt_tos):
            # The message is kept, as a relay that queued it would; the client never hears so.
            server.transport.abort()
            return "250 OK"
        return f"250 2.0.0 Ok: queued as {len(messages)}"


class Api(BaseHTTPRequestHandler):
    ports = []

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        to = (parse_qs(url.query).get("to") or [""])[0].lower()
        mine = lambda recipients: to == "" or to in [r.lower() for r in recipients]
        with lock:
            if url.path == "/ports":
                return self.reply(200, {"smtp": self.ports})
            if url.path == "/messages":
                return self.reply(200, [m for m in messages if mine(m["rcptTos"])])
            if url.path == "/problems":
                seen, repeats = set(), []
                for m in (m for m in messages if mine(m["rcptTos"])):
                    key = m["messageId"]
                    if key in seen and key not in repeats:
                        repeats.append(key)
                    seen.add(key)
                return self.reply(200, {"repeats": repeats, "violations": [v for v in violations if mine(v["to"])]})
        self.reply(404, {"error": "unknown path"})

    def do_POST(self):
        if urlparse(self.path).path != "/faults":
            return self.reply(404, {"error": "unknown path"})
        fault = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        if fault.get("mode") not in ("refuse", "unavailable", "lose-answer") or not re.match(r"[^@\s]+@[^@\s]+$", fault.get("recipient", "")):
            return self.reply(400, {"error": "recipient (an address) and mode (refuse, unavailable, lose-answer) are required"})
        with lock:
            faults.append(fault)
        self.reply(200, fault)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--smtp-port", type=int, action="append", required=True)
    parser.add_argument("--http-port", type=int, required=True)
    args = parser.parse_args()
    controllers = []
    for port in args.smtp_port:
        controller = Controller(Handler(port), hostname="127.0.0.1", port=port, enable_SMTPUTF8=True, decode_data=False)
        controller.start()
        controllers.append(controller)
    Api.ports = args.smtp_port
    api = ThreadingHTTPServer(("127.0.0.1", args.http_port), Api)
    print(json.dumps({"smtp": args.smtp_port, "http": args.http_port}), flush=True)
    try:
        api.serve_forever()
    finally:
        for controller in controllers:
            controller.stop()


if __name__ == "__main__":
    main()
