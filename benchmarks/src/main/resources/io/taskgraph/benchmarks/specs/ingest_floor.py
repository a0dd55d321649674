"""The ingest path's floor: the same python3 builds the same rows and json.dumps each one to a file."""
import json
import sys

import bench_ingest

rows = bench_ingest.load_rows()
with open(sys.argv[1], "w") as out:
    for row in rows:
        out.write(json.dumps(row, default=str))
        out.write("\n")
