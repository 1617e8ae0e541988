import { useMutation, useQueryClient } from "@tanstack/react-query";

import { invalidateCustomer } from "./invalidate";
import { api, unwrap } from "@/lib/api-client";
import type { components } from "@/lib/api-types";

type S = components["schemas"];
export type ContactIn = S["CustomersContactIn"];
export type PropertyIn = S["CustomersPropertyIn"];
export type EquipmentIn = S["CustomersEquipmentIn"];

/** A change to one of the customer's contacts, properties or equipment, then the workspace shows it. */
function useCustomerChange<A>(customerId: string, change: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidateCustomer(queryClient, customerId) });
}

export function useSaveContact(customerId: string) {
  return useCustomerChange(customerId, ({ contactId, body }: { contactId?: string; body: ContactIn }) => contactId
    ? unwrap(api.PATCH("/api/customers/{customer_id}/contacts/{contact_id}", {
      params: { path: { customer_id: customerId, contact_id: contactId } }, body }))
    : unwrap(api.POST("/api/customers/{customer_id}/contacts", { params: { path: { customer_id: customerId } }, body })));
}

export function useSaveProperty(customerId: string) {
  return useCustomerChange(customerId, ({ propertyId, body }: { propertyId?: string; body: Partial<PropertyIn> }) => propertyId
    ? unwrap(api.PATCH("/api/customers/{customer_id}/properties/{property_id}", {
      params: { path: { customer_id: customerId, property_id: propertyId } }, body }))
    : unwrap(api.POST("/api/customers/{customer_id}/properties", {
      params: { path: { customer_id: customerId } }, body: body as PropertyIn })));
}

export function useSaveEquipment(customerId: string) {
  return useCustomerChange(customerId, ({ propertyId, equipmentId, body }: { propertyId: string; equipmentId?: string; body: EquipmentIn }) => {
    const path = { customer_id: customerId, property_id: propertyId };
    return equipmentId
      ? unwrap(api.PATCH("/api/customers/{customer_id}/properties/{property_id}/equipment/{equipment_id}", {
        params: { path: { ...path, equipment_id: equipmentId } }, body }))
      : unwrap(api.POST("/api/customers/{customer_id}/properties/{property_id}/equipment", { params: { path }, body }));
  });
}

export function useRemoveEquipment(customerId: string) {
  return useCustomerChange(customerId, ({ propertyId, equipmentId }: { propertyId: string; equipmentId: string }) =>
    unwrap(api.DELETE("/api/customers/{customer_id}/properties/{property_id}/equipment/{equipment_id}", {
      params: { path: { customer_id: customerId, property_id: propertyId, equipment_id: equipmentId } } })));
}
