"use client";

import type { AppRouter } from "@booking/api";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import SuperJSON from "superjson";
import { onSessionChange } from "~/lib/session-cache";
import { createQueryClient } from "./query-client";

const trpcContext = createTRPCContext<AppRouter>();
const { TRPCProvider } = trpcContext;
export const { useTRPC } = trpcContext;

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // Server: always a new client, so that no data leaks between requests.
  if (typeof window === "undefined") return createQueryClient();
  // Browser: one client, so that React suspending during the first render does not lose it.
  if (!browserQueryClient) {
    const client = createQueryClient();
    onSessionChange(() => client.clear());
    browserQueryClient = client;
  }
  return browserQueryClient;
}

function baseUrl(): string {
  if (typeof window !== "undefined") return window.location.origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          transformer: SuperJSON,
          url: `${baseUrl()}/api/trpc`,
          headers: () => ({ "x-trpc-source": "web" }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
