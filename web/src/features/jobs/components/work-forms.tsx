import { Drawer } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";

import { EstimateForm } from "./estimate-form";
import { JobForm } from "./job-form";
import type { WorkDraft } from "./work-draft";
import type { Profile } from "@/features/workspace/api/get-workspace";

const OpenWorkForm = createContext<(draft: WorkDraft) => void>(() => {});

/** Opens New job, Schedule or New estimate, pre-filled with what the opening button knows. */
export function useOpenWorkForm() {
  return useContext(OpenWorkForm);
}

const TITLES = { job: "New job", schedule: "Schedule a visit", estimate: "New estimate" } as const;

/**
 * The work forms of one customer, in a drawer beside the page: the quick actions, the insight cards and the
 * empty Jobs tab all open them, and the saved record is shown in its tab.
 */
export function WorkFormsProvider({ profile, currency, children }: { profile: Profile; currency?: string; children: ReactNode }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<WorkDraft | null>(null);
  const close = () => setDraft(null);

  function saved(what: "Job" | "Estimate", record: { number?: string }) {
    notifications.show({ color: "green", message: `${what} ${record.number ?? ""} created for ${profile.display_name}.` });
    close();
    navigate(`/customers/${profile.id}/${what === "Job" ? "jobs" : "estimates"}`);
  }

  return (
    <OpenWorkForm.Provider value={setDraft}>
      {children}
      <Drawer opened={draft !== null} onClose={close} position="right" size="xl" closeButtonProps={{ "aria-label": "Close" }}
        title={draft ? `${TITLES[draft.form]} for ${profile.display_name}` : ""}>
        {draft?.form === "estimate" && (
          <EstimateForm profile={profile} draft={draft} currency={currency} onSaved={(e) => saved("Estimate", e)} onCancel={close} />
        )}
        {draft && draft.form !== "estimate" && (
          <JobForm key={draft.form} profile={profile} draft={draft} currency={currency} onSaved={(j) => saved("Job", j)} onCancel={close} />
        )}
      </Drawer>
    </OpenWorkForm.Provider>
  );
}
