import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ApiKey,
  type ApiKeyList,
  type CreateApiKey,
  type CreateCountryInput,
  type CreateUserInput,
  type CreatedApiKey,
  type Endpoint,
  type Role,
  type UpdateCountryInput,
  type UpdateUserInput,
  apiRoutes,
} from '@vitrina/contracts';
import { queryOf, sendTo } from './endpoints';
import { keyOf } from './query-client';

/** Every country with the settings only admins see. */
export function useAdminCountries() {
  return useQuery(queryOf(apiRoutes.admin.countries()));
}

export function useUsers() {
  return useQuery(queryOf(apiRoutes.admin.users()));
}

/** A country added or changed: the admin list, and every public list and page naming countries. */
function useCountriesChanged() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keyOf(apiRoutes.admin.countries().path) }),
      client.invalidateQueries({ queryKey: keyOf(apiRoutes.public.countries().path) }),
    ]);
}

export function useCreateCountry() {
  const changed = useCountriesChanged();
  return useMutation({ mutationFn: (input: CreateCountryInput) => sendTo('POST', apiRoutes.admin.countries(), input), onSuccess: changed });
}

export function useUpdateCountry() {
  const changed = useCountriesChanged();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateCountryInput }) => sendTo('PATCH', apiRoutes.admin.country(id), input),
    onSuccess: changed,
  });
}

/** Any change to an account; the user list is read again whether it worked or not (it may have half-worked elsewhere). */
function useUserAction<V>(action: (variables: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: action, onSettled: () => client.invalidateQueries({ queryKey: keyOf(apiRoutes.admin.users().path) }) });
}

export const useCreateUser = () => useUserAction((input: CreateUserInput) => sendTo('POST', apiRoutes.admin.users(), input));
export const useUpdateUser = () =>
  useUserAction(({ id, input }: { id: string; input: UpdateUserInput }) => sendTo('PATCH', apiRoutes.admin.user(id), input));
export const useGrantMembership = () =>
  useUserAction(({ userId, countryId, role }: { userId: string; countryId: string; role: Role }) =>
    sendTo('POST', apiRoutes.admin.memberships(userId), { countryId, role }),
  );
export const useRevokeMembership = () =>
  useUserAction(({ userId, countryId }: { userId: string; countryId: string }) => sendTo('DELETE', apiRoutes.admin.membership(userId, countryId)));
export const useUnlockUser = () => useUserAction((userId: string) => sendTo('POST', apiRoutes.admin.unlock(userId)));

/**
 * Partners' keys to the read API. Their paths are built here, not in the
 * contracts' `apiRoutes`: that table ships to every visitor page, and only
 * administrators ever call these.
 */
const API_KEYS_PATH = '/api/admin/api-keys';
export const adminApiKeyRoutes = {
  list: (): Endpoint<ApiKeyList> => ({ path: API_KEYS_PATH }),
  key: (id: string): Endpoint<ApiKey> => ({ path: `${API_KEYS_PATH}/${encodeURIComponent(id)}` }),
};

export function useApiKeys() {
  return useQuery(queryOf(adminApiKeyRoutes.list()));
}

/** A key made or revoked: the list is read again whether it worked or not (a lost answer may hide a change). */
function useApiKeyAction<V, T>(action: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: action, onSettled: () => client.invalidateQueries({ queryKey: keyOf(API_KEYS_PATH) }) });
}

/** The answer holds the key itself, the only time it is shown. */
export const useCreateApiKey = () =>
  useApiKeyAction((input: CreateApiKey) => sendTo<CreatedApiKey>('POST', { path: API_KEYS_PATH }, input));
export const useRevokeApiKey = () => useApiKeyAction((id: string) => sendTo('DELETE', adminApiKeyRoutes.key(id)));
