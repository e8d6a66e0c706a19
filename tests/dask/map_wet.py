"""
The map step over Common Crawl WET files on Dask's scheduler: each task cleans one WET file into
its own JSON Lines (gzipped) and its own list of rejected pages, as a job over a crawl's
thousands of WET files would, each file a task.

    python3 map_wet.py CLI OUT_DIR WORKERS WET_FILE...

Prints one JSON object: the figures of the run and, per file, its outputs and exit status.
"""
import json
import os
import subprocess
import sys
import time

from dask.distributed import Client, LocalCluster


def clean_file(path, cli, out_dir):
    """One WET file through one clean-news process; its outputs are named after it."""
    name = os.path.basename(path).split(".")[0]
    out = os.path.join(out_dir, name + ".jsonl.gz")
    rejected = os.path.join(out_dir, name + ".rejected.jsonl")
    run = subprocess.run(["node", cli, "--quiet", path, "--out", out, "--rejected", rejected], capture_output=True, text=True)
    return {"input": path, "status": run.returncode, "out": out, "rejected": rejected, "stderr": run.stderr}


def main():
    cli, out_dir, workers, paths = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    started = time.monotonic()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        futures = client.map(clean_file, paths, cli=cli, out_dir=out_dir, pure=False)
        results = client.gather(futures)
        where = {future.key: next(iter(client.who_has(future)[future.key]), None) for future in futures}
    elapsed = time.monotonic() - started
    print(json.dumps({"files": len(paths), "workers": workers, "seconds": round(elapsed, 2), "workersUsed": len(set(where.values())), "results": results}))


if __name__ == "__main__":
    main()
