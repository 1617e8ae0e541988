import { Alert, Button, Group, Progress, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";

import { useImport, useImportRows, useRetry, type Import } from "../api/imports";
import { RowReport } from "./dry-run-report";

function timeLeft(seconds: number | null | undefined): string {
  if (seconds == null) return "estimating…";
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

function rows(count: number | undefined, noun: string): string {
  return `${(count ?? 0).toLocaleString()} ${noun}${count === 1 ? "" : "s"}`;
}

type Outcome = "created" | "matched" | "skipped";

/** The import's row-by-row report, a page at a time, by outcome. */
function Report({ id }: { id: string }) {
  const [outcome, setOutcome] = useState<Outcome>("skipped");
  const [after, setAfter] = useState<number[]>([0]);
  const rows = useImportRows(id, outcome, after[after.length - 1]);
  return (
    <Stack gap="xs">
      <SegmentedControl aria-label="Rows to show" value={outcome} onChange={(v) => { setOutcome(v as Outcome); setAfter([0]); }}
        data={[{ value: "skipped", label: "Skipped" }, { value: "matched", label: "Matched" }, { value: "created", label: "Created" }]} />
      <RowReport rows={rows.data?.items ?? []} label={`Rows ${outcome}`} />
      <Group>
        {after.length > 1 && <Button size="xs" variant="default" onClick={() => setAfter(after.slice(0, -1))}>Previous rows</Button>}
        {rows.data?.next_after != null && <Button size="xs" variant="default" onClick={() => setAfter([...after, rows.data!.next_after!])}>Next rows</Button>}
      </Group>
    </Stack>
  );
}

/** An import whose batch failed again and again: why, and a retry once the cause is fixed. */
function Stopped({ id, error }: { id: string; error?: string | null }) {
  const retry = useRetry();
  return (
    <Alert color="red" title="Import stopped" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error ?? "A batch of rows could not be stored."} Nothing of the failed rows was written.</Text>
        <Button size="xs" loading={retry.isPending} onClick={() => retry.mutate(id)}>Try again from there</Button>
        {retry.error && <Text size="sm" c="red.9">{retry.error.message}</Text>}
      </Stack>
    </Alert>
  );
}

/** An import started: rows done of all, created, matched, failed, time left; its report once it is done. */
export function ImportProgress({ id, initial }: { id: string; initial?: Import }) {
  const found = useImport(id);
  const run = found.data ?? initial;
  if (!run) return null;
  const total = run.total_rows ?? 0;
  const done = run.rows_done ?? 0;
  const share = total ? Math.round((100 * done) / total) : 100;
  const finished = run.status === "done";
  const failed = run.status === "failed";
  return (
    <Stack>
      <Progress value={share} size="lg" aria-label="Rows imported" animated={!finished} />
      <Group gap="lg" aria-live="polite">
        <Text size="sm"><b>{done.toLocaleString()}</b> of {total.toLocaleString()} rows done</Text>
        <Text size="sm"><b>{run.rows_created?.toLocaleString()}</b> created</Text>
        <Text size="sm"><b>{run.rows_matched?.toLocaleString()}</b> matched</Text>
        <Text size="sm"><b>{run.rows_failed?.toLocaleString()}</b> failed</Text>
        {!finished && !failed && <Text size="sm" c="dimmed">{run.status === "running" ? timeLeft(run.seconds_left) : "waiting to start"}</Text>}
      </Group>
      {failed && <Stopped id={id} error={run.error} />}
      {!failed && run.error && <Text size="sm" c="orange.9">Trying again: {run.error}</Text>}
      {finished && (run.kind === "history" ? <Alert color="green" title="Import finished">
        {rows(run.rows_created, "row")} of past jobs and invoices imported, {rows(run.rows_matched, "row")} imported before, {rows(run.rows_failed, "row")} skipped.
        They show on each customer's Jobs and Invoices tabs, marked imported.</Alert> : <Alert color="green" title="Import finished">
        {rows(run.rows_created, "customer")} created, {rows(run.rows_matched, "row")} matched to customers already here, {rows(run.rows_failed, "row")} skipped.
        Columns that mapped to nothing are on each customer's Archived data tab.</Alert>)}
      {finished && <Report id={id} />}
    </Stack>
  );
}
