// Server-side tRPC for React Server Components: pages prefetch the queries their client views
// start with, and <HydrateClient> hands the results (or the in-flight promises) to the browser's
// QueryClient, so a page arrives with its data instead of a skeleton. One QueryClient per request.
import { appRouter, createCallerFactory } from "@booking/api";
import { dehydrate, type FetchQueryOptions, HydrationBoundary, hashKey, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { serverDeps } from "~/server/deps";
import { createQueryClient } from "./query-client";

const createContext = cache(async () => serverDeps().rscContext(new Headers(await headers())));

const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: createContext, queryClient: getQueryClient });

/** Calls procedures directly, for a server component that acts on the answer (e.g. redirects). */
export const serverCaller = cache(async () => createCallerFactory(appRouter)(await createContext()));

/** Prefetches started for this request (prefetchQuery never rejects), by query hash. */
const inFlight = cache(() => new Map<Promise<void>, string>());
/** How long a page waits for its prefetches before streaming the rest as pending. */
const SETTLE_MS = 1_500;

export function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryOptions: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): void {
  // No retries here: a failure is left to the client view, which fetches again (with its own retry rules).
  inFlight().set(getQueryClient().prefetchQuery({ ...queryOptions, retry: false }), hashKey(queryOptions.queryKey));
}

const logged = new WeakSet<object>();

/**
 * Hands the prefetched results to the browser. It first lets the prefetches settle (briefly), so a
 * failure the caller can cause (signed out, another workspace's page: NOT_FOUND) is not streamed
 * as a rejected promise, which Next would log as "⨯ Error: redacted" with a stack; the client view
 * fetches again and shows its error state, and the server logs one line.
 */
export async function HydrateClient({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  const awaited = new Map(inFlight());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = await Promise.race([
    Promise.all(awaited.keys()).then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), SETTLE_MS);
    }),
  ]);
  clearTimeout(timer);
  // Only this boundary's own slow prefetches stream as pending; another boundary's are its business.
  const streamed = new Set(timedOut ? awaited.values() : []);
  for (const query of client.getQueryCache().getAll()) {
    const error = query.state.error as { code?: string; message?: string } | null;
    if (query.state.status !== "error" || !error || logged.has(error)) continue;
    logged.add(error);
    const path = (query.queryKey[0] as string[] | undefined)?.join(".") ?? "?";
    console.info(`rsc prefetch ${path}: ${error.code ?? "ERROR"} ${error.message ?? ""}`.trim());
  }
  const state = dehydrate(client, {
    shouldDehydrateQuery: (q) =>
      q.state.status === "success" || (q.state.status === "pending" && streamed.has(q.queryHash)),
  });
  // Results travel as already-resolved promises, as when they streamed: the server-rendered HTML
  // keeps the views' loading state, so nothing is shown as editable before the page has hydrated
  // (text typed into a server-rendered form before hydration would be lost).
  state.queries = state.queries.map((q) =>
    q.state.status === "success"
      ? {
          ...q,
          state: { ...q.state, status: "pending", fetchStatus: "fetching", data: undefined, dataUpdatedAt: 0 },
          promise: Promise.resolve(q.state.data),
        }
      : q,
  );
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
