"""Ports this context needs from outside: the identity-verification provider (face match).

A licensed provider (a 公安 face-comparison service, say) implements ``FaceMatcher`` and replaces the
local fake in ``customers.wiring``; nothing else changes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class FaceMatch:
    passed: bool
    score: Decimal  # 0–1, the provider's similarity
    provider: str
    reference: str  # the provider's own id for the comparison (kept as evidence)


class FaceMatcher(Protocol):
    def match(self, selfie_ref: str, document_photo_ref: str) -> FaceMatch:
        """Compare a live capture with the document photo."""
        ...


class LocalFaceMatcher:
    """The local stand-in for a verification provider: deterministic, no network.

    A capture whose reference contains ``mismatch`` fails (score 0.12); every other passes (0.97). The
    comparison id is a digest of both references, as a real provider's would be unique per call."""

    THRESHOLD = Decimal("0.80")

    def match(self, selfie_ref: str, document_photo_ref: str) -> FaceMatch:
        score = Decimal("0.12") if "mismatch" in selfie_ref.lower() else Decimal("0.97")
        digest = hashlib.sha256(f"{selfie_ref}|{document_photo_ref}".encode()).hexdigest()[:16]
        return FaceMatch(score >= self.THRESHOLD, score, "local-fake", f"fm-{digest}")
