"""The built-in e-signature provider: records who signed which document (by its SHA-256) and when.

It proves nothing to a court — a licensed provider (CFCA and the like) does that with certificates
and trusted timestamps; see ``docs/esignature.md`` for how one plugs in behind the same port. The
local provider's evidence is a digest binding envelope, party, signer, time and document hash, so a
later change to any of them is detectable.
"""
from __future__ import annotations

import hashlib
from datetime import datetime

from chalicelib.origination.applications.ports import SignatureEvidence, Signer


class LocalSignatureProvider:
    name = "local"

    def open_envelope(self, contract_id: str, document_sha256: str, signers: list[Signer]) -> str:
        return f"local-{contract_id}"

    def sign(self, envelope_id: str, signer: Signer, document_sha256: str, at: datetime) -> SignatureEvidence:
        stamp = at.isoformat()
        evidence = hashlib.sha256(
            "|".join((envelope_id, signer.party, signer.name, stamp, document_sha256)).encode()).hexdigest()
        return SignatureEvidence(signer.party, signer.name, at, document_sha256, self.name, evidence)
