/**
 * One write from a form or button: busy while it runs (a second click while busy is ignored), the
 * API's refusal in the user's language, field errors placed on the form's fields.
 */
import type { FormInstance } from "antd";
import { useCallback, useRef, useState } from "react";

import { ApiError, errorMessage } from "../../api/errors";
import { showFieldErrors } from "../../forms/serverErrors";
import { useI18n } from "../../i18n";

export function useSubmit(form?: FormInstance) {
  const { locale } = useI18n();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useCallback(
    async <T,>(send: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setFailure(null);
      try {
        return await send();
      } catch (error) {
        if (form && error instanceof ApiError && error.fieldErrors.length > 0) {
          const { unplaced } = showFieldErrors(form, error.fieldErrors, locale);
          if (unplaced.length > 0) setFailure(errorMessage(error, locale));
        } else {
          setFailure(errorMessage(error, locale));
        }
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [form, locale],
  );

  return { run, busy, failure, setFailure };
}
