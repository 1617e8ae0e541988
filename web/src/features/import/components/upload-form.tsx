import { Alert, Button, FileInput, Group, List, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";

import { useLayouts, useUpload, type ImportCreated, type ImportKind } from "../api/imports";
import { ApiError } from "@/lib/api-client";

const MANUAL = "manual";

/** The column names of a CSV file's first line (quoted names may hold commas). */
export function headersOf(line: string): string[] {
  const out: string[] = [];
  let cell = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { out.push(cell.trim()); cell = ""; } else cell += c;
  }
  out.push(cell.trim());
  return out.filter(Boolean);
}

const EXPORT: Record<ImportKind, string> = { customers: "customer export", history: "job and invoice history export" };
const UNMAPPED: Record<ImportKind, string> = {
  customers: "Columns you leave unmapped are kept with each customer as archived data.",
  history: "Name the customer by at least one column; columns you leave unmapped are kept with the customer as archived data.",
};

/** Pick the export and the system it came from (or map its columns by hand); "Check file" answers the dry run. */
export function UploadForm({ kind, onChecked }: { kind: ImportKind; onChecked: (created: ImportCreated) => void }) {
  const layouts = useLayouts(kind);
  const upload = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [layout, setLayout] = useState<string | null>("jobber");
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});

  async function picked(next: File | null) {
    setFile(next);
    upload.reset();
    const firstLine = next ? (await next.slice(0, 64 * 1024).text()).split(/\r?\n/)[0].replace(/^\uFEFF/, "") : "";
    setColumns(next ? headersOf(firstLine) : []);
    setMapping({});
  }

  const options = [...(layouts.data?.layouts ?? []).map((l) => ({ value: l.name!, label: `${l.label} ${EXPORT[kind]}` })),
    { value: MANUAL, label: "Another system: I map the columns" }];
  const error = upload.error instanceof ApiError ? upload.error : null;
  const fieldErrors = Object.entries(error?.fields ?? {});
  return (
    <Stack component="form" onSubmit={(e) => {
      e.preventDefault();
      if (file && layout) upload.mutate({ file, kind, layout, mapping: layout === MANUAL ? mapping : undefined }, { onSuccess: onChecked });
    }}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FileInput label={kind === "customers" ? "Customer export (CSV)" : "Job and invoice history (CSV)"} description="Up to 100,000 rows, saved as CSV UTF-8" placeholder="Choose a file"
          accept=".csv,text/csv" value={file} onChange={picked} clearable required clearButtonProps={{ "aria-label": "Remove the file" }}
          styles={{ placeholder: { color: "var(--mantine-color-gray-7)" } }} />
        <Select label="Exported from" data={options} value={layout} onChange={setLayout} allowDeselect={false} required />
      </SimpleGrid>
      {layout === MANUAL && (
        columns.length ? (
          <Stack gap="xs">
            <Text size="sm">Which column holds each of these? {UNMAPPED[kind]}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {Object.entries(layouts.data?.fields ?? {}).map(([field, label]) => (
                <Select key={field} label={label} size="xs" clearable data={columns} value={mapping[field] ?? null}
                  onChange={(column) => setMapping(({ [field]: _, ...rest }) => (column ? { ...rest, [field]: column } : rest))}
                  error={error?.fields[`mapping.${field}`]?.join(" ")} />
              ))}
            </SimpleGrid>
          </Stack>
        ) : <Text size="sm" c="dimmed">Choose the file first: its columns are listed here to map.</Text>
      )}
      {error && (
        <Alert color="red" title="The file cannot be imported" role="alert">
          {fieldErrors.length ? <List size="sm">{fieldErrors.map(([field, messages]) => <List.Item key={field}>{messages.join(" ")}</List.Item>)}</List>
            : error.message}
          <Text size="sm" mt="xs">Nothing was imported.</Text>
        </Alert>
      )}
      {upload.error && !error && <Alert color="red" role="alert">{upload.error.message}</Alert>}
      <Group><Button type="submit" loading={upload.isPending} disabled={!file}>Check file</Button>
        <Text size="sm" c="dimmed">A dry run first: nothing is written until you start the import.</Text></Group>
    </Stack>
  );
}
