// The network's settings every page follows: the unit distances are shown in, and the map's tiles.
// Network admins change the unit on the directory settings page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import type { DistanceUnit, NetworkSettings, UpdateNetworkSettingsBody } from './types';

export const networkSettingsKey = ['network-settings'] as const;

export function useNetworkSettings() {
  return useQuery({
    queryKey: networkSettingsKey,
    queryFn: ({ signal }) => apiFetch<NetworkSettings>('/api/network-settings', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The unit of the network's distances; kilometres until the settings have loaded. */
export function useDistanceUnit(): DistanceUnit {
  return useNetworkSettings().data?.distanceUnit ?? 'km';
}

export function useUpdateNetworkSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNetworkSettingsBody) =>
      apiFetch<NetworkSettings>('/api/network-settings', { method: 'PATCH', body }),
    onSuccess: (settings) => queryClient.setQueryData(networkSettingsKey, settings),
  });
}
