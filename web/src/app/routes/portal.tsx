import { Navigate, createBrowserRouter } from "react-router";

// The customer's own page has a router of its own: it is signed in by the portal session cookie, not the office's
// token, and shows none of the office's frame. The gateway answers index.html for /portal and /portal/magic/<token>.
export const PORTAL_ROOT = "/portal";

export function isPortalPath(path: string = window.location.pathname): boolean {
  return path === PORTAL_ROOT || path.startsWith(`${PORTAL_ROOT}/`);
}

export function makePortalRouter() {
  return createBrowserRouter([
    { path: "portal", lazy: () => import("@/features/portal/components/my-portal").then((m) => ({ Component: m.MyPortal })) },
    // The invoice and estimate emails link to their record on the page.
    { path: "portal/estimates/:estimateId", lazy: () => import("@/features/portal/components/my-portal").then((m) => ({ Component: m.MyPortal })) },
    { path: "portal/invoices/:invoiceId", lazy: () => import("@/features/portal/components/my-portal").then((m) => ({ Component: m.MyPortal })) },
    { path: "portal/magic/:token", lazy: () => import("@/features/portal/components/magic-link").then((m) => ({ Component: m.MagicLink })) },
    { path: "*", element: <Navigate to="/portal" replace /> },
  ]);
}
