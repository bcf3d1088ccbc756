import type { NextConfig } from "next";

// Headers on every response (pages, API routes, static files). The pages' Content-Security-Policy
// carries a per-request nonce and is set in src/proxy.ts; API answers get a policy that allows nothing.
const everywhere = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  transpilePackages: ["@booking/api", "@booking/db", "@booking/calendly"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  poweredByHeader: false,
  // `ANALYZE_BUNDLE=1 next build`: browser source maps, so `scripts/first-load-js.mjs --modules` can
  // tell what each page's JavaScript is made of.
  productionBrowserSourceMaps: process.env.ANALYZE_BUNDLE === "1",
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default config;
