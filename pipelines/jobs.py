import dagster as dg

from pipelines.partitions import batch_partitions

# The main job: one batch from the inbox to every table, reconciliation over all batches (it runs its
# steps in one process: the executor is set for every job in pipelines/definitions.py).
process_batch_job = dg.define_asset_job(
    name="process_batch",
    selection=dg.AssetSelection.all(),
    partitions_def=batch_partitions,
    description="Ingest one batch, normalize and extract it, then reconcile and check everything.",
)
