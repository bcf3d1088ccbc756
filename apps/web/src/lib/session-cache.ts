// What the browser has cached belongs to the session it was fetched for: signing in, signing out
// and accepting an invitation drop it. The tRPC provider registers its QueryClient here, so pages
// without it (sign-in) can drop the cache without loading the data layer.
const clears = new Set<() => void>();

/** Registers what to drop when the session changes. */
export function onSessionChange(clear: () => void): void {
  clears.add(clear);
}

/** Drops everything cached for the previous session. */
export function sessionChanged(): void {
  for (const clear of clears) clear();
}
