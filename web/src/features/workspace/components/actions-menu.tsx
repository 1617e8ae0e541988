import { Button, Menu, Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";

import { useArchive } from "../api/archive-customer";
import type { Profile } from "../api/get-workspace";
import { EditCustomerForm } from "./edit-customer-form";
import { EraseCustomerDialog } from "./erase-customer-dialog";
import { MergeDialog } from "./merge-dialog";
import { MergeHistory } from "./merge-history";
import { PortalInviteDialog } from "./portal-invite-dialog";
import { PortalViewDialog } from "./portal-view-dialog";
import { StatementDialog } from "./statement-dialog";
import { PricingTableDialog } from "@/features/price-book/components/pricing-table-dialog";
import { hasPermission } from "@/lib/auth";

export type Dialog = "edit" | "merge" | "history" | "invite" | "portal" | "statement" | "pricing" | "erase" | null;

type Props = { profile: Profile; dialog: Dialog; onDialog: (dialog: Dialog) => void };

/** Everything one does to a customer as a whole; the open dialog is the header's, so other parts can open one. */
export function ActionsMenu({ profile, dialog, onDialog: setDialog }: Props) {
  const archive = useArchive(profile.id!, true);
  const close = () => setDialog(null);
  const dialogs: Record<Exclude<Dialog, null>, [string, ReactNode]> = {
    edit: ["Edit customer", <EditCustomerForm profile={profile} onDone={close} />],
    merge: ["Merge a duplicate into this customer", <MergeDialog profile={profile} onDone={close} />],
    history: ["Merge history", <MergeHistory customerId={profile.id!} />],
    invite: ["Send portal invite", <PortalInviteDialog profile={profile} onDone={close} />],
    portal: ["View as client", <PortalViewDialog customerId={profile.id!} />],
    statement: ["AR statement", <StatementDialog profile={profile} onDone={close} />],
    pricing: ["Pricing table", <PricingTableDialog customerId={profile.id!} primaryEmail={profile.primary_email} onDone={close} />],
    erase: ["Delete customer", <EraseCustomerDialog profile={profile} onDone={close} />],
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection="▾">Actions</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog("edit")}>Edit</Menu.Item>
          <Menu.Item onClick={() => setDialog("merge")}>Merge…</Menu.Item>
          <Menu.Item onClick={() => setDialog("history")}>Merge history</Menu.Item>
          <Menu.Item onClick={() => setDialog("invite")}>Send portal invite</Menu.Item>
          <Menu.Item onClick={() => setDialog("portal")}>View as client</Menu.Item>
          <Menu.Item onClick={() => setDialog("statement")}>Send AR statement</Menu.Item>
          <Menu.Item onClick={() => setDialog("pricing")}>Send pricing table</Menu.Item>
          {!profile.archived && (
            <Menu.Item color="red" onClick={() => archive.mutate(undefined, {
              onSuccess: () => notifications.show({ message: `${profile.display_name} archived.` }),
            })}>Archive</Menu.Item>
          )}
          {hasPermission("customers:delete") && profile.display_name !== `Erased customer ${profile.number}` && (
            <Menu.Item color="red" onClick={() => setDialog("erase")}>Delete customer…</Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog && (
        <Modal opened onClose={close} title={dialogs[dialog][0]} size="lg" closeButtonProps={{ "aria-label": "Close" }}>
          {dialogs[dialog][1]}
        </Modal>
      )}
    </>
  );
}
