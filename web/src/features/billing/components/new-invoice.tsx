import { Button, Drawer } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate } from "react-router";

import { propertyOptions, type Customer } from "../api/customer";
import { centsToText } from "./invoice-money";
import { InvoiceForm, type InvoiceDraft } from "./invoice-form";

type Job = { id?: string; number?: string; title?: string; total_cents?: number | null; property_id?: string | null };
type Props = { customer: Customer; currency?: string; job?: Job };

function draftOf(job: Job | undefined): InvoiceDraft | undefined {
  if (!job) return undefined;
  const price = job.total_cents ? centsToText(job.total_cents) : "";
  return { jobId: job.id, propertyId: job.property_id, lines: [{ description: job.title ?? `Job ${job.number}`, quantity: "1", price, tax_rate: "" }] };
}

/** New invoice for this customer, from scratch or from a completed job; the saved draft opens on its own page. */
export function NewInvoiceButton({ customer, currency, job }: Props) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant={job ? "subtle" : "light"} onClick={() => setOpen(true)}
        aria-label={job ? `Create invoice for ${job.number}` : undefined}>{job ? "Create invoice" : "New invoice"}</Button>
      <Drawer opened={open} onClose={() => setOpen(false)} position="right" size="xl" closeButtonProps={{ "aria-label": "Close" }}
        title={`New invoice for ${customer.display_name}${job ? ` (${job.number})` : ""}`}>
        {open && (
          <InvoiceForm customerId={customer.id!} currency={currency} properties={propertyOptions(customer)} draft={draftOf(job)}
            onCancel={() => setOpen(false)} onSaved={(invoice) => {
              notifications.show({ color: "green", message: `Invoice ${invoice.number ?? ""} created as a draft.` });
              setOpen(false);
              navigate(`/invoices/${invoice.id}`);
            }} />
        )}
      </Drawer>
    </>
  );
}
