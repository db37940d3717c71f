import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type NotificationList, apiRoutes } from '@vitrina/contracts';
import { queryOf, sendTo } from './endpoints';
import { STALE } from './query-client';

const listQuery = () => queryOf(apiRoutes.notifications.list(), STALE.notifications);

/** The signed-in person's notifications, newest first (nothing is asked for while `enabled` is false). */
export function useNotifications(enabled = true) {
  return useQuery({ ...listQuery(), enabled });
}

/** How many notifications are unread: the same cached list as the notifications page, so both agree. */
export function useUnreadCount(enabled = true) {
  return useQuery({ ...listQuery(), enabled, select: (list: NotificationList) => list.unread });
}

/** Marks every notification read; the badge drops to none at once, then the list is read again. */
export function useMarkAllRead() {
  const client = useQueryClient();
  const key = listQuery().queryKey;
  return useMutation({
    mutationFn: () => sendTo('POST', apiRoutes.notifications.markAllRead(), {}),
    onSuccess: async () => {
      await client.cancelQueries({ queryKey: key });
      client.setQueryData<NotificationList>(key, (list) => list && { ...list, unread: 0, items: list.items.map((note) => ({ ...note, read: true })) });
      await client.invalidateQueries({ queryKey: key });
    },
  });
}
