"""
The --jsonl map step on a real distributed engine: Dask's scheduler with a LocalCluster of
worker processes. Each partition of JSON Lines records is piped through `clean-news --jsonl`
on a worker, as a Hadoop Streaming or Spark mapper would run it.

    python3 map_jsonl.py CLI INPUT.jsonl PARTITIONS WORKERS

Prints one JSON object: the figures of the run and, per partition, its output lines.
"""
import json
import subprocess
import sys
import time

from dask.distributed import Client, LocalCluster


def clean_partition(lines, cli):
    """One partition through one clean-news process: lines in, lines out, in order."""
    run = subprocess.run(["node", cli, "--jsonl", "--quiet"], input="".join(line + "\n" for line in lines), capture_output=True, text=True, check=True)
    return run.stdout.splitlines()


def main():
    cli, path, partitions, workers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(path, encoding="utf-8") as source:
        records = source.read().splitlines()
    size = -(-len(records) // partitions)
    chunks = [records[k : k + size] for k in range(0, len(records), size)]
    started = time.monotonic()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        futures = client.map(clean_partition, chunks, cli=cli, pure=False)
        outputs = client.gather(futures)
        where = {future.key: next(iter(client.who_has(future)[future.key]), None) for future in futures}
    elapsed = time.monotonic() - started
    print(json.dumps({"records": len(records), "partitions": len(chunks), "workers": workers, "seconds": round(elapsed, 2), "workersUsed": len(set(where.values())), "outputs": outputs}))


if __name__ == "__main__":
    main()
