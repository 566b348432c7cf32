import dagster as dg

# One partition per batch folder; the inbox sensor and `tahqiq run` register new ones.
batch_partitions = dg.DynamicPartitionsDefinition(name="batch")
