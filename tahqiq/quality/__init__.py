"""Quality of the reconciled record: where the sources disagree (conflicts) and what a check should flag."""
