import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useCreateInvoice, useUpdateInvoice, type Invoice, type InvoiceIn } from "../api/invoices";
import { placeErrors } from "./form-errors";
import { useBillToOptions } from "@/features/relations/api/relations";
import { centsToText, hundredthsText, parseCents, parseHundredths, parseRate, rateText } from "./invoice-money";
import { InvoiceLinesField, emptyInvoiceLine, invoiceLineRules, type InvoiceLineValues } from "./invoice-lines-field";

export type PropertyOption = { value: string; label: string; kind?: string | null };
type Saved = { id?: string; number?: string };
type Common = { properties: PropertyOption[]; currency?: string; onSaved: (invoice: Saved) => void; onCancel: () => void };
/** What a new invoice starts from: a completed job's title, price and property. */
export type InvoiceDraft = { jobId?: string | null; propertyId?: string | null; lines?: InvoiceLineValues[] };
type Props = Common & ({ customerId: string; draft?: InvoiceDraft; invoice?: undefined } | { invoice: Invoice; customerId?: undefined; draft?: undefined });

function valuesOf(invoice: Invoice | undefined, draft: InvoiceDraft | undefined, properties: PropertyOption[]) {
  const lines: InvoiceLineValues[] = draft?.lines?.length ? draft.lines : invoice?.lines?.length
    ? invoice.lines.map((l) => ({
      description: l.description ?? "", quantity: l.quantity ?? "1", price: centsToText(l.unit_price_cents ?? 0),
      tax_rate: l.tax_rate && Number(l.tax_rate) !== 0 ? l.tax_rate : "",
    }))
    : [emptyInvoiceLine()];
  return {
    issue_date: invoice?.issue_date ?? null as string | null, due_date: invoice?.due_date ?? null as string | null,
    property_id: invoice ? invoice.property_id ?? null : draft?.propertyId ?? properties[0]?.value ?? null,
    notes: invoice?.notes ?? "", lines, bill_to_customer_id: null as string | null,
  };
}

// The API's names for the form's fields: a line's price is its unit_price_cents.
function formPath(path: string): string {
  return path.replace(/^(lines\.\d+)\.unit_price_cents$/, "$1.price");
}

/** A new invoice for a customer (from scratch or from a job), or a draft's lines and dates changed. */
export function InvoiceForm(props: Props) {
  const { invoice, properties, currency = invoice?.currency ?? "USD", onSaved, onCancel } = props;
  const create = useCreateInvoice(props.customerId ?? invoice!.customer_id!);
  const update = useUpdateInvoice(invoice ?? {});
  const [problems, setProblems] = useState<string[]>([]);
  const billTo = useBillToOptions(invoice ? undefined : props.customerId);
  const form = useForm({
    mode: "controlled",
    initialValues: valuesOf(invoice, props.draft, properties),
    validate: {
      lines: invoiceLineRules,
      due_date: (v, all) => (v && all.issue_date && v < all.issue_date ? "Due on or after the issue date." : null),
    },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    const lines = values.lines.map((line) => ({
      description: line.description.trim(), quantity: hundredthsText(parseHundredths(line.quantity)!),
      unit_price_cents: parseCents(line.price)!, tax_rate: rateText(parseRate(line.tax_rate)!),
    }));
    const common = { lines, property_id: values.property_id, notes: values.notes.trim() || null };
    try {
      if (invoice) {
        onSaved(await update.mutateAsync({
          ...common, ...(values.issue_date ? { issue_date: values.issue_date } : {}), ...(values.due_date ? { due_date: values.due_date } : {}),
        }));
      } else {
        const body: InvoiceIn = {
          ...common, customer_id: props.customerId!, job_id: props.draft?.jobId ?? null, currency,
          issue_date: values.issue_date, due_date: values.due_date, terms_days: 30,
          bill_to_customer_id: values.bill_to_customer_id,
        };
        onSaved(await create.mutateAsync(body));
      }
    } catch (error) {
      setProblems(placeErrors(form, error, formPath));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={invoice ? `Edit invoice ${invoice.number}` : "New invoice"}>
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <DateInput label="Issue date" placeholder="Today" valueFormat="YYYY-MM-DD" clearable
            {...form.getInputProps("issue_date")} key={form.key("issue_date")} />
          <DateInput label="Due date" placeholder="30 days after issue" valueFormat="YYYY-MM-DD" clearable
            {...form.getInputProps("due_date")} key={form.key("due_date")} />
          <Select label="Property" data={properties} clearable placeholder={properties.length ? "Pick a property" : "No properties"}
            {...form.getInputProps("property_id")} key={form.key("property_id")} />
        </SimpleGrid>
        {(billTo.data?.length ?? 0) > 0 && (
          <Select label="Bill to" data={billTo.data} clearable placeholder="This customer"
            description="The work stays in this customer's history; the bill-to customer owes the money."
            {...form.getInputProps("bill_to_customer_id")} key={form.key("bill_to_customer_id")} />
        )}
        <InvoiceLinesField form={form} currency={currency}
          propertyKind={properties.find((p) => p.value === form.getValues().property_id)?.kind} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps("notes")} key={form.key("notes")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{invoice ? "Save draft" : "Create invoice"}</Button>
        </Group>
      </Stack>
    </form>
  );
}
