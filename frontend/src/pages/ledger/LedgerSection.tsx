/** Ledger: trial balance, account statements, journal entries, manual journal proposals, clearing. */
import { Route, Routes } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { canPost } from "../../ledger/permissions";
import type { NavItem } from "../../nav/menu";
import "../../system/system.css";
import { ForbiddenPage, NotFoundPage } from "../StatusPages";
import { AccountPage } from "./AccountPage";
import { EntryPage } from "./EntryPage";
import { LedgerHomePage } from "./LedgerHomePage";
import { ProposalNewPage } from "./ProposalNewPage";
import { ProposalPage } from "./ProposalPage";

export function LedgerSection({ item: _item }: { item: NavItem }) {
  const { me } = useAuth();
  return (
    <Routes>
      <Route index element={<LedgerHomePage />} />
      <Route path="accounts/:accountId" element={<AccountPage />} />
      <Route path="entries/:entryId" element={<EntryPage />} />
      <Route path="proposals/new" element={canPost(me?.roles ?? []) ? <ProposalNewPage /> : <ForbiddenPage />} />
      <Route path="proposals/:proposalId" element={<ProposalPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
