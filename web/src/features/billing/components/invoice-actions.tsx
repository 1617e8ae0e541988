import { Button, Drawer, Group, Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type ReactNode } from "react";

import { propertyOptions, type Customer } from "../api/customer";
import { useInvoiceMove, type Invoice } from "../api/invoices";
import { ConfirmDialog } from "./confirm-dialog";
import { ApplyCreditForm, CreditNoteForm } from "./credit-forms";
import { InvoiceForm } from "./invoice-form";
import { PaymentForm } from "./payment-form";
import { downloadPdf } from "./pdf-download";

type Open = "edit" | "payment" | "credit" | "apply" | "void" | null;
const OPEN_STATUSES = ["sent", "viewed", "partial", "overdue"];

/** What can be done to this invoice in its state; each form opens beside the page and closes on success. */
export function InvoiceActions({ invoice, customer }: { invoice: Invoice; customer: Customer | undefined }) {
  const [open, setOpen] = useState<Open>(null);
  const [downloading, setDownloading] = useState(false);
  const send = useInvoiceMove(invoice, "send");
  const voiding = useInvoiceMove(invoice, "void");
  const close = () => setOpen(null);
  const done = (message: string) => () => { notifications.show({ color: "green", message }); close(); };
  const status = invoice.status ?? "";
  const owing = OPEN_STATUSES.includes(status);

  function download() {
    setDownloading(true);
    downloadPdf(`/api/invoices/${invoice.id}/pdf`, `${invoice.number}.pdf`)
      .catch((error: Error) => notifications.show({ color: "red", message: error.message }))
      .finally(() => setDownloading(false));
  }

  const drawers: Record<"edit" | "payment", [string, ReactNode]> = {
    edit: [`Edit ${invoice.number}`, <InvoiceForm invoice={invoice} properties={propertyOptions(customer)} onSaved={done("Draft saved.")} onCancel={close} />],
    payment: [`Record a payment from ${customer?.display_name ?? "the customer"}`,
      <PaymentForm customerId={invoice.customer_id!} currency={invoice.currency} onSaved={done("Payment recorded.")} onCancel={close} />],
  };
  const modals: Record<"credit" | "apply", [string, ReactNode]> = {
    credit: ["Credit note", <CreditNoteForm invoice={invoice} onSaved={done("Credit note issued.")} onCancel={close} />],
    apply: ["Apply credit", <ApplyCreditForm invoice={invoice} onSaved={done("Credit applied.")} onCancel={close} />],
  };

  return (
    <>
      <Group gap="xs" role="group" aria-label="Invoice actions">
        {status === "draft" && <Button variant="default" onClick={() => setOpen("edit")}>Edit lines</Button>}
        {status === "draft" && (
          <Button loading={send.isPending} onClick={() => send.mutate(undefined, {
            onSuccess: () => notifications.show({ color: "green", message: `${invoice.number} sent.` }),
            onError: (error) => notifications.show({ color: "red", message: error.message }),
          })}>Send</Button>
        )}
        {owing && <Button onClick={() => setOpen("payment")}>Record payment</Button>}
        {owing && <Button variant="default" onClick={() => setOpen("credit")}>Credit note</Button>}
        {owing && <Button variant="default" onClick={() => setOpen("apply")}>Apply credit</Button>}
        <Button variant="default" loading={downloading} onClick={download}>Download PDF</Button>
        {status !== "void" && <Button variant="outline" color="red" onClick={() => { voiding.reset(); setOpen("void"); }}>Void</Button>}
      </Group>
      <Drawer opened={open === "edit" || open === "payment"} onClose={close} position="right" size="xl"
        title={open === "edit" || open === "payment" ? drawers[open][0] : ""} closeButtonProps={{ "aria-label": "Close" }}>
        {(open === "edit" || open === "payment") && drawers[open][1]}
      </Drawer>
      <Modal opened={open === "credit" || open === "apply"} onClose={close} title={open === "credit" || open === "apply" ? modals[open][0] : ""}
        closeButtonProps={{ "aria-label": "Close" }}>
        {(open === "credit" || open === "apply") && modals[open][1]}
      </Modal>
      <ConfirmDialog opened={open === "void"} title={`Void ${invoice.number}?`} confirm="Void invoice" busy={voiding.isPending}
        message="A void invoice owes nothing and cannot be sent or paid again. Its number stays in the books."
        error={voiding.error?.message} onClose={close} onConfirm={() => voiding.mutate(undefined, { onSuccess: done(`${invoice.number} voided.`) })} />
    </>
  );
}
