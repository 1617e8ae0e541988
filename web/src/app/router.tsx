import { Navigate, createBrowserRouter } from "react-router";

import { Layout } from "./layout";
import { workspaceQuery } from "@/features/workspace/api/get-workspace";
import { getToken } from "@/lib/auth";
import { appQueryClient } from "@/lib/query-client";

// A workspace opened straight from its address (a link, a reload) asks for its data while its code loads,
// rather than after: the two no longer wait on each other.
const opening = /^\/customers\/([0-9a-f-]{36})(?:\/|$)/.exec(window.location.pathname);
if (opening && getToken()) void appQueryClient.prefetchQuery(workspaceQuery(opening[1]));

// Real paths: the gateway answers index.html for each of them. Each page's code is its own chunk, loaded
// when first visited, so the customers list does not ship the workspace (and the other way round).
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: "customers", lazy: () => import("./routes/customers").then((m) => ({ Component: m.CustomersRoute })) },
      { path: "customers/:customerId", lazy: () => import("./routes/workspace").then((m) => ({ Component: m.WorkspaceRoute })) },
      { path: "customers/:customerId/:tab", lazy: () => import("./routes/workspace").then((m) => ({ Component: m.WorkspaceRoute })) },
      { path: "customers/:customerId/billing", lazy: () => import("./routes/billing").then((m) => ({ Component: m.BillingRoute })) },
      { path: "invoices/:invoiceId", lazy: () => import("./routes/invoice").then((m) => ({ Component: m.InvoiceRoute })) },
      { path: "jobs/:jobId", lazy: () => import("./routes/job").then((m) => ({ Component: m.JobRoute })) },
      { path: "estimates/:estimateId", lazy: () => import("./routes/estimate").then((m) => ({ Component: m.EstimateRoute })) },
      { path: "unmatched", lazy: () => import("./routes/unmatched").then((m) => ({ Component: m.UnmatchedRoute })) },
      { path: "settings/integrations", lazy: () => import("./routes/settings").then((m) => ({ Component: m.IntegrationsRoute })) },
      { path: "settings/price-book", lazy: () => import("./routes/price-book").then((m) => ({ Component: m.PriceBookRoute })) },
      { path: "settings/import", lazy: () => import("./routes/import").then((m) => ({ Component: m.ImportRoute })) },
      { path: "*", element: <Navigate to="/customers" replace /> },
    ],
  },
]);
