import { Button, Menu, Modal } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useArchive } from "../api/archive-customer";
import type { Profile } from "../api/get-workspace";
import { EditCustomerForm } from "./edit-customer-form";

type Dialog = "edit" | null;

/** Everything one does to a customer as a whole. */
export function ActionsMenu({ profile }: { profile: Profile }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const archive = useArchive(profile.id!, true);
  const close = () => setDialog(null);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection="▾">Actions</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog("edit")}>Edit</Menu.Item>
          {!profile.archived && (
            <Menu.Item color="red" onClick={() => archive.mutate(undefined, {
              onSuccess: () => notifications.show({ message: `${profile.display_name} archived.` }),
            })}>Archive</Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={dialog === "edit"} onClose={close} title="Edit customer" size="lg" closeButtonProps={{ "aria-label": "Close" }}>
        <EditCustomerForm profile={profile} onDone={close} />
      </Modal>
    </>
  );
}
