import { useState, useSyncExternalStore } from "react";
import { RouterProvider } from "react-router";

import { AppProvider } from "./provider";
import { router } from "./router";
import { isPortalPath, makePortalRouter } from "./routes/portal";
import { SignIn } from "@/features/auth/components/sign-in";
import { getToken } from "@/lib/auth";

function subscribe(onChange: () => void) {
  window.addEventListener("fieldwork:auth", onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener("fieldwork:auth", onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function App() {
  const token = useSyncExternalStore(subscribe, getToken);
  const [portal] = useState(() => (isPortalPath() ? makePortalRouter() : null));
  if (portal) return <AppProvider><RouterProvider router={portal} /></AppProvider>;
  return <AppProvider>{token ? <RouterProvider router={router} /> : <SignIn />}</AppProvider>;
}
