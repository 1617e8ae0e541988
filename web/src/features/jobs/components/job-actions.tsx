import { Button, Group, Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type ReactNode } from "react";

import { useMoveJob, type Job } from "../api/job";
import { ConfirmMove } from "./confirm-move";
import { AssignForm, CompleteForm, ScheduleForm, VisitForm } from "./job-forms";

type Open = "schedule" | "assign" | "complete" | "visit" | "cancel" | null;
const OPEN = ["draft", "scheduled", "in_progress"];

/** What can be done to the job in its state; each form opens over the page and closes on success. */
export function JobActions({ job }: { job: Job }) {
  const [open, setOpen] = useState<Open>(null);
  const move = useMoveJob(job);
  const close = () => setOpen(null);
  const done = (message: string) => () => { notifications.show({ color: "green", message }); close(); };
  const status = job.status ?? "";
  const props = { job, onCancel: close };

  const forms: Record<"schedule" | "assign" | "complete" | "visit", [string, ReactNode]> = {
    schedule: [status === "draft" ? `Schedule ${job.number}` : `Reschedule ${job.number}`,
      <ScheduleForm {...props} onDone={done(`${job.number} ${status === "draft" ? "scheduled" : "rescheduled"}.`)} />],
    assign: [`Technicians for ${job.number}`, <AssignForm {...props} onDone={done("Technicians saved.")} />],
    complete: [`Complete ${job.number}`, <CompleteForm {...props} onDone={done(`${job.number} completed.`)} />],
    visit: [`Add a visit to ${job.number}`, <VisitForm {...props} onDone={done("Visit added.")} />],
  };

  function start() {
    move.mutate({ to: "in_progress" }, {
      onSuccess: () => notifications.show({ color: "green", message: `${job.number} started.` }),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });
  }

  return (
    <>
      <Group gap="xs" role="group" aria-label="Job actions">
        {(status === "draft" || status === "scheduled") && (
          <Button variant={status === "draft" ? "filled" : "default"} onClick={() => setOpen("schedule")}>
            {status === "draft" ? "Schedule" : "Reschedule"}
          </Button>
        )}
        {OPEN.includes(status) && <Button variant="default" onClick={() => setOpen("assign")}>Assign technicians</Button>}
        {OPEN.includes(status) && <Button variant="default" onClick={() => setOpen("visit")}>Add visit</Button>}
        {status === "scheduled" && <Button variant="default" loading={move.isPending} onClick={start}>Start</Button>}
        {(status === "scheduled" || status === "in_progress") && (
          <Button onClick={() => setOpen("complete")}>Complete</Button>
        )}
        {OPEN.includes(status) && (
          <Button variant="outline" color="red" onClick={() => { move.reset(); setOpen("cancel"); }}>Cancel job</Button>
        )}
      </Group>
      <Modal opened={open !== null && open !== "cancel"} onClose={close} size="lg" closeButtonProps={{ "aria-label": "Close" }}
        title={open && open !== "cancel" ? forms[open][0] : ""}>
        {open && open !== "cancel" && forms[open][1]}
      </Modal>
      <ConfirmMove opened={open === "cancel"} title={`Cancel ${job.number}?`} confirm="Cancel job" color="red" busy={move.isPending}
        message="A cancelled job takes no more visits and cannot be scheduled again; its history and notes stay."
        error={move.error?.message} onClose={close}
        onConfirm={() => move.mutate({ to: "cancelled" }, { onSuccess: done(`${job.number} cancelled.`) })} />
    </>
  );
}
