import { useParams } from "react-router";

import { BillingHistoryPage } from "@/features/billing/components/billing-history-page";

export function BillingRoute() {
  const { customerId } = useParams();
  return <BillingHistoryPage key={customerId} customerId={customerId!} />;
}
