import { maxLength, minLength, pattern, required, rules } from "~/lib/validate";

export type TokenValues = { token: string };

// Mirrors the API's calendlyToken validator (packages/api/src/lib/validators.ts).
export const validateToken = rules<TokenValues>({
  token: [
    required("Paste the personal access token"),
    minLength(20, "This does not look like a Calendly access token (too short)"),
    maxLength(4096, "This is too long for a Calendly token"),
    pattern(/^[\x21-\x7e]+$/, "A token has no spaces or special characters"),
  ],
});
