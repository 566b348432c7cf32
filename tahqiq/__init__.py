"""tahqiq: the domain library (no Dagster here). Arabic text, extraction, reconciliation."""
