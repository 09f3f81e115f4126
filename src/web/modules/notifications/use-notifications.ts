import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.js";

export interface AppNotification {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  mandateId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsPage {
  items: AppNotification[];
  unread: number;
  nextCursor: string | null;
}

const key = ["notifications"];

/** The signed-in user's latest notifications and unread count, refreshed every minute. */
export const useNotifications = () =>
  useQuery({
    queryKey: key,
    queryFn: () => api.get<NotificationsPage>("/notifications?limit=100"),
    refetchInterval: 60_000,
  });

/** Marks one notification (by id) or all of them (no id) read, then refreshes the list and the header count. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      id ? api.post(`/notifications/${id}/read`) : api.post("/notifications/read-all"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
