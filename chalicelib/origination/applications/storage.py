"""Application documents and contracts in S3, every object under ``tenants/<tenant_id>/``.

Uploads go straight from the browser to S3 through a presigned PUT that signs the
``x-amz-checksum-sha256`` header: S3 refuses a body whose SHA-256 differs and keeps the checksum,
which ``head`` reads back (``ChecksumMode=ENABLED``) when the upload is confirmed. An endpoint that
does not keep checksums (moto 5.2.5 ignores them on presigned PUTs) makes ``head`` return none, and
the service then hashes the object itself.
"""
from __future__ import annotations

from chalicelib.shared import clock

import base64
import hashlib
from datetime import timedelta
from typing import Any

from chalicelib.origination.applications.ports import StoredObject, UploadTicket
from chalicelib.platform.settings import get_settings


def document_key(tenant_id: str, application_id: str, document_id: str, file_name: str) -> str:
    return f"tenants/{tenant_id}/applications/{application_id}/documents/{document_id}/{file_name}"


def contract_key(tenant_id: str, application_id: str, contract_id: str) -> str:
    return f"tenants/{tenant_id}/applications/{application_id}/contracts/{contract_id}.html"


def sha256_b64_of_hex(hex_digest: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_digest)).decode()


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _s3(tenant_id: str) -> Any:
    """S3 as the tenant: in the cloud, credentials that admit only ``tenants/<tenant_id>/*``."""
    from chalicelib.platform.tenant_credentials import tenant_client

    return tenant_client("s3", tenant_id)


class S3DocumentStorage:
    """The documents bucket (``settings.documents_bucket``), with the tenant's scoped credentials."""

    @property
    def bucket(self) -> str:
        return get_settings().documents_bucket

    def presign_upload(self, tenant_id: str, key: str, content_type: str, size: int, sha256_b64: str,
                       expires_in: int) -> UploadTicket:
        url = _s3(tenant_id).generate_presigned_url(
            "put_object",
            Params={"Bucket": self.bucket, "Key": key, "ContentType": content_type, "ContentLength": size,
                    "ChecksumSHA256": sha256_b64},
            ExpiresIn=expires_in,
        )
        headers = {"Content-Type": content_type, "x-amz-checksum-sha256": sha256_b64}
        return UploadTicket(url, "PUT", headers, clock.now() + timedelta(seconds=expires_in))

    def head(self, tenant_id: str, key: str) -> StoredObject | None:
        s3 = _s3(tenant_id)
        try:
            head = s3.head_object(Bucket=self.bucket, Key=key, ChecksumMode="ENABLED")
        except s3.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise
        return StoredObject(int(head["ContentLength"]), head.get("ChecksumSHA256"))

    def put(self, tenant_id: str, key: str, body: bytes, content_type: str) -> None:
        _s3(tenant_id).put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type,
                                    ChecksumSHA256=base64.b64encode(hashlib.sha256(body).digest()).decode())

    def get(self, tenant_id: str, key: str) -> bytes:
        return _s3(tenant_id).get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def presign_download(self, tenant_id: str, key: str, expires_in: int) -> str:
        return _s3(tenant_id).generate_presigned_url("get_object", Params={"Bucket": self.bucket, "Key": key},
                                                       ExpiresIn=expires_in)

    def delete(self, tenant_id: str, keys: list[str]) -> None:
        s3 = _s3(tenant_id)
        for start in range(0, len(keys), 1000):
            chunk = keys[start:start + 1000]
            if chunk:
                s3.delete_objects(Bucket=self.bucket,
                                                Delete={"Objects": [{"Key": k} for k in chunk], "Quiet": True})
