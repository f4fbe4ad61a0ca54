// Two projects, both run by `npm test`:
//   unit    — everything under __tests__/ except __tests__/browser/
//   browser — __tests__/browser/: a production build of the app served on a free
//             port (global-setup.ts), driven by playwright-core with Debian's Chromium.
// Run one with `npx jest --selectProjects unit` (or browser).
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", esModuleInterop: true, resolveJsonModule: true, jsx: "react-jsx", strict: true, isolatedModules: true, target: "ES2022", skipLibCheck: true } }],
};
const moduleNameMapper = { "^@/(.*)$": "<rootDir>/$1" };

/** @type {import('jest').Config} */
module.exports = {
  // A global option: jest ignores testTimeout inside project entries. Generous because the
  // PostgreSQL runs create databases and browser tests drive a real Chromium.
  testTimeout: 120000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/__tests__"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/browser/"],
      transform,
      moduleNameMapper,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/__tests__/browser"],
      testMatch: ["<rootDir>/__tests__/browser/**/*.test.ts"],
      transform,
      moduleNameMapper,
      globalSetup: "<rootDir>/__tests__/browser/global-setup.ts",
      globalTeardown: "<rootDir>/__tests__/browser/global-teardown.ts",
    },
  ],
};
