import { useQueryClient } from "@tanstack/react-query";

/**
 * After money moves for a customer: the workspace (balance card, Invoices tab), its lists, the billing
 * history and every invoice page show it at once.
 */
export function useRefreshBilling(customerId: string | undefined) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ["workspace", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["customer", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["billing", customerId] }),
    queryClient.invalidateQueries({ queryKey: ["invoice"] }),
    queryClient.invalidateQueries({ queryKey: ["customers"] }),
  ]);
}
