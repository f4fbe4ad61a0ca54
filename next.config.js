/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets the browser tests (__tests__/browser/global-setup.ts) build and
  // serve from .next-e2e without disturbing a running `npm start` (.next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Loaded with Node's require on the server instead of being bundled: native
  // modules (better-sqlite3), packages that read files next to themselves at run time
  // (the wink model), and the Prisma runtime and driver adapters.
  serverExternalPackages: [
    "wink-nlp",
    "wink-eng-lite-web-model",
    "better-sqlite3",
    "pg",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
  ],
  turbopack: { root: __dirname },
  poweredByHeader: false,
  reactStrictMode: true,
  // Security headers: see the hardening issue.
};

module.exports = nextConfig;
