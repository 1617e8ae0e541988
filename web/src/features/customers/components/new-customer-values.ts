import type { CustomerIn } from "../api/create-customer";

export type PhoneValue = { number: string; label: string | null };
export type ContactValue = { name: string; role: string; phones: PhoneValue[]; emails: string[] };
export type PropertyValue = { line1: string; line2: string; city: string; region: string; postal_code: string; access_notes: string };

/** The form's values mirror the API's body, so a 422's field paths (`contacts.0.phones.0.number`) name form fields. */
export type NewCustomerValues = {
  display_name: string;
  company: string;
  kind: "residential" | "commercial";
  status: NonNullable<CustomerIn["status"]>;
  lead_source: string;
  preferred_channel: string | null;
  tags: string[];
  contacts: ContactValue[];
  properties: PropertyValue[];
};

export const emptyPhone = (): PhoneValue => ({ number: "", label: "mobile" });
export const emptyContact = (): ContactValue => ({ name: "", role: "", phones: [emptyPhone()], emails: [""] });
export const emptyProperty = (): PropertyValue => ({ line1: "", line2: "", city: "", region: "", postal_code: "", access_notes: "" });

export const initialValues = (): NewCustomerValues => ({
  display_name: "", company: "", kind: "residential", status: "lead", lead_source: "", preferred_channel: null,
  tags: [], contacts: [emptyContact()], properties: [emptyProperty()],
});

const blank = (value: string) => value.trim() === "";
const orNull = (value: string) => (blank(value) ? null : value.trim());

function propertyIsBlank(p: PropertyValue) {
  return [p.line1, p.line2, p.city, p.region, p.postal_code, p.access_notes].every(blank);
}

/** A person's name, else the company's, names the customer. */
export function displayName(values: NewCustomerValues) {
  return values.display_name.trim() || values.company.trim();
}

export function validate(values: NewCustomerValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!displayName(values)) errors.display_name = "Enter a name or a company.";
  values.contacts.forEach((contact, i) => {
    const used = contact.phones.some((p) => !blank(p.number)) || contact.emails.some((e) => !blank(e));
    if (used && blank(contact.name)) errors[`contacts.${i}.name`] = "Enter the contact's name.";
    contact.emails.forEach((email, j) => {
      if (!blank(email) && !/^\S+@\S+\.\S+$/.test(email.trim())) errors[`contacts.${i}.emails.${j}`] = "Enter a valid email address.";
    });
  });
  values.properties.forEach((p, i) => {
    if (propertyIsBlank(p)) return;
    for (const field of ["line1", "city", "region", "postal_code"] as const) {
      if (blank(p[field])) errors[`properties.${i}.${field}`] = "Required for the address.";
    }
  });
  return errors;
}

/** The body to send: blanks left out, so the service never gets empty strings for absent values. */
export function toBody(values: NewCustomerValues): CustomerIn {
  const contacts = values.contacts
    .filter((c) => !blank(c.name))
    .map((c, i) => ({
      name: c.name.trim(),
      role: orNull(c.role),
      is_primary: i === 0,
      phones: c.phones.filter((p) => !blank(p.number)).map((p) => ({ number: p.number.trim(), label: p.label as "mobile" | null })),
      emails: c.emails.filter((e) => !blank(e)).map((e) => e.trim()),
    }));
  const properties = values.properties.filter((p) => !propertyIsBlank(p)).map((p, i) => ({
    line1: p.line1.trim(), line2: orNull(p.line2), city: p.city.trim(), region: p.region.trim(),
    postal_code: p.postal_code.trim(), access_notes: orNull(p.access_notes), is_primary: i === 0, kind: values.kind,
  }));
  return {
    display_name: displayName(values),
    company: orNull(values.company),
    kind: values.kind,
    status: values.status,
    lead_source: orNull(values.lead_source),
    preferred_channel: values.preferred_channel as CustomerIn["preferred_channel"],
    tags: values.tags,
    contacts,
    properties,
  };
}
