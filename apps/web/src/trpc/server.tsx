// Server-side tRPC for React Server Components: pages prefetch the queries their client views
// start with, and <HydrateClient> hands the results (or the in-flight promises) to the browser's
// QueryClient, so a page arrives with its data instead of a skeleton. One QueryClient per request.
import { appRouter } from "@booking/api";
import { dehydrate, type FetchQueryOptions, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { serverDeps } from "~/server/deps";
import { createQueryClient } from "./query-client";

const createContext = cache(async () => serverDeps().rscContext(new Headers(await headers())));

const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: createContext, queryClient: getQueryClient });

export function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryOptions: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): void {
  // Failures (signed out, not a member) are left to the client view, which shows its error state.
  void getQueryClient().prefetchQuery(queryOptions);
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
