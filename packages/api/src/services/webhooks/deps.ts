export const now = (deps: { clock?: () => Date }): Date => (deps.clock ? deps.clock() : new Date());
