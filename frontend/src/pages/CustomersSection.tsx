/** Customers: the list, registration (loan officers and tenant admins) and one customer. */
import { Route, Routes } from "react-router";

import { useAuth } from "../auth/AuthProvider";
import { canRegister } from "../customers/permissions";
import { Customer360Page } from "./customers360/Customer360Page";
import { CustomerDetailPage } from "./CustomerDetailPage";
import { CustomerListPage } from "./CustomerListPage";
import { CustomerRegisterPage } from "./CustomerRegisterPage";
import { ForbiddenPage, NotFoundPage } from "./StatusPages";

export function CustomersSection() {
  const { me } = useAuth();
  return (
    <Routes>
      <Route index element={<CustomerListPage />} />
      <Route path="new" element={canRegister(me?.roles ?? []) ? <CustomerRegisterPage /> : <ForbiddenPage />} />
      <Route path=":id" element={<CustomerDetailPage />} />
      <Route path=":id/360" element={<Customer360Page />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
