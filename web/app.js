// Fieldwork's web front end: customer search and the customer workspace, read from the gateway's /api.
// No build step on purpose: one module, plain DOM, so the page ships with the gateway as it is.

const view = document.getElementById("view");
const TOKEN_KEY = "fieldwork.token";

function token() {
  const fromLink = new URLSearchParams(location.hash.split("?")[1] || "").get("token");
  if (fromLink) { localStorage.setItem(TOKEN_KEY, fromLink); history.replaceState(null, "", location.hash.split("?")[0] || "#/"); }
  return localStorage.getItem(TOKEN_KEY);
}

async function api(path, options = {}) {
  const response = await fetch(`/api${path}`, {
    ...options,
    headers: { Authorization: `Bearer ${token()}`, "Content-Type": "application/json", ...(options.headers || {}) },
  });
  if (response.status === 401) { localStorage.removeItem(TOKEN_KEY); renderLogin("Your session has ended."); throw new Error("unauthorized"); }
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw Object.assign(new Error(body?.error?.message || response.statusText), { body, status: response.status });
  return body;
}

// Builds DOM from [tag, attrs, ...children]; strings become text nodes, so nothing is ever parsed as HTML.
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false)
    node.append(child instanceof Node ? child : String(child));
  return node;
}

const money = (cents, currency = "USD") =>
  cents === null || cents === undefined ? "—" : new Intl.NumberFormat(undefined, { style: "currency", currency }).format(cents / 100);
const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
const day = (iso) => (iso ? new Date(iso).toLocaleDateString() : "—");
const badge = (text, kind = "") => (text ? h("span", { class: `badge ${kind}` }, String(text).replaceAll("_", " ")) : null);
const STATUS_KIND = { paid: "ok", completed: "ok", approved: "ok", active: "ok", overdue: "bad", failed: "bad", void: "bad",
  cancelled: "bad", declined: "bad", sent: "warn", partial: "warn", scheduled: "warn", quoted: "warn", lead: "" };
const status = (s) => badge(s, STATUS_KIND[s] || "");

function renderLogin(message = "") {
  view.replaceChildren(h("div", { class: "card login" },
    h("h2", {}, "Sign in"),
    h("p", { class: "muted" }, "Paste an access token. `make run` prints one for the demo account (or run `make token`)."),
    message && h("p", { class: "error" }, message),
    h("textarea", { id: "token" }),
    h("p", {}, h("button", { class: "primary", onclick: () => {
      localStorage.setItem(TOKEN_KEY, document.getElementById("token").value.trim()); route();
    } }, "Continue"))));
}

async function renderSearch(query = "") {
  view.replaceChildren(h("p", { class: "muted" }, "Loading customers…"));
  const page = await api(`/customers?limit=50${query ? `&q=${encodeURIComponent(query)}` : ""}`);
  const rows = page.items.map((c) => h("tr", {},
    h("td", {}, h("a", { href: `#/customers/${c.id}` }, c.display_name)),
    h("td", {}, c.number), h("td", {}, c.company || ""), h("td", {}, status(c.status)),
    h("td", {}, c.do_not_service?.flag ? badge("do not service", "bad") : "")));
  view.replaceChildren(h("div", { class: "card" },
    h("h3", {}, query ? `Customers matching “${query}”` : "Customers"),
    rows.length ? h("table", {}, h("tr", {}, ["Name", "Number", "Company", "Status", ""].map((t) => h("th", {}, t))), rows)
      : h("p", { class: "muted" }, "No customers found.")));
}

// A section of the workspace: its own status decides whether it shows data or says why not.
function sectionBody(section, render) {
  if (!section) return h("p", { class: "muted" }, "You do not have access to this section.");
  if (section.status === "not_configured") return h("p", { class: "unavailable" }, section.reason || "Not configured yet.");
  if (section.status !== "ok") return h("p", { class: "unavailable" }, "Temporarily unavailable — the rest of the page still works.");
  return render(section.data ?? section);
}

const table = (headers, rows, empty) => rows.length
  ? h("table", {}, h("tr", {}, headers.map((t) => h("th", {}, t))), rows) : h("p", { class: "muted" }, empty);

const TABS = {
  Overview: (ws) => [
    h("div", { class: "card" }, h("h3", {}, "Recent activity"), sectionBody(ws.recent_activity, (d) => [
      h("h4", {}, "Completed in the last 30 days"),
      table(["Service", "Property", "Date", "Status"], (d.completed_recently || []).map((v) => h("tr", {},
        h("td", {}, v.title || v.service_name), h("td", {}, v.property_address || "—"), h("td", {}, day(v.completed_at || v.scheduled_start)), h("td", {}, status(v.status)))), "Nothing completed recently."),
      h("h4", {}, "Upcoming"),
      table(["Service", "Property", "Date", "Status"], (d.upcoming || []).map((v) => h("tr", {},
        h("td", {}, v.title || v.service_name), h("td", {}, v.property_address || "—"), h("td", {}, when(v.scheduled_start)), h("td", {}, status(v.status)))), "Nothing scheduled."),
    ])),
  ],
  Jobs: (ws) => [h("div", { class: "card" }, sectionBody(ws.jobs, (d) => table(["Job", "Title", "Scheduled", "Total", "Status"],
    d.items.map((j) => h("tr", {}, h("td", {}, j.number), h("td", {}, j.title), h("td", {}, when(j.scheduled_start)),
      h("td", {}, money(j.total_cents, j.currency)), h("td", {}, status(j.status)))), "No jobs yet.")))],
  Estimates: (ws) => [h("div", { class: "card" }, sectionBody(ws.estimates, (d) => table(["Estimate", "Title", "Valid until", "Total", "Status"],
    d.items.map((e) => h("tr", {}, h("td", {}, e.number), h("td", {}, e.title), h("td", {}, day(e.valid_until)),
      h("td", {}, money(e.total_cents, e.currency)), h("td", {}, status(e.status)))), "No estimates.")))],
  Maintenance: (ws) => [h("div", { class: "card" }, sectionBody(ws.plans, (d) => table(["Plan", "Price per visit", "Next visits", "Status"],
    d.items.map((p) => h("tr", {}, h("td", {}, p.name), h("td", {}, money(p.price_per_visit_cents, p.currency)),
      h("td", {}, (p.next_visits || []).slice(0, 3).map(day).join(", ") || "—"), h("td", {}, status(p.status)))), "No maintenance plans.")))],
  Invoices: (ws) => [h("div", { class: "card" }, sectionBody(ws.invoices, (d) => table(["Invoice", "Issued", "Due", "Total", "Balance", "Status", ""],
    d.items.map((i) => h("tr", {}, h("td", {}, i.number), h("td", {}, day(i.issue_date)), h("td", {}, day(i.due_date)),
      h("td", {}, money(i.total_cents, i.currency)), h("td", {}, money(i.balance_cents, i.currency)), h("td", {}, status(i.status)),
      h("td", {}, h("button", { class: "link", onclick: () => download(`/invoices/${i.id}/pdf`, `${i.number}.pdf`) }, "PDF")))), "No invoices.")))],
  Communication: (ws) => [h("div", { class: "card" }, sectionBody(ws.communications, (d) => table(["When", "Channel", "Direction", "Subject / summary", "Status"],
    d.items.map((c) => h("tr", {}, h("td", {}, when(c.occurred_at)), h("td", {}, c.channel), h("td", {}, c.direction),
      h("td", {}, c.subject || (c.body || "").slice(0, 120)), h("td", {}, status(c.status)))), "No calls, texts or emails yet.")))],
  Notes: (ws, id) => [h("div", { class: "card" }, h("h3", {}, "Internal notes"), noteForm(id),
    ...(ws.profile.data.pinned_notes || []).map((n) => h("div", { class: "note pinned" }, n.body, h("div", { class: "muted" }, `📌 ${n.author || ""} · ${when(n.created_at)}`))),
    h("div", { id: "notes" }))],
  Activity: (ws, id) => [h("div", { class: "card" }, sectionBody(ws.timeline, (d) => timelineList(id, d)))],
};

function timelineList(id, page) {
  const list = h("ul", { class: "timeline" });
  const add = (items) => items.forEach((item) => list.append(h("li", {}, h("span", { class: "muted" }, when(item.occurred_at)), " ",
    badge(item.kind), " ", item.title, " ", status(item.status), item.amount_cents != null ? ` ${money(item.amount_cents, item.currency)}` : "")));
  add(page.items || []);
  const more = h("button", { onclick: async () => {
    const next = await api(`/customers/${id}/timeline?cursor=${encodeURIComponent(cursor)}`);
    add(next.items); cursor = next.next_cursor; if (!cursor) more.remove();
  } }, "Load more");
  let cursor = page.next_cursor;
  return [list, cursor ? more : null];
}

function noteForm(id) {
  const text = h("textarea", { rows: 3, style: "width:100%", placeholder: "Add an internal note (markdown)" });
  const pinned = h("input", { type: "checkbox" });
  return h("div", {}, text, h("label", {}, pinned, " Pin to top "), h("button", { class: "primary", onclick: async () => {
    await api(`/customers/${id}/notes`, { method: "POST", body: JSON.stringify({ body: text.value, pinned: pinned.checked }) });
    route();
  } }, "Add note"));
}

async function download(path, filename) {
  const response = await fetch(`/api${path}`, { headers: { Authorization: `Bearer ${token()}` } });
  const link = h("a", { href: URL.createObjectURL(await response.blob()), download: filename });
  link.click();
}

function sidebar(profile) {
  const contacts = (profile.contacts || []).map((c) => h("div", { class: "note" }, h("strong", {}, c.name), c.is_primary ? badge("primary") : null,
    c.role ? h("div", { class: "muted" }, c.role) : null,
    ...(c.emails || []).map((e) => h("div", {}, h("a", { href: `mailto:${e}` }, e))),
    ...(c.phones || []).map((p) => h("div", {}, h("a", { href: `tel:${p.e164}` }, p.number), p.label ? h("span", { class: "muted" }, ` ${p.label}`) : null))));
  const properties = (profile.properties || []).map((p) => h("div", { class: "note" + (p.is_primary ? " pinned" : "") },
    h("div", {}, [p.line1, p.line2, p.city, p.region, p.postal_code].filter(Boolean).join(", ")), badge(p.kind), p.is_primary ? badge("primary") : null,
    p.access_notes ? h("div", { class: "muted" }, `Access: ${p.access_notes}`) : null,
    p.geocode?.latitude != null
      ? h("a", { href: `https://www.google.com/maps?q=${p.geocode.latitude},${p.geocode.longitude}`, target: "_blank", rel: "noopener" }, "Map")
      : h("div", { class: "muted" }, `Not geocoded${p.geocode?.status && p.geocode.status !== "not_geocoded" ? ` (${p.geocode.status})` : ""}`),
    (p.equipment || []).length ? h("table", {}, h("tr", {}, ["Equipment", "Make / model", "Installed", "Warranty"].map((t) => h("th", {}, t))),
      p.equipment.map((e) => h("tr", {}, h("td", {}, e.kind.replaceAll("_", " ")), h("td", {}, [e.make, e.model].filter(Boolean).join(" ")),
        h("td", {}, day(e.installed_on)), h("td", {}, day(e.warranty_until))))) : h("div", { class: "muted" }, "No equipment recorded")));
  return h("aside", {},
    h("div", { class: "card" }, h("h3", {}, "Contact"), contacts.length ? contacts : h("p", { class: "muted" }, "No contacts"),
      h("p", { class: "muted" }, `Prefers ${profile.preferred_channel || "—"} · Source ${profile.lead_source || "—"}`),
      h("p", { class: "muted" }, `Created ${when(profile.created_at)} by ${profile.created_by || "—"}`)),
    h("div", { class: "card" }, h("h3", {}, "Properties"), properties.length ? properties : h("p", { class: "muted" }, "No properties")));
}

function insightsCard(section) {
  return h("div", { class: "card" }, h("h3", {}, "AI insights"), sectionBody(section, (d) => [
    ...(d.cards || []).map((c) => h("div", { class: "insight" }, h("strong", {}, c.title), h("div", {}, c.reason), c.action ? h("div", { class: "muted" }, `→ ${c.action.label || c.action}`) : null)),
    d.ai?.status === "ok" ? h("div", { class: "insight" }, h("strong", {}, "Summary"), h("div", {}, d.ai.summary || ""))
      : h("p", { class: "muted" }, d.ai?.status === "not_configured" ? "Connect OpenAI under Settings → Integrations for AI suggestions." : "AI suggestions are unavailable right now."),
  ]));
}

async function renderWorkspace(id, tab = "Overview") {
  view.replaceChildren(h("p", { class: "muted" }, "Loading workspace…"));
  const ws = await api(`/customers/${id}/workspace`);
  if (ws.merged_into) { location.hash = `#/customers/${ws.merged_into}`; return; }
  const profile = ws.profile.data;
  const header = ws.header || {};
  const figure = (label, value) => h("div", { class: "figure" }, h("div", { class: "label" }, label), h("div", { class: "value" }, value));
  const currency = header.currency || "USD";
  const insights = insightsCard(ws.insights);
  const tabs = h("div", { class: "tabs", role: "tablist" }, Object.keys(TABS).map((name) =>
    h("button", { role: "tab", "aria-selected": String(name === tab), onclick: () => renderWorkspace(id, name) }, name)));
  view.replaceChildren(
    h("div", { class: "card" },
      h("h2", { style: "margin:0" }, profile.display_name, " ", h("span", { class: "muted" }, profile.number)),
      profile.company ? h("div", {}, profile.company) : null,
      h("div", {}, status(profile.status), ...(profile.tags || []).map((t) => badge(t)),
        profile.do_not_service?.flag ? badge(`do not service: ${profile.do_not_service.reason || ""}`, "bad") : null,
        profile.archived ? badge("archived", "bad") : null)),
    h("div", { class: "figures" },
      figure("Balance", money(header.balance_cents, currency)), figure("Lifetime value", money(header.lifetime_value_cents, currency)),
      figure("Total billed", money(header.total_billed_cents, currency)), figure("Total paid", money(header.total_paid_cents, currency)),
      figure("Open jobs", header.open_job_count ?? "—"), figure("Open invoices", header.open_invoice_count ?? "—"),
      figure("Last contacted", day(header.last_contacted_at)), figure("Next follow-up", day(header.next_follow_up_at))),
    h("div", { class: "layout" }, sidebar(profile), h("section", {}, insights, tabs, ...TABS[tab](ws, id))));
  refreshAdvice(id, ws.insights, insights);
}

// The workspace never waits for the model (its deadline is tight): when no advice is cached for the current
// facts, the page asks insights for it on its own and swaps the card in when it arrives.
async function refreshAdvice(id, section, card) {
  if (section?.data?.ai?.reason !== "not_ready") return;
  try {
    card.replaceWith(insightsCard({ status: "ok", data: await api(`/customers/${id}/insights`) }));
  } catch { /* the card already says the suggestions are unavailable */ }
}

async function route() {
  if (!token()) return renderLogin();
  const match = location.hash.match(/^#\/customers\/([0-9a-f-]{36})/);
  try {
    if (match) await renderWorkspace(match[1]);
    else await renderSearch(new URLSearchParams(location.hash.split("?")[1] || "").get("q") || "");
  } catch (error) {
    if (error.message !== "unauthorized") view.replaceChildren(h("div", { class: "card error" }, error.message));
  }
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  location.hash = `#/?q=${encodeURIComponent(document.getElementById("q").value)}`;
});
document.getElementById("signout").addEventListener("click", () => { localStorage.removeItem(TOKEN_KEY); renderLogin(); });
window.addEventListener("hashchange", route);
route();
