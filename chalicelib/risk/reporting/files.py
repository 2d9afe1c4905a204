"""A consolidation run's files in S3, all under the group's own prefix.

    tenants/<group>/consolidations/<run>/work/extract-manifest.json   the extraction units (list step), read
                                                                      by the Distributed Map's ItemReader
    tenants/<group>/consolidations/<run>/extracts/<sub>/<k>-of-<n>.json  one per part of a subsidiary (extract)
    tenants/<group>/consolidations/<run>/extract-results/             the Distributed Map's ResultWriter
    tenants/<group>/consolidations/<run>/work/<name>.json             hand-over between later steps
    tenants/<group>/consolidations/<run>/reports/<name>               the datasets HQ downloads

Subsidiaries' exposures reach HQ's steps only as these files: no HQ step reads a subsidiary's partition.
"""
from __future__ import annotations

import json
import re
from typing import Any

from chalicelib.platform.keys import valid_tenant_id
from chalicelib.platform.settings import get_settings

_RUN_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")
DOWNLOAD_SECONDS = 300


def _check(group_id: str, run_id: str, name: str | None = None) -> None:
    if not valid_tenant_id(group_id) or not _RUN_ID.match(run_id) or (name is not None and not _NAME.match(name)):
        raise ValueError("invalid consolidation file reference")


def run_prefix(group_id: str, run_id: str) -> str:
    _check(group_id, run_id)
    return f"tenants/{group_id}/consolidations/{run_id}/"


def extract_key(group_id: str, run_id: str, subsidiary_id: str, part: int = 0, parts: int = 1) -> str:
    """Part ``part`` of ``parts`` of a subsidiary's extract (the count is in the name: a run re-planned
    with another count never mistakes an old part for one of its own)."""
    if not valid_tenant_id(subsidiary_id):
        raise ValueError("invalid subsidiary id")
    if not (isinstance(part, int) and isinstance(parts, int) and 0 <= part < parts <= 9999):
        raise ValueError("invalid extract part")
    return run_prefix(group_id, run_id) + f"extracts/{subsidiary_id}/{part:04d}-of-{parts:04d}.json"


def work_key(group_id: str, run_id: str, name: str) -> str:
    _check(group_id, run_id, name)
    return run_prefix(group_id, run_id) + f"work/{name}"


def report_key(group_id: str, run_id: str, name: str) -> str:
    _check(group_id, run_id, name)
    return run_prefix(group_id, run_id) + f"reports/{name}"


def _tenant_of(key: str) -> str:
    parts = key.split("/")
    if len(parts) < 3 or parts[0] != "tenants" or not valid_tenant_id(parts[1]):
        raise ValueError("run files live under tenants/<group>/")
    return parts[1]


def _s3(key: str):
    """S3 as the group whose prefix ``key`` is in: in the cloud, its scoped credentials admit only
    ``tenants/<group>/*``; locally the shared client."""
    from chalicelib.platform.tenant_credentials import tenant_client

    return tenant_client("s3", _tenant_of(key))


class RunFiles:
    """S3 reads and writes of run files, in the reports bucket named by settings."""

    def __init__(self, bucket: str | None = None):
        self._bucket = bucket

    @property
    def bucket(self) -> str:
        return self._bucket or get_settings().reports_bucket

    def put_json(self, key: str, document: Any) -> int:
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.put_bytes(key, body, "application/json")
        return len(body)

    def get_json(self, key: str) -> Any:
        return json.loads(self.get_bytes(key))

    def put_bytes(self, key: str, body: bytes, content_type: str) -> None:
        _s3(key).put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type,
                                    ServerSideEncryption="AES256")

    def get_bytes(self, key: str) -> bytes:
        return _s3(key).get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def get_json_if_exists(self, key: str) -> Any | None:
        """The document, or None if there is no such file."""
        s3 = _s3(key)
        try:
            body = s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except s3.exceptions.NoSuchKey:
            return None
        return json.loads(body)

    def head(self, key: str) -> dict[str, Any] | None:
        s3 = _s3(key)
        try:
            return s3.head_object(Bucket=self.bucket, Key=key)
        except s3.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def presign_download(self, key: str, filename: str, expires_in: int = DOWNLOAD_SECONDS) -> str:
        return _s3(key).generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key,
                                  "ResponseContentDisposition": f'attachment; filename="{filename}"'},
            ExpiresIn=expires_in)
