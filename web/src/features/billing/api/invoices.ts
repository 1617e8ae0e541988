import { useMutation, useQuery } from "@tanstack/react-query";

import { useRefreshBilling } from "./refresh";
import { ApiError, api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";
import { getToken } from "@/lib/auth";

type S = components["schemas"];
export type Invoice = S["BillingInvoiceOut"] & { status?: string };
export type InvoiceIn = S["BillingInvoiceIn"];
export type InvoiceChanges = S["BillingInvoiceChanges"];

export const invoiceKey = (invoiceId: string) => ["invoice", invoiceId] as const;

export function useInvoice(invoiceId: string) {
  return useQuery({
    queryKey: invoiceKey(invoiceId),
    queryFn: () => unwrap(api.GET("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } } })) as Promise<Invoice>,
  });
}

const OPEN = new Set(["sent", "viewed", "partial", "overdue"]);

/** The customer's invoices still owing money, to spread a payment over. */
export function useOpenInvoices(customerId: string, enabled = true) {
  return useQuery({
    queryKey: ["billing", customerId, "open-invoices"],
    queryFn: () => unwrap(api.GET("/api/customers/{customer_id}/invoices", {
      params: { path: { customer_id: customerId }, query: { limit: 100 } },
    })),
    select: (page) => ((page.items ?? []) as Invoice[]).filter((i) => OPEN.has(i.status ?? "") && (i.balance_cents ?? 0) > 0),
    enabled,
  });
}

export function useCreateInvoice(customerId: string) {
  const refresh = useRefreshBilling(customerId);
  return useMutation({
    mutationFn: (body: InvoiceIn) => unwrap(api.POST("/api/invoices", { body })) as Promise<Invoice>,
    onSuccess: refresh,
  });
}

export function useUpdateInvoice(invoice: Invoice) {
  const refresh = useRefreshBilling(invoice.customer_id);
  return useMutation({
    mutationFn: (body: InvoiceChanges) =>
      unwrap(api.PATCH("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoice.id! } }, body })),
    onSuccess: refresh,
  });
}

/** Send or void: the invoice's own moves, each one request without a body. */
export function useInvoiceMove(invoice: Invoice, move: "send" | "void") {
  const refresh = useRefreshBilling(invoice.customer_id);
  const path = move === "send" ? "/api/invoices/{invoice_id}/send" : "/api/invoices/{invoice_id}/void";
  return useMutation({
    mutationFn: () => unwrap(api.POST(path, { params: { path: { invoice_id: invoice.id! } } })),
    onSuccess: refresh,
  });
}

export function useApplyCredit(invoice: Invoice) {
  const refresh = useRefreshBilling(invoice.customer_id);
  return useMutation({
    mutationFn: (amount_cents: number | null) => unwrap(api.POST("/api/invoices/{invoice_id}/apply-credit", {
      params: { path: { invoice_id: invoice.id! } }, body: { amount_cents },
    })),
    onSuccess: refresh,
  });
}

/** A PDF the API makes (an invoice, a statement) as an object URL the page can show or download. */
export async function pdfUrl(path: string): Promise<string> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${getToken()}`, Accept: "application/pdf" } });
  if (!response.ok) throw new ApiError(response.status, "error", `The PDF could not be made (${response.status}).`);
  return URL.createObjectURL(await response.blob());
}
