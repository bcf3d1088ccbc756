import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@booking/api", "@booking/db", "@booking/calendly"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
