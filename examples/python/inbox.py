#!/usr/bin/python3
"""An agency's inbox of dossiers citizens filed on the national portal (DVCQG): lists what arrived for
the agency, downloads each file and checks it against its SHA-256, then acknowledges the dossier.

    examples/python/inbox.py --key <sample agency key> [--agency 000.00.01.H22] [--out /tmp/inbox]
(./run.sh: the sandbox portal files a dossier every 2 minutes; the hub pulls them every 30 s.)
"""
import argparse
import hashlib
import os
import sys

import hub_stubs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", default="127.0.0.1:5080")
    parser.add_argument("--key", required=True)
    parser.add_argument("--agency", default="000.00.01.H22")
    parser.add_argument("--out", default="/tmp/inbox", help="where the files are written")
    options = parser.parse_args()

    hub_stubs.generate()
    import grpc
    from integrationhub.v1 import inbox_pb2 as pb, inbox_pb2_grpc as rpc

    metadata = [("x-api-key", options.key)]
    inbox = rpc.InboxServiceStub(grpc.insecure_channel(options.hub))
    token = ""
    taken = 0
    while True:
        try:
            page = inbox.ListArrivals(pb.ListArrivalsRequest(agency_codes=[options.agency], page_token=token), metadata=metadata)
        except grpc.RpcError as e:
            sys.exit(f"list: {e.code().name}: {e.details()}")
        for arrival in page.arrivals:
            print(f"{arrival.dossier_code}  {arrival.procedure_code}  {arrival.applicant_name}  due {arrival.due_at.ToDatetime():%Y-%m-%d}")
            folder = os.path.join(options.out, arrival.dossier_code)
            os.makedirs(folder, exist_ok=True)
            for file in arrival.files:
                digest = hashlib.sha256()
                with open(os.path.join(folder, os.path.basename(file.name)), "wb") as out:
                    for chunk in inbox.DownloadAttachment(
                            pb.DownloadAttachmentRequest(dossier_code=arrival.dossier_code, attachment_id=file.attachment_id), metadata=metadata):
                        out.write(chunk.data)
                        digest.update(chunk.data)
                if digest.hexdigest() != file.sha256:
                    sys.exit(f"  {file.name}: SHA-256 differs; not acknowledging {arrival.dossier_code}")
                print(f"  {file.name}: {file.size_bytes} bytes, SHA-256 checked")
            inbox.AcknowledgeArrival(pb.AcknowledgeArrivalRequest(dossier_code=arrival.dossier_code), metadata=metadata)
            taken += 1
        token = page.next_page_token
        if not token:
            break
    print(f"{taken} dossier(s) taken and acknowledged; files under {options.out}")


if __name__ == "__main__":
    main()
