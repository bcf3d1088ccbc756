"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { applyServerErrors } from "~/lib/form";
import { notifySuccess } from "~/lib/notify";
import { type ServerRules, useSchemaForm } from "~/lib/schema-form";
import { useTRPC } from "~/trpc/react";
import { useCalendlyInvalidate } from "./use-calendly-invalidate";

type TokenValues = { token: string };

/** The integrations.calendly.update input that saves this token. */
const toInput = (workspaceId: string, v: TokenValues, skipVerification: boolean) => ({
  workspaceId,
  token: v.token.trim(),
  ...(skipVerification ? { skipVerification: true } : {}),
});

/** The personal access token form: validation as the user types, verify-and-save, server errors on the field. */
export function useTokenForm(workspaceId: string, onSaved?: () => void) {
  const trpc = useTRPC();
  const invalidate = useCalendlyInvalidate(workspaceId);
  const [skipVerification, setSkipVerification] = useState(false);
  const rules: ServerRules<TokenValues> = (s, v) => ({
    schema: s.updateCalendlySchema,
    input: toInput(workspaceId, v, skipVerification),
  });
  const form = useSchemaForm<TokenValues>({
    mode: "controlled",
    initialValues: { token: "" },
    rules,
    validateInputOnChange: true,
  });
  const save = useMutation(
    trpc.integrations.calendly.update.mutationOptions({
      onSuccess: async (result) => {
        form.reset();
        onSaved?.();
        await invalidate();
        const who = result.connection.userName ? ` Connected as ${result.connection.userName}.` : "";
        notifySuccess(`Token ending in ${result.tokenLast4 ?? "…"} saved.${who}`, "Calendly token saved");
      },
      onError: (error) => {
        // Anything about the token that has no field key still belongs next to the token field.
        const message = applyServerErrors(form, error);
        if (message) form.setFieldError("token", message);
      },
    }),
  );
  const submit = form.onSubmit((v) => save.mutate(toInput(workspaceId, v, skipVerification)));
  return { form, submit, pending: save.isPending || form.submitting, skipVerification, setSkipVerification };
}
