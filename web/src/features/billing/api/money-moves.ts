import { useMutation } from "@tanstack/react-query";

import { useRefreshBilling } from "./refresh";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type PaymentIn = S["BillingPaymentIn"];
export type CreditNoteIn = S["BillingCreditNoteIn"];
export type RefundIn = S["BillingRefundIn"];

export function useRecordPayment(customerId: string) {
  const refresh = useRefreshBilling(customerId);
  return useMutation({ mutationFn: (body: PaymentIn) => unwrap(api.POST("/api/payments", { body })), onSuccess: refresh });
}

export function useIssueCreditNote(customerId: string) {
  const refresh = useRefreshBilling(customerId);
  return useMutation({ mutationFn: (body: CreditNoteIn) => unwrap(api.POST("/api/credit-notes", { body })), onSuccess: refresh });
}

export function useRefund(customerId: string) {
  const refresh = useRefreshBilling(customerId);
  return useMutation({ mutationFn: (body: RefundIn) => unwrap(api.POST("/api/refunds", { body })), onSuccess: refresh });
}
