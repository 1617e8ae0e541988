import { useParams } from "react-router";

import { InvoicePage } from "@/features/billing/components/invoice-page";

export function InvoiceRoute() {
  const { invoiceId } = useParams();
  return <InvoicePage key={invoiceId} invoiceId={invoiceId!} />;
}
