import dagster as dg

from assets.partitions import batch_partitions

# The main job: one batch from the inbox to every table, reconciliation over all batches.
# In-process: the steps run one after another anyway (each writes the one DuckDB file), and the default
# multiprocess executor started a process per step (18), each loading the definitions again.
process_batch_job = dg.define_asset_job(
    name="process_batch",
    selection=dg.AssetSelection.all(),
    partitions_def=batch_partitions,
    description="Ingest one batch, normalize and extract it, then reconcile and check everything.",
    executor_def=dg.in_process_executor,
)
