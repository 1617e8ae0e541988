import { Navigate, createBrowserRouter } from "react-router";

import { Layout } from "./layout";
import { CustomersRoute } from "./routes/customers";
import { WorkspaceRoute } from "./routes/workspace";

// Real paths: the gateway answers index.html for each of them.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: "customers", element: <CustomersRoute /> },
      { path: "customers/:customerId", element: <WorkspaceRoute /> },
      { path: "customers/:customerId/:tab", element: <WorkspaceRoute /> },
      { path: "*", element: <Navigate to="/customers" replace /> },
    ],
  },
]);
