"""The calculator: price any terms with the finance engine, without a stored product."""
from __future__ import annotations

from chalicelib.finance.quote import QuoteRequest, QuoteResponse, price_quote
from chalicelib.platform.http import ApiBlueprint
from chalicelib.shared.tenant import TenantContext

api = ApiBlueprint(__name__, tag="quotes")


@api.route("/v1/quotes", "POST", body=QuoteRequest, response=QuoteResponse, validate_body=False, error_scope="quotes", scopes=("quotes:write",))
def quote_terms(ctx: TenantContext, body: dict) -> dict:
    """Price loan, lease or factoring terms: the full schedule, totals and APR (any signed-in user)."""
    return price_quote(body)
