/** The values each choice in a definition may take (as `chalicelib/products/definition.py` lists them). */
export const FREQUENCIES = ["monthly", "quarterly", "semi-annual", "annual"] as const;
export const LOAN_AMORTIZATIONS = ["annuity", "equal_principal", "interest_only", "bullet", "flat", "balloon"] as const;
export const LEASE_AMORTIZATIONS = ["annuity", "equal_principal"] as const;
export const DAY_COUNTS = ["period", "30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT"] as const;
export const DAILY_DAY_COUNTS = ["30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT"] as const;
export const ROUNDINGS = ["HALF_EVEN", "HALF_UP", "HALF_DOWN", "DOWN", "UP", "CEILING", "FLOOR"] as const;
export const RENT_TIMINGS = ["advance", "arrears"] as const;
export const INTEREST_COLLECTIONS = ["upfront", "maturity"] as const;
export const STRUCTURES = ["direct", "sale_and_leaseback"] as const;
export const DEPOSIT_SETTLEMENTS = ["refund", "offset"] as const;
export const ARRANGEMENTS = ["standard", "reverse"] as const;
export const RATE_MODES = ["fixed", "floating"] as const;
export const BENCHMARKS = ["LPR1Y", "LPR5Y"] as const;
export const REPRICINGS = ["annually_on_anniversary", "annually_on_january_1", "each_period", "none"] as const;
export const FEE_TIMINGS = ["upfront", "on_disbursement", "first_installment", "periodic"] as const;
/** The factoring engine charges its fee when invoices are funded. */
export const FACTORING_FEE_TIMINGS = ["upfront", "on_disbursement"] as const;
export const FEE_BASES = ["percent", "fixed"] as const;
export const PENALTY_BASES = ["multiplier", "rate"] as const;
export const STRATEGIES = ["keep_term", "keep_installment"] as const;
export const SEGMENTS = ["individual", "enterprise"] as const;
export const CURRENCIES = ["CNY", "HKD", "USD", "EUR", "JPY"] as const;
