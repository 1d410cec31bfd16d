"""The hub's gRPC contract for Python, generated from protos/ with grpcio-tools (Debian packages
python3-grpcio and python3-grpc-tools) into examples/python/gen/ when an example starts."""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
PROTOS = HERE.parent.parent / "protos"
GENERATED = HERE / "gen"


def generate():
    """Generates the whole integrationhub.v1 package (dossiers.proto imports the lifecycle, payment,
    registry and event messages) and puts it on the import path."""
    from grpc_tools import protoc
    GENERATED.mkdir(exist_ok=True)
    protos = sorted(str(p) for p in (PROTOS / "integrationhub" / "v1").glob("*.proto"))
    include = pathlib.Path(protoc.__file__).parent / "_proto"
    args = ["protoc", f"-I{PROTOS}", f"-I{include}", f"--python_out={GENERATED}", f"--grpc_python_out={GENERATED}", *protos]
    if protoc.main(args) != 0:
        sys.exit("protoc failed")
    sys.path.insert(0, str(GENERATED))
