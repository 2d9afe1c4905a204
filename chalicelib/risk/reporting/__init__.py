"""Consolidated report datasets (``datasets.py``, pure) and the run's files in S3 (``files.py``)."""
