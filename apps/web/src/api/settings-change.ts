import { useMutation, useQueryClient } from '@tanstack/react-query';
import { settingsQueryOptions } from './get-settings';

/** A change to shared settings (an admin route); afterwards every reader of them refreshes. */
export function useSettingsChange<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: settingsQueryOptions().queryKey }),
  });
}
