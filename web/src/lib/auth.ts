// The bearer token the page signs in with: taken once from a sign-in link (`?token=…`, or the older
// `#/?token=…` that `make run` printed), kept in localStorage, and removed from the address bar.
const TOKEN_KEY = "fieldwork.token";

export function tokenFromLink(location: Location = window.location): string | null {
  const fromSearch = new URLSearchParams(location.search).get("token");
  const fromHash = new URLSearchParams(location.hash.split("?")[1] ?? "").get("token");
  return fromSearch || fromHash || null;
}

export function adoptTokenFromLink(): void {
  const token = tokenFromLink();
  if (!token) return;
  setToken(token);
  const url = new URL(window.location.href);
  url.searchParams.delete("token");
  url.hash = "";
  window.history.replaceState(null, "", url.pathname + url.search);
}

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token.trim());
  window.dispatchEvent(new Event("fieldwork:auth"));
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event("fieldwork:auth"));
}

/** The permissions the signed-in token carries (its `perms` claim), to hide what the gateway would refuse anyway. */
export function hasPermission(permission: string, token: string | null = getToken()): boolean {
  const payload = token?.split(".")[1];
  if (!payload) return false;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { perms?: unknown };
    return Array.isArray(claims.perms) && claims.perms.includes(permission);
  } catch {
    return false;
  }
}
