/** Contracts: the list (`/contracts`) and one contract in force (`/contracts/:id`). */
import { Route, Routes } from "react-router";

import type { NavItem } from "../nav/menu";
import { ContractListPage } from "./contracts/ContractListPage";
import { ContractPage } from "./contracts/ContractPage";
import { NotFoundPage } from "./StatusPages";

export function ContractsSection(_: { item: NavItem }) {
  return (
    <Routes>
      <Route index element={<ContractListPage />} />
      <Route path=":id" element={<ContractPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
