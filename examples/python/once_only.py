#!/usr/bin/python3
"""Once-only from an agency's side: looks a citizen up twice (the second answer comes from the hub's
cache), then submits a dossier naming the applicant by number, name and birth date only and shows
what the hub filled from the population database.

    examples/python/once_only.py --key <sample agency key> --id <number> --name "<full name>" --birth-date yyyy-MM-dd
(./run.sh prints a citizen the simulated population database holds.)
"""
import argparse
import sys
import uuid

import hub_stubs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", default="127.0.0.1:5080")
    parser.add_argument("--key", required=True)
    parser.add_argument("--agency", default="000.00.01.H22")
    parser.add_argument("--id", required=True, help="12-digit personal identification number")
    parser.add_argument("--name", required=True)
    parser.add_argument("--birth-date", required=True, help="yyyy-MM-dd")
    options = parser.parse_args()

    hub_stubs.generate()
    import grpc
    from google.protobuf.timestamp_pb2 import Timestamp
    from integrationhub.v1 import dossiers_pb2 as pb, dossiers_pb2_grpc as rpc, registries_pb2 as registries, registries_pb2_grpc as registry_rpc

    metadata = [("x-api-key", options.key)]
    channel = grpc.insecure_channel(options.hub)
    procedure = "1.001193"

    lookup = registries.LookupCitizenRequest(id_number=options.id, full_name=options.name, birth_date=options.birth_date, purpose=procedure)
    for attempt in ("first", "second"):
        try:
            found = registry_rpc.RegistryServiceStub(channel).LookupCitizen(lookup, metadata=metadata)
        except grpc.RpcError as e:
            sys.exit(f"lookup: {e.code().name}: {e.details()}")
        where = "the hub's cache" if found.source.from_cache else f"the {found.source.registry} database"
        print(f"{attempt} lookup: {registries.LookupOutcome.Name(found.outcome)} from {where}, fetched {found.source.fetched_at.ToJsonString()}")
    print(f"  {found.citizen.full_name}, born {found.citizen.birth_date}, lives at {found.citizen.current_address}")

    received, due = Timestamp(), Timestamp()
    received.GetCurrentTime()
    due.FromSeconds(received.seconds + 5 * 86400)
    answer = rpc.DossierServiceStub(channel).SubmitDossier(pb.SubmitDossierRequest(
        request_id=str(uuid.uuid4()),
        procedure_code=procedure,
        agency_code=options.agency,
        applicant=pb.Applicant(kind=pb.APPLICANT_KIND_CITIZEN, id_number=options.id, name=options.name, birth_date=options.birth_date),
        summary="Cấp bản sao trích lục hộ tịch",
        received_at=received,
        due_at=due,
        service_level=pb.SERVICE_LEVEL_3,
        channel=pb.CHANNEL_ONLINE,
    ), metadata=metadata)
    print(f"submitted with the identity only: {answer.dossier_code}, applicant {pb.ApplicantCheckState.Name(answer.applicant_check_state)}, "
          f"filled: {', '.join(answer.filled_fields) or 'nothing'}")
    dossier = rpc.DossierServiceStub(channel).GetDossier(pb.GetDossierRequest(dossier_code=answer.dossier_code), metadata=metadata)
    for filled in dossier.applicant_check.filled:
        value = getattr(dossier.applicant, filled.field)
        value = registries.Sex.Name(value) if filled.field == "sex" else value
        print(f"  {filled.field} = {value}  (from {filled.source.registry}, fetched {filled.source.fetched_at.ToJsonString()})")


if __name__ == "__main__":
    main()
