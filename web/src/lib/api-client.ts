// The one client for the gateway's /api, typed by the generated OpenAPI document (`npm run api-types`).
import createClient, { type Middleware } from "openapi-fetch";

import type { paths } from "./api-types";
import { clearToken, getToken } from "./auth";

/** The gateway's error envelope: `{"error": {"code", "message", "fields"}}`. */
export type ErrorEnvelope = { error?: { code?: string; message?: string; fields?: Record<string, unknown> } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }

  /** The server (or the way to it) failed, as opposed to the request being refused. */
  get isServerSide(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/**
 * Nested field errors as dotted paths: `{"contacts": [{"0": {"name": [...]}}]}` gives `contacts.0.name`.
 * A list holds messages for its own path, or (for nested items) objects keyed by the item's index.
 */
export function flattenFields(fields: unknown, prefix = ""): Record<string, string[]> {
  if (Array.isArray(fields)) {
    const messages = fields.filter((m): m is string => typeof m === "string");
    const nested = fields.filter((m) => m && typeof m === "object").map((m) => flattenFields(m, prefix));
    return Object.assign(messages.length ? { [prefix || "_"]: messages } : {}, ...nested);
  }
  if (!fields || typeof fields !== "object") return {};
  return Object.entries(fields as Record<string, unknown>).reduce<Record<string, string[]>>(
    (flat, [key, value]) => ({ ...flat, ...flattenFields(value, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

export function toApiError(status: number, body: unknown, statusText = ""): ApiError {
  const error = (body as ErrorEnvelope | undefined)?.error;
  const message = error?.message || statusText || `The server answered ${status}.`;
  return new ApiError(status, error?.code ?? "error", message, flattenFields(error?.fields));
}

const authorize: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) clearToken();
    return response;
  },
};

// An absolute base: Request objects need one outside a browser page (the component tests).
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  fetch: (request) => globalThis.fetch(request),
});
api.use(authorize);

/** The data of an openapi-fetch answer, or an ApiError carrying the envelope's message and field errors. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check the connection and try again.");
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error, result.response.statusText);
  return result.data as T;
}

/** A gateway route the OpenAPI document does not type yet (the workspace, the timeline), as JSON. */
export async function getJson<T>(path: string): Promise<T> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Check the connection and try again.");
  }
  if (response.status === 401) clearToken();
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : undefined;
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as T;
}
