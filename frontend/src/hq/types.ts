/** Shapes of the group-risk API (`/v1/group/...`). Every amount and ratio is a decimal string. */

export type FiveCategory = "normal" | "special_mention" | "substandard" | "doubtful" | "loss";
export type RunStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";

export interface Position {
  contracts: number;
  principal: string;
  interest: string;
  undrawn: string;
  exposure: string;
  npl_principal: string;
  max_dpd: number;
  classification: FiveCategory;
  share?: string;
  npl_ratio?: string;
}

export interface RunRef {
  run_id: string;
  as_of: string;
  status: RunStatus;
  missing_subsidiaries: string[];
  finished_at?: string | null;
}

export interface Headline {
  exposure: string;
  principal: string;
  contracts: number;
  customers: number;
  group_customers: number;
  npl_ratio: string;
  top10_share: string;
  hhi: string;
}

export interface Run {
  run_id: string;
  group_id: string;
  as_of: string;
  status: RunStatus;
  trigger: string;
  requested_by?: string | null;
  created_at?: string;
  started_at?: string;
  finished_at?: string;
  missing_subsidiaries: string[];
  headline?: Headline | null;
  reports: string[];
  validation_status?: string;
  error?: { name?: string; message?: string } | null;
}

export interface RunStep {
  step: string;
  status: string;
  started_at?: string;
  finished_at?: string;
  [figure: string]: unknown;
}

export interface SubsidiaryProgress {
  subsidiary_id: string;
  status: string;
  attempts: number;
  started_at?: string | null;
  finished_at?: string | null;
  exposures?: number | null;
  error?: { name?: string; message?: string } | string | null;
}

export interface RunDetail extends Run {
  steps: RunStep[];
  subsidiary_progress: SubsidiaryProgress[];
}

export interface TopCustomer {
  rank: number;
  identity_hash: string;
  label: string;
  exposure: string;
  share: string;
  classification: FiveCategory;
  group_customer_id?: string | null;
  by_subsidiary: Record<string, string>;
  customer_path: string;
}

export interface TopGroup {
  rank: number;
  group_customer_id: string;
  label: string;
  exposure: string;
  share: string;
  members: number;
  by_subsidiary: Record<string, string>;
  customer_path: string;
}

export interface TrendPoint {
  run_id: string;
  as_of: string;
  exposure: string;
  npl_ratio: string;
  top10_share: string;
  hhi: string;
  customers: number;
}

export type Dimension = "subsidiary" | "product_kind" | "industry" | "region" | "classification" | "delinquency_bucket";

export interface Dashboard {
  run: RunRef;
  as_of: string;
  currency: string;
  totals: Position & { customers: number; group_customers: number; on_balance?: string };
  npl_ratio: string;
  portfolio: Record<Dimension, Record<string, Position>>;
  top10: TopCustomer[];
  top10_groups: TopGroup[];
  concentration: { top10_share: string; hhi: string; hhi_points?: string; hhi_obligor_groups?: string };
  cross_overdue: { identity_hash: string; label: string; overdue_in: string[]; current_in: string[]; max_dpd: number; exposure: string }[];
  trend: TrendPoint[];
  limits: { kind: string; subject: string; label: string; limit: string; exposure: string; utilisation: string; status: string }[];
  missing_subsidiaries: string[];
  validation_status?: string;
  labels: { classification: Record<string, string> };
  warnings: { open: number; breaches: number };
}

export interface CustomerRow {
  identity_hash: string;
  label?: string;
  customer_type?: string;
  industry?: string | null;
  group_customer_id?: string | null;
  product_kinds?: string[];
  exposure: string;
  contracts?: number;
  classification?: FiveCategory;
  max_dpd?: number;
  by_subsidiary: Record<string, string>;
}

export interface ContractLine {
  subsidiary_id: string;
  contract_id: string;
  product_kind: string;
  currency: string;
  outstanding_principal: string;
  accrued_interest: string;
  undrawn_commitment: string;
  exposure: string;
  days_past_due: number;
  classification: FiveCategory;
}

interface CustomerBase {
  run: RunRef;
  label: string;
  total: Position;
  by_subsidiary: Record<string, Position>;
}

export interface CustomerDetail extends CustomerBase {
  level: "customer";
  identity_hash: string;
  customer_type: string;
  industry?: string | null;
  group_customer_id?: string | null;
  group_related_party?: boolean;
  contracts: ContractLine[];
  group_customer: {
    group_customer_id: string;
    label: string;
    members: string[];
    total: Position;
    by_subsidiary: Record<string, Position>;
  } | null;
}

export interface GroupCustomerDetail extends CustomerBase {
  level: "group_customer";
  group_customer_id: string;
  members: CustomerRow[];
  links: { customer_hash: string; relation: string; related_hash: string }[];
}

export type CustomerView = CustomerDetail | GroupCustomerDetail;

export type WarningStatus = "open" | "acknowledged" | "resolved";

export interface GroupWarning {
  warning_id: string;
  kind: string;
  subject: string;
  label: string;
  severity: "alert" | "near_breach" | "breach";
  status: WarningStatus;
  message: string;
  figures: Record<string, unknown>;
  first_run_id: string;
  last_run_id: string;
  first_raised_at: string;
  last_raised_at: string;
  acknowledged: { by: string; at: string; note: string } | null;
  history: { event: string; at: string; [k: string]: unknown }[];
}

export interface LimitRule {
  amount: string | null;
  share_of_net_capital: string | null;
}

export interface LimitsView {
  net_capital: string | null;
  single_customer: LimitRule | null;
  group_customer: LimitRule | null;
  industries: Record<string, LimitRule>;
  subsidiaries: Record<string, LimitRule>;
  related_party: LimitRule | null;
  large_exposure: LimitRule;
  near_breach_ratio: string;
  version: number;
  updated_by: string | null;
  updated_at: string | null;
  effective: { single_customer: string | null; group_customer: string | null; large_exposure: string | null };
}

export interface Override {
  subsidiary_id?: string | null;
  contract_id?: string | null;
  customer_hash?: string | null;
  classification: FiveCategory;
  reason: string;
  set_by?: string;
  set_at?: string;
}

export interface ClassificationView {
  special_mention_from: number;
  substandard_from: number;
  doubtful_from: number;
  loss_from: number;
  overrides: Override[];
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

export interface ReportDownload {
  run_id: string;
  name: string;
  content_type: string;
  size: number | null;
  url: string;
  expires_in: number;
  content?: string;
}

export interface ValidationRule {
  rule: string;
  status: "passed" | "warning" | "failed";
  message: string;
  details?: Record<string, unknown>;
}
