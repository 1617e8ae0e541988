import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import { DateInput, TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link } from "react-router";

import { useApproveEstimate, useConvertEstimate, useMoveEstimate, type Estimate } from "../api/estimate";
import { ConfirmMove } from "./confirm-move";
import { placeErrors } from "./place-errors";
import { localInstant } from "./work-draft";
import { downloadPdf } from "@/features/billing/components/pdf-download";

type Open = "approve" | "convert" | "decline" | null;
const RENAMED: Record<string, string> = { scheduled_start: "date", scheduled_end: "end" };

/** The job the estimate turns into: with a day it is booked for that window, without one it opens as a draft. */
function JobWindowForm({ estimate, approving, onDone, onCancel }: { estimate: Estimate; approving: boolean; onDone: (e: Estimate) => void; onCancel: () => void }) {
  const approve = useApproveEstimate(estimate);
  const convert = useConvertEstimate(estimate);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({
    initialValues: { create_job: true, date: null as string | null, start: "09:00", end: "11:00" },
    validate: {
      start: (v, all) => (all.date && !v ? "Pick a start time." : null),
      end: (v, all) => (all.date && v && all.start && v <= all.start ? "The end must come after the start." : null),
    },
  });
  const values = form.getValues();
  const withJob = !approving || values.create_job;

  async function submit(v: typeof form.values) {
    setProblems([]);
    const window = v.date && withJob
      ? { scheduled_start: localInstant(v.date, v.start), scheduled_end: v.end ? localInstant(v.date, v.end) : null } : {};
    try {
      onDone(approving ? await approve.mutateAsync({ create_job: v.create_job, ...window }) : await convert.mutateAsync(window));
    } catch (error) {
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={approving ? "Approve the estimate" : "Convert to a job"}>
      <Stack gap="sm">
        <Text size="sm">
          {approving
            ? `Record that ${estimate.number} was approved by the customer. This cannot be undone.`
            : `Open the job ${estimate.number} quoted, with its lines and total.`}
        </Text>
        {approving && <Checkbox label="Create the job now" {...form.getInputProps("create_job", { type: "checkbox" })} key={form.key("create_job")} />}
        {withJob && (
          <SimpleGrid cols={3}>
            <DateInput label="Job day (optional)" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" clearable
              {...form.getInputProps("date")} key={form.key("date")} />
            <TimeInput label="From" {...form.getInputProps("start")} key={form.key("start")} />
            <TimeInput label="To" {...form.getInputProps("end")} key={form.key("end")} />
          </SimpleGrid>
        )}
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Not now</Button>
          <Button type="submit" loading={approve.isPending || convert.isPending}>
            {approving ? "Approve" : "Create job"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Send, approve or decline on the customer's behalf (both asked first), or convert an approved estimate to its job. */
export function EstimateMoves({ estimate }: { estimate: Estimate }) {
  const [open, setOpen] = useState<Open>(null);
  const [downloading, setDownloading] = useState(false);
  const move = useMoveEstimate(estimate);
  const close = () => setOpen(null);
  const status = estimate.status as string;
  const awaiting = status === "sent" || status === "viewed";

  function send() {
    move.mutate("sent", {
      onSuccess: () => notifications.show({ color: "green", message: `${estimate.number} sent to the customer.` }),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });
  }

  function download() {
    setDownloading(true);
    downloadPdf(`/api/estimates/${estimate.id}/pdf`, `${estimate.number}.pdf`)
      .catch((error: Error) => notifications.show({ color: "red", message: error.message }))
      .finally(() => setDownloading(false));
  }

  function saved(after: Estimate) {
    const job = after.job_id ? " Its job is open." : "";
    notifications.show({ color: "green", message: `${estimate.number} ${open === "convert" ? "converted to a job" : "approved"}.${job}` });
    close();
  }

  return (
    <>
      <Group gap="xs" role="group" aria-label="Estimate actions">
        {status === "draft" && <Button loading={move.isPending} onClick={send}>Send to customer</Button>}
        {awaiting && <Button onClick={() => setOpen("approve")}>Approve</Button>}
        {awaiting && <Button variant="outline" color="red" onClick={() => { move.reset(); setOpen("decline"); }}>Decline</Button>}
        {status === "approved" && !estimate.job_id && <Button onClick={() => setOpen("convert")}>Convert to job</Button>}
        {estimate.job_id && <Button component={Link} to={`/jobs/${estimate.job_id}`} variant="light">Open the job</Button>}
        <Button variant="default" loading={downloading} onClick={download}>Download PDF</Button>
      </Group>
      <Modal opened={open === "approve" || open === "convert"} onClose={close} size="lg" closeButtonProps={{ "aria-label": "Close" }}
        title={open === "convert" ? `Convert ${estimate.number} to a job` : `Approve ${estimate.number}?`}>
        {(open === "approve" || open === "convert") && (
          <JobWindowForm estimate={estimate} approving={open === "approve"} onDone={saved} onCancel={close} />
        )}
      </Modal>
      <ConfirmMove opened={open === "decline"} title={`Decline ${estimate.number}?`} confirm="Decline estimate" color="red" busy={move.isPending}
        message="Record that the customer declined it. A declined estimate cannot be approved later; quote again if they change their mind."
        error={move.error?.message} onClose={close}
        onConfirm={() => move.mutate("declined", { onSuccess: () => { notifications.show({ message: `${estimate.number} declined.` }); close(); } })} />
    </>
  );
}
