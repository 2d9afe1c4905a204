"""Pure cash-flow maths: day counts, due dates, loan / lease / factoring schedules, IRR, penalties.

Everything here is ``Decimal`` and standard library (pydantic only in ``quote``): no AWS, no
storage, no HTTP. Amounts are rounded to the currency's ISO 4217 scale with a named rounding mode
(``chalicelib.shared.money``); intermediate values carry ``FINANCE_CONTEXT`` precision.

Modules:
    daycount    30/360 US, 30E/360, ACT/360, ACT/365F, ACT/ACT ISDA
    dates       frequencies and due dates (end-of-month rule, stub first period)
    loan        loan schedules: annuity, equal principal, interest only, bullet, flat, balloon
    apr         IRR solver and the annualised rate disclosed to borrowers
    penalty     penalty interest on overdue amounts
    prepayment  full or partial prepayment and the recalculated schedule
    lease       finance lease rents (advance / arrears, residual, deposit, irregular rents)
    factoring   invoice advances, discount interest, reserve
    quote       the quote use case behind ``POST /v1/quotes`` (pydantic models at the edge)
    validation  shared checks on terms; errors  ``TermsInvalid`` (names the field), ``NoRateSolution``
    context     ``FINANCE_CONTEXT``, the decimal context every calculation runs in
"""
