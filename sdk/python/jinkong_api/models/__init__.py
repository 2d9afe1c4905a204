"""Contains all the data models used in inputs/outputs"""

from .account_page import AccountPage
from .account_view import AccountView
from .account_view_name import AccountViewName
from .acknowledge import Acknowledge
from .actor_view import ActorView
from .admin_user import AdminUser
from .amount_kind import AmountKind
from .amount_rule import AmountRule
from .application_page import ApplicationPage
from .application_summary import ApplicationSummary
from .application_view import ApplicationView
from .application_view_disbursement_type_0 import ApplicationViewDisbursementType0
from .application_view_priced_terms_type_0 import ApplicationViewPricedTermsType0
from .application_view_quote_type_0 import ApplicationViewQuoteType0
from .application_view_rate_type_0 import ApplicationViewRateType0
from .application_view_terms import ApplicationViewTerms
from .approval_page import ApprovalPage
from .approval_reject_in import ApprovalRejectIn
from .approval_request_out import ApprovalRequestOut
from .approval_request_out_action import ApprovalRequestOutAction
from .approval_request_out_params import ApprovalRequestOutParams
from .approval_request_out_result_type_0 import ApprovalRequestOutResultType0
from .approval_request_out_status import ApprovalRequestOutStatus
from .asset_view import AssetView
from .audience import Audience
from .auth_config import AuthConfig
from .band import Band
from .benchmark_list import BenchmarkList
from .benchmark_rate_view import BenchmarkRateView
from .benchmark_view import BenchmarkView
from .benchmark_view_name import BenchmarkViewName
from .blacklist_page import BlacklistPage
from .blacklist_view import BlacklistView
from .business_date_in import BusinessDateIn
from .business_date_moved import BusinessDateMoved
from .business_date_out import BusinessDateOut
from .campaign_channel import CampaignChannel
from .campaign_in import CampaignIn
from .change_application import ChangeApplication
from .change_application_lease_structure_type_0 import ChangeApplicationLeaseStructureType0
from .change_application_terms_type_0 import ChangeApplicationTermsType0
from .change_page import ChangePage
from .classification_config import ClassificationConfig
from .collection_action_in import CollectionActionIn
from .collection_action_in_type import CollectionActionInType
from .collection_action_list import CollectionActionList
from .collection_action_out import CollectionActionOut
from .confirm_invoice import ConfirmInvoice
from .confirm_invoice_decision import ConfirmInvoiceDecision
from .confirmation_view import ConfirmationView
from .consent_evidence_kind import ConsentEvidenceKind
from .consent_in import ConsentIn
from .consent_scope import ConsentScope
from .contact import Contact
from .contract_detail import ContractDetail
from .contract_detail_balances import ContractDetailBalances
from .contract_detail_history_item import ContractDetailHistoryItem
from .contract_document_view import ContractDocumentView
from .contract_page import ContractPage
from .contract_summary import ContractSummary
from .contract_view import ContractView
from .create_product_request import CreateProductRequest
from .create_product_request_definition import CreateProductRequestDefinition
from .create_product_request_kind import CreateProductRequestKind
from .currency_totals import CurrencyTotals
from .customer_page import CustomerPage
from .customer_ref_view import CustomerRefView
from .customer_type import CustomerType
from .customer_view import CustomerView
from .customer_view_contact import CustomerViewContact
from .debtor_invoice_page import DebtorInvoicePage
from .debtor_invoice_view import DebtorInvoiceView
from .debtor_user_view import DebtorUserView
from .decision import Decision
from .diff_view import DiffView
from .dimension import Dimension
from .disburse_in import DisburseIn
from .document_download_view import DocumentDownloadView
from .document_view import DocumentView
from .domain_override_in import DomainOverrideIn
from .eligibility_rules import EligibilityRules
from .eligibility_rules_customer_types_type_0_item import EligibilityRulesCustomerTypesType0Item
from .eligibility_rules_requires_consent_item import EligibilityRulesRequiresConsentItem
from .end_of_day_in import EndOfDayIn
from .end_of_day_out import EndOfDayOut
from .end_of_day_out_contract_steps import EndOfDayOutContractSteps
from .entry_view import EntryView
from .error import Error
from .error_error import ErrorError
from .error_error_details import ErrorErrorDetails
from .event_view import EventView
from .event_view_details import EventViewDetails
from .evidence_in import EvidenceIn
from .evidence_kind import EvidenceKind
from .exposure_page import ExposurePage
from .exposure_page_items_item import ExposurePageItemsItem
from .exposure_page_run import ExposurePageRun
from .facility_in import FacilityIn
from .factoring_quote_request import FactoringQuoteRequest
from .factoring_quote_request_day_count import FactoringQuoteRequestDayCount
from .factoring_quote_request_interest_collection import FactoringQuoteRequestInterestCollection
from .factoring_quote_request_rounding import FactoringQuoteRequestRounding
from .fee_request import FeeRequest
from .fee_request_timing import FeeRequestTiming
from .five_category import FiveCategory
from .four_eyes_below import FourEyesBelow
from .grade_rules import GradeRules
from .grade_scale import GradeScale
from .group_facility_in import GroupFacilityIn
from .group_facility_in_allocations import GroupFacilityInAllocations
from .health import Health
from .identity_type import IdentityType
from .installment_out import InstallmentOut
from .installment_out_kind_type_0 import InstallmentOutKindType0
from .instalment_out import InstalmentOut
from .instalment_out_due import InstalmentOutDue
from .instalment_out_paid import InstalmentOutPaid
from .instalment_out_scheduled import InstalmentOutScheduled
from .instalment_out_status import InstalmentOutStatus
from .invite_request import InviteRequest
from .invited_view import InvitedView
from .invoice_in import InvoiceIn
from .invoice_request import InvoiceRequest
from .invoice_terms import InvoiceTerms
from .invoice_view import InvoiceView
from .issued_credentials import IssuedCredentials
from .lease_quote_request import LeaseQuoteRequest
from .lease_quote_request_amortization import LeaseQuoteRequestAmortization
from .lease_quote_request_day_count import LeaseQuoteRequestDayCount
from .lease_quote_request_deposit_settlement import LeaseQuoteRequestDepositSettlement
from .lease_quote_request_frequency import LeaseQuoteRequestFrequency
from .lease_quote_request_rounding import LeaseQuoteRequestRounding
from .lease_quote_request_timing import LeaseQuoteRequestTiming
from .leased_asset_in import LeasedAssetIn
from .limit_rule import LimitRule
from .limits_update import LimitsUpdate
from .limits_update_industries import LimitsUpdateIndustries
from .limits_update_subsidiaries import LimitsUpdateSubsidiaries
from .line_view import LineView
from .loan_quote_request import LoanQuoteRequest
from .loan_quote_request_amortization import LoanQuoteRequestAmortization
from .loan_quote_request_day_count import LoanQuoteRequestDayCount
from .loan_quote_request_frequency import LoanQuoteRequestFrequency
from .loan_quote_request_interest_grace_mode import LoanQuoteRequestInterestGraceMode
from .loan_quote_request_rounding import LoanQuoteRequestRounding
from .localized_name import LocalizedName
from .manual_entry_request import ManualEntryRequest
from .manual_line import ManualLine
from .me_view import MeView
from .new_blacklist_entry import NewBlacklistEntry
from .new_customer import NewCustomer
from .new_debtor_user import NewDebtorUser
from .new_version_request import NewVersionRequest
from .offline_repayment_in import OfflineRepaymentIn
from .offline_repayment_out import OfflineRepaymentOut
from .offline_repayment_out_status import OfflineRepaymentOutStatus
from .offline_repayment_out_upload_type_0 import OfflineRepaymentOutUploadType0
from .offline_repayment_out_voucher import OfflineRepaymentOutVoucher
from .offline_repayment_page import OfflineRepaymentPage
from .onboard_request import OnboardRequest
from .onboard_request_isolation import OnboardRequestIsolation
from .onboarded_view import OnboardedView
from .open_application import OpenApplication
from .open_application_lease_structure_type_0 import OpenApplicationLeaseStructureType0
from .open_application_terms import OpenApplicationTerms
from .override_decision_in import OverrideDecisionIn
from .parked_out import ParkedOut
from .partner_actor_view import PartnerActorView
from .partner_application_page import PartnerApplicationPage
from .partner_application_view import PartnerApplicationView
from .partner_change_list import PartnerChangeList
from .partner_change_view import PartnerChangeView
from .partner_change_view_after import PartnerChangeViewAfter
from .partner_change_view_before_type_0 import PartnerChangeViewBeforeType0
from .patch_version_request import PatchVersionRequest
from .patch_version_request_definition import PatchVersionRequestDefinition
from .payment_intent_in import PaymentIntentIn
from .phase_out import PhaseOut
from .policy_in import PolicyIn
from .prepayment_in import PrepaymentIn
from .prepayment_in_strategy import PrepaymentInStrategy
from .prepayment_quote_out import PrepaymentQuoteOut
from .prepayment_quote_out_installments_item import PrepaymentQuoteOutInstallmentsItem
from .prepayment_request import PrepaymentRequest
from .prepayment_request_strategy import PrepaymentRequestStrategy
from .prepayment_terms import PrepaymentTerms
from .prepayment_terms_strategy_type_0 import PrepaymentTermsStrategyType0
from .product_page import ProductPage
from .product_quote_view import ProductQuoteView
from .product_quote_view_kind import ProductQuoteViewKind
from .product_quote_view_rate import ProductQuoteViewRate
from .product_quote_view_terms import ProductQuoteViewTerms
from .product_ref import ProductRef
from .product_summary_view import ProductSummaryView
from .product_summary_view_name import ProductSummaryViewName
from .product_summary_view_version_statuses import ProductSummaryViewVersionStatuses
from .product_view import ProductView
from .product_view_name import ProductViewName
from .product_view_version_statuses import ProductViewVersionStatuses
from .products_change_view import ProductsChangeView
from .proposal_page import ProposalPage
from .proposal_view import ProposalView
from .proposal_view_kind import ProposalViewKind
from .quote_prepayment_out import QuotePrepaymentOut
from .quote_response import QuoteResponse
from .quote_response_kind import QuoteResponseKind
from .quote_terms import QuoteTerms
from .reallocation_decision_in import ReallocationDecisionIn
from .reallocation_in import ReallocationIn
from .recovery_in import RecoveryIn
from .register_request import RegisterRequest
from .reject_request import RejectRequest
from .rejection_view import RejectionView
from .related_party_in import RelatedPartyIn
from .related_party_view import RelatedPartyView
from .relation import Relation
from .repayment_in import RepaymentIn
from .repayment_out import RepaymentOut
from .repayment_out_allocation_item import RepaymentOutAllocationItem
from .repayment_out_totals import RepaymentOutTotals
from .request_upload import RequestUpload
from .request_upload_content_type import RequestUploadContentType
from .reverse_in import ReverseIn
from .reverse_request import ReverseRequest
from .review_decision import ReviewDecision
from .review_view import ReviewView
from .revoke_in import RevokeIn
from .risk_rule_view import RiskRuleView
from .risk_view import RiskView
from .roles_request import RolesRequest
from .run import Run
from .run_detail import RunDetail
from .run_detail_headline_type_0 import RunDetailHeadlineType0
from .run_detail_steps_item import RunDetailStepsItem
from .run_detail_subsidiary_progress_item import RunDetailSubsidiaryProgressItem
from .run_error import RunError
from .run_headline_type_0 import RunHeadlineType0
from .run_in import RunIn
from .run_page import RunPage
from .service_override_in import ServiceOverrideIn
from .servicing_prepayment_out import ServicingPrepaymentOut
from .servicing_prepayment_out_allocation_item import ServicingPrepaymentOutAllocationItem
from .servicing_prepayment_out_prepayment import ServicingPrepaymentOutPrepayment
from .servicing_prepayment_out_totals import ServicingPrepaymentOutTotals
from .side import Side
from .sign_contract import SignContract
from .signature_view import SignatureView
from .simulate_in import SimulateIn
from .simulate_in_outcome import SimulateInOutcome
from .staff_change_view import StaffChangeView
from .stamp_view import StampView
from .start_run import StartRun
from .statement_row import StatementRow
from .statement_view import StatementView
from .stripe_config import StripeConfig
from .sub_limit_in import SubLimitIn
from .subscription_in import SubscriptionIn
from .subscription_in_event_types_item import SubscriptionInEventTypesItem
from .tenant_kind import TenantKind
from .tenant_page import TenantPage
from .tenant_view import TenantView
from .totals_out import TotalsOut
from .transition_in import TransitionIn
from .transition_request import TransitionRequest
from .transition_view import TransitionView
from .trial_balance_row_view import TrialBalanceRowView
from .trial_balance_row_view_name import TrialBalanceRowViewName
from .trial_balance_view import TrialBalanceView
from .upfront_out import UpfrontOut
from .upload_requested_view import UploadRequestedView
from .upload_view import UploadView
from .upload_view_headers import UploadViewHeaders
from .user_page import UserPage
from .user_state import UserState
from .user_view import UserView
from .verification_level import VerificationLevel
from .version_summary_view import VersionSummaryView
from .version_summary_view_name import VersionSummaryViewName
from .version_view import VersionView
from .version_view_definition import VersionViewDefinition
from .version_view_name import VersionViewName
from .voucher_in import VoucherIn
from .voucher_in_content_type import VoucherInContentType
from .warning_in import WarningIn
from .warning_page import WarningPage
from .warning_page_items_item import WarningPageItemsItem
from .whitelist_in import WhitelistIn
from .withdraw_in import WithdrawIn
from .withdrawal import Withdrawal
from .write_off_in import WriteOffIn

__all__ = (
    "AccountPage",
    "AccountView",
    "AccountViewName",
    "Acknowledge",
    "ActorView",
    "AdminUser",
    "AmountKind",
    "AmountRule",
    "ApplicationPage",
    "ApplicationSummary",
    "ApplicationView",
    "ApplicationViewDisbursementType0",
    "ApplicationViewPricedTermsType0",
    "ApplicationViewQuoteType0",
    "ApplicationViewRateType0",
    "ApplicationViewTerms",
    "ApprovalPage",
    "ApprovalRejectIn",
    "ApprovalRequestOut",
    "ApprovalRequestOutAction",
    "ApprovalRequestOutParams",
    "ApprovalRequestOutResultType0",
    "ApprovalRequestOutStatus",
    "AssetView",
    "Audience",
    "AuthConfig",
    "Band",
    "BenchmarkList",
    "BenchmarkRateView",
    "BenchmarkView",
    "BenchmarkViewName",
    "BlacklistPage",
    "BlacklistView",
    "BusinessDateIn",
    "BusinessDateMoved",
    "BusinessDateOut",
    "CampaignChannel",
    "CampaignIn",
    "ChangeApplication",
    "ChangeApplicationLeaseStructureType0",
    "ChangeApplicationTermsType0",
    "ChangePage",
    "ClassificationConfig",
    "CollectionActionIn",
    "CollectionActionInType",
    "CollectionActionList",
    "CollectionActionOut",
    "ConfirmationView",
    "ConfirmInvoice",
    "ConfirmInvoiceDecision",
    "ConsentEvidenceKind",
    "ConsentIn",
    "ConsentScope",
    "Contact",
    "ContractDetail",
    "ContractDetailBalances",
    "ContractDetailHistoryItem",
    "ContractDocumentView",
    "ContractPage",
    "ContractSummary",
    "ContractView",
    "CreateProductRequest",
    "CreateProductRequestDefinition",
    "CreateProductRequestKind",
    "CurrencyTotals",
    "CustomerPage",
    "CustomerRefView",
    "CustomerType",
    "CustomerView",
    "CustomerViewContact",
    "DebtorInvoicePage",
    "DebtorInvoiceView",
    "DebtorUserView",
    "Decision",
    "DiffView",
    "Dimension",
    "DisburseIn",
    "DocumentDownloadView",
    "DocumentView",
    "DomainOverrideIn",
    "EligibilityRules",
    "EligibilityRulesCustomerTypesType0Item",
    "EligibilityRulesRequiresConsentItem",
    "EndOfDayIn",
    "EndOfDayOut",
    "EndOfDayOutContractSteps",
    "EntryView",
    "Error",
    "ErrorError",
    "ErrorErrorDetails",
    "EventView",
    "EventViewDetails",
    "EvidenceIn",
    "EvidenceKind",
    "ExposurePage",
    "ExposurePageItemsItem",
    "ExposurePageRun",
    "FacilityIn",
    "FactoringQuoteRequest",
    "FactoringQuoteRequestDayCount",
    "FactoringQuoteRequestInterestCollection",
    "FactoringQuoteRequestRounding",
    "FeeRequest",
    "FeeRequestTiming",
    "FiveCategory",
    "FourEyesBelow",
    "GradeRules",
    "GradeScale",
    "GroupFacilityIn",
    "GroupFacilityInAllocations",
    "Health",
    "IdentityType",
    "InstallmentOut",
    "InstallmentOutKindType0",
    "InstalmentOut",
    "InstalmentOutDue",
    "InstalmentOutPaid",
    "InstalmentOutScheduled",
    "InstalmentOutStatus",
    "InvitedView",
    "InviteRequest",
    "InvoiceIn",
    "InvoiceRequest",
    "InvoiceTerms",
    "InvoiceView",
    "IssuedCredentials",
    "LeasedAssetIn",
    "LeaseQuoteRequest",
    "LeaseQuoteRequestAmortization",
    "LeaseQuoteRequestDayCount",
    "LeaseQuoteRequestDepositSettlement",
    "LeaseQuoteRequestFrequency",
    "LeaseQuoteRequestRounding",
    "LeaseQuoteRequestTiming",
    "LimitRule",
    "LimitsUpdate",
    "LimitsUpdateIndustries",
    "LimitsUpdateSubsidiaries",
    "LineView",
    "LoanQuoteRequest",
    "LoanQuoteRequestAmortization",
    "LoanQuoteRequestDayCount",
    "LoanQuoteRequestFrequency",
    "LoanQuoteRequestInterestGraceMode",
    "LoanQuoteRequestRounding",
    "LocalizedName",
    "ManualEntryRequest",
    "ManualLine",
    "MeView",
    "NewBlacklistEntry",
    "NewCustomer",
    "NewDebtorUser",
    "NewVersionRequest",
    "OfflineRepaymentIn",
    "OfflineRepaymentOut",
    "OfflineRepaymentOutStatus",
    "OfflineRepaymentOutUploadType0",
    "OfflineRepaymentOutVoucher",
    "OfflineRepaymentPage",
    "OnboardedView",
    "OnboardRequest",
    "OnboardRequestIsolation",
    "OpenApplication",
    "OpenApplicationLeaseStructureType0",
    "OpenApplicationTerms",
    "OverrideDecisionIn",
    "ParkedOut",
    "PartnerActorView",
    "PartnerApplicationPage",
    "PartnerApplicationView",
    "PartnerChangeList",
    "PartnerChangeView",
    "PartnerChangeViewAfter",
    "PartnerChangeViewBeforeType0",
    "PatchVersionRequest",
    "PatchVersionRequestDefinition",
    "PaymentIntentIn",
    "PhaseOut",
    "PolicyIn",
    "PrepaymentIn",
    "PrepaymentInStrategy",
    "PrepaymentQuoteOut",
    "PrepaymentQuoteOutInstallmentsItem",
    "PrepaymentRequest",
    "PrepaymentRequestStrategy",
    "PrepaymentTerms",
    "PrepaymentTermsStrategyType0",
    "ProductPage",
    "ProductQuoteView",
    "ProductQuoteViewKind",
    "ProductQuoteViewRate",
    "ProductQuoteViewTerms",
    "ProductRef",
    "ProductsChangeView",
    "ProductSummaryView",
    "ProductSummaryViewName",
    "ProductSummaryViewVersionStatuses",
    "ProductView",
    "ProductViewName",
    "ProductViewVersionStatuses",
    "ProposalPage",
    "ProposalView",
    "ProposalViewKind",
    "QuotePrepaymentOut",
    "QuoteResponse",
    "QuoteResponseKind",
    "QuoteTerms",
    "ReallocationDecisionIn",
    "ReallocationIn",
    "RecoveryIn",
    "RegisterRequest",
    "RejectionView",
    "RejectRequest",
    "RelatedPartyIn",
    "RelatedPartyView",
    "Relation",
    "RepaymentIn",
    "RepaymentOut",
    "RepaymentOutAllocationItem",
    "RepaymentOutTotals",
    "RequestUpload",
    "RequestUploadContentType",
    "ReverseIn",
    "ReverseRequest",
    "ReviewDecision",
    "ReviewView",
    "RevokeIn",
    "RiskRuleView",
    "RiskView",
    "RolesRequest",
    "Run",
    "RunDetail",
    "RunDetailHeadlineType0",
    "RunDetailStepsItem",
    "RunDetailSubsidiaryProgressItem",
    "RunError",
    "RunHeadlineType0",
    "RunIn",
    "RunPage",
    "ServiceOverrideIn",
    "ServicingPrepaymentOut",
    "ServicingPrepaymentOutAllocationItem",
    "ServicingPrepaymentOutPrepayment",
    "ServicingPrepaymentOutTotals",
    "Side",
    "SignatureView",
    "SignContract",
    "SimulateIn",
    "SimulateInOutcome",
    "StaffChangeView",
    "StampView",
    "StartRun",
    "StatementRow",
    "StatementView",
    "StripeConfig",
    "SubLimitIn",
    "SubscriptionIn",
    "SubscriptionInEventTypesItem",
    "TenantKind",
    "TenantPage",
    "TenantView",
    "TotalsOut",
    "TransitionIn",
    "TransitionRequest",
    "TransitionView",
    "TrialBalanceRowView",
    "TrialBalanceRowViewName",
    "TrialBalanceView",
    "UpfrontOut",
    "UploadRequestedView",
    "UploadView",
    "UploadViewHeaders",
    "UserPage",
    "UserState",
    "UserView",
    "VerificationLevel",
    "VersionSummaryView",
    "VersionSummaryViewName",
    "VersionView",
    "VersionViewDefinition",
    "VersionViewName",
    "VoucherIn",
    "VoucherInContentType",
    "WarningIn",
    "WarningPage",
    "WarningPageItemsItem",
    "WhitelistIn",
    "Withdrawal",
    "WithdrawIn",
    "WriteOffIn",
)
