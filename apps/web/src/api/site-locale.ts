// GET /api/v1/locale: the site's default language and time zone (open before sign-in).
import { siteLocale, type SiteLocale } from '@floorwatch/contracts/api';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

export function getSiteLocale(signal?: AbortSignal): Promise<SiteLocale> {
  return apiGet('/api/v1/locale', siteLocale, { signal, expectUnauthorized: true });
}

export function useSiteLocale() {
  return useQuery(
    queryOptions({
      queryKey: ['site-locale'],
      queryFn: ({ signal }) => getSiteLocale(signal),
      staleTime: Infinity,
      retry: 1,
    }),
  );
}
