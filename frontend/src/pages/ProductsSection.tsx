/** The product factory's pages: the list, a product, and the editor (authors only). */
import { Route, Routes } from "react-router";

import { useAuth } from "../auth/AuthProvider";
import { canAuthor } from "../products/permissions";
import { ProductDetailPage } from "./ProductDetailPage";
import { ProductEditorPage } from "./ProductEditorPage";
import { ProductListPage } from "./ProductListPage";
import { ForbiddenPage, NotFoundPage } from "./StatusPages";

export function ProductsSection() {
  const { me } = useAuth();
  const author = canAuthor(me?.roles ?? []);
  return (
    <Routes>
      <Route index element={<ProductListPage />} />
      <Route path="new" element={author ? <ProductEditorPage /> : <ForbiddenPage />} />
      <Route path=":code" element={<ProductDetailPage />} />
      <Route path=":code/versions/:version/edit" element={author ? <ProductEditorPage /> : <ForbiddenPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
