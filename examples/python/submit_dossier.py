#!/usr/bin/python3
"""A plain gRPC client of the hub, generated from protos/ with grpcio-tools (Debian packages
python3-grpcio and python3-grpc-tools): submits a dossier, records its receipt, and waits until
GetDossier shows both delivered to the national portal.

    examples/python/submit_dossier.py --hub 127.0.0.1:5080 --key <sample agency key from ./run.sh>
"""
import argparse
import sys
import time
import uuid

import hub_stubs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", default="127.0.0.1:5080")
    parser.add_argument("--key", required=True)
    parser.add_argument("--agency", default="000.00.01.H22")
    options = parser.parse_args()

    hub_stubs.generate()
    import grpc
    from google.protobuf.timestamp_pb2 import Timestamp
    from integrationhub.v1 import dossiers_pb2 as pb, dossiers_pb2_grpc as rpc, lifecycle_pb2 as lifecycle, payments_pb2 as payments

    metadata = [("x-api-key", options.key)]
    stub = rpc.DossierServiceStub(grpc.insecure_channel(options.hub))
    received, due = Timestamp(), Timestamp()
    received.GetCurrentTime()
    due.FromSeconds(received.seconds + 3 * 86400)

    answer = stub.SubmitDossier(pb.SubmitDossierRequest(
        request_id=str(uuid.uuid4()),
        procedure_code="1.000894",
        agency_code=options.agency,
        applicant=pb.Applicant(kind=pb.APPLICANT_KIND_CITIZEN, id_number="001090123456", name="Nguyễn Văn An"),
        contact_phone="0912345678",
        summary="Đăng ký khai sinh cho con",
        received_at=received,
        due_at=due,
        service_level=pb.SERVICE_LEVEL_3,
        channel=pb.CHANNEL_COUNTER,
        documents=[pb.Document(component_code="TP01", name="Tờ khai đăng ký khai sinh", media_type="pdf", size_bytes=183204,
                               sha256="a" * 64, storage_url="https://files.example.gov.vn/tk.pdf")],
        fees=[payments.Fee(code="LP01", name="Lệ phí đăng ký khai sinh", amount=8000, kind=2)],
    ), metadata=metadata)
    print(f"submitted: {answer.dossier_code} status={lifecycle.DossierStatus.Name(answer.status)} version={answer.version}")

    step = stub.RecordProgress(pb.RecordProgressRequest(
        request_id=str(uuid.uuid4()), dossier_code=answer.dossier_code, action=lifecycle.PROGRESS_ACTION_RECEIVE,
        handler=pb.Handler(name="Trần Thị Hoa", title="Chuyên viên", department="Bộ phận một cửa"), occurred_at=received,
    ), metadata=metadata)
    print(f"progress:  status={lifecycle.DossierStatus.Name(step.status)} version={step.version}")

    for _ in range(50):
        dossier = stub.GetDossier(pb.GetDossierRequest(dossier_code=answer.dossier_code), metadata=metadata)
        delivery = dossier.deliveries[0] if dossier.deliveries else None
        if delivery and delivery.state == pb.DELIVERY_STATE_DELIVERED and delivery.delivered_version == dossier.version:
            print(f"delivered: {delivery.target} at version {delivery.delivered_version}")
            return
        time.sleep(0.2)
    sys.exit(f"not delivered yet: {dossier.deliveries}")


if __name__ == "__main__":
    main()
