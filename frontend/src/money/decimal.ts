/**
 * Decimal strings, exactly. Money and rates arrive from the API as decimal strings ("100000.00",
 * "0.049000") and leave as decimal strings; nothing here goes through a JavaScript number, so an
 * amount is never silently turned into the nearest binary float. Arithmetic, where needed, is on
 * BigInt at a fixed scale.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal string the API accepts and returns: optional sign, digits, optional fraction. */
export function isDecimalString(value: unknown): value is string {
  return typeof value === "string" && DECIMAL.test(value);
}

interface Scaled {
  units: bigint; // value × 10^scale
  scale: number;
}

function parse(value: string): Scaled {
  const text = value.trim();
  if (!DECIMAL.test(text)) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function render({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? "." + digits.slice(digits.length - scale) : "";
  return (negative && units !== 0n ? "-" : "") + whole + fraction;
}

function rescale(value: Scaled, scale: number): Scaled {
  if (scale >= value.scale) return { units: value.units * pow10(scale - value.scale), scale };
  // Round half to even, the platform's default rounding mode.
  const divisor = pow10(value.scale - scale);
  const negative = value.units < 0n;
  const magnitude = negative ? -value.units : value.units;
  let quotient = magnitude / divisor;
  const twiceRemainder = (magnitude % divisor) * 2n;
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;
  return { units: negative ? -quotient : quotient, scale };
}

/** `value` rounded (half to even) or padded to exactly `scale` decimal places. */
export function toScale(value: string, scale: number): string {
  return render(rescale(parse(value), scale));
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const dx = rescale(x, scale).units;
  const dy = rescale(y, scale).units;
  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

export function decimalPlaces(value: string): number {
  return parse(value).scale;
}

/** Multiply by 10^shift exactly (negative shifts divide): "4.9" shifted by -2 is "0.049". */
export function shiftDecimal(value: string, shift: number): string {
  const p = parse(value);
  const result =
    shift >= 0
      ? { units: p.units, scale: Math.max(p.scale - shift, 0) }
      : { units: p.units, scale: p.scale - shift };
  if (shift >= 0 && p.scale < shift) result.units = p.units * pow10(shift - p.scale);
  return trimZeros(render(result));
}

/** "4.9" (percent, as people type a rate) → "0.049" (the fraction the API takes). */
export function percentToFraction(percent: string): string {
  return shiftDecimal(percent, -2);
}

/** "0.049000" → "4.9". */
export function fractionToPercent(fraction: string): string {
  return shiftDecimal(fraction, 2);
}

/** Drop trailing fraction zeros, keeping at least `minScale` places. */
export function trimZeros(value: string, minScale = 0): string {
  const [whole, fraction = ""] = value.split(".");
  let kept = fraction.replace(/0+$/, "");
  if (kept.length < minScale) kept = kept.padEnd(minScale, "0");
  return kept ? `${whole}.${kept}` : whole;
}

export function addDecimals(...values: string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const units = parsed.reduce((sum, p) => sum + rescale(p, scale).units, 0n);
  return render({ units, scale });
}

function groupThousands(whole: string, separator = ","): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Group separators for display: "1234567.5" → "1,234,567.5" (optionally at a fixed scale). */
export function formatDecimal(value: string, scale?: number): string {
  const text = scale === undefined ? render(parse(value)) : toScale(value, scale);
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  return (negative ? "-" : "") + groupThousands(whole) + (fraction !== undefined ? "." + fraction : "");
}

// ISO 4217 minor units for the currencies the platform deals in (CNY by default).
const CURRENCY_SCALE: Record<string, number> = {
  CNY: 2, HKD: 2, USD: 2, EUR: 2, GBP: 2, SGD: 2, MOP: 2, TWD: 2, JPY: 0, KRW: 0,
};

export function currencyScale(currency: string): number {
  return CURRENCY_SCALE[currency.toUpperCase()] ?? 2;
}

/** An amount at its currency's scale with group separators: "1,234,567.50". */
export function formatAmount(value: string, currency = "CNY"): string {
  return formatDecimal(value, currencyScale(currency));
}

/** An amount with its currency code: "CNY 1,234,567.50". */
export function formatMoney(value: string, currency = "CNY"): string {
  return `${currency.toUpperCase()} ${formatAmount(value, currency)}`;
}

/** A rate given as a fraction, shown in percent: "0.050112" → "5.0112%" (2 to `maxPlaces` places). */
export function formatRate(fraction: string, maxPlaces = 4): string {
  const percent = toScale(shiftDecimal(fraction, 2), maxPlaces);
  return `${trimZeros(percent, 2)}%`;
}

/** True when the decimal string is above zero. */
export function isPositive(value: string): boolean {
  return compareDecimal(value, "0") > 0;
}
