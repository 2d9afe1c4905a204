/** The group's tenants by id, named in the user's language (ids until the list arrives, or for a tenant it lacks). */
import { useCallback, useMemo } from "react";

import type { Page, Tenant } from "../api/types";
import { useResource } from "../api/useResource";
import { localizedName, useI18n } from "../i18n";

export function useSubsidiaryName(): (id: string) => string {
  const { locale } = useI18n();
  const tenants = useResource<Page<Tenant>>("/v1/tenants");
  const byId = useMemo(() => new Map((tenants.data?.items ?? []).map((t) => [t.id, t])), [tenants.data]);
  return useCallback((id: string) => {
    const tenant = byId.get(id);
    return tenant ? localizedName(tenant.name, locale) : id;
  }, [byId, locale]);
}
