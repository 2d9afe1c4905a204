/**
 * The bank voucher of an offline repayment: the types a bank voucher comes as. Its SHA-256 and the
 * PUT to the presigned URL, with progress, are the shared upload's (../api/upload.ts).
 */
export { hex, putPresigned as uploadVoucher, sha256Hex, uploadHeaders, UploadError } from "../api/upload";

export const VOUCHER_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type VoucherType = (typeof VOUCHER_TYPES)[number];
export const VOUCHER_MAX_BYTES = 20 * 1024 * 1024;

export function isVoucherType(type: string): type is VoucherType {
  return (VOUCHER_TYPES as readonly string[]).includes(type);
}
