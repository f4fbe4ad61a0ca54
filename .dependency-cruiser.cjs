// The data flow, checked: lib/ folders import only from folders before them
// (core → ingest → score → store → read → view; server last), never in a cycle,
// and never from the app or the scripts. `npm test` runs this (__tests__/architecture.test.ts).
const LAYERS = ["core", "ingest", "score", "store", "read", "view", "server"];

const later = (i) => LAYERS.slice(i + 1).join("|");

module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `${layer}-imports-only-earlier-layers`,
      comment: `lib/${layer} may import from ${LAYERS.slice(0, i).join(", ") || "nothing in lib but lib/data"}, never from ${LAYERS.slice(i + 1).join(", ")}`,
      severity: "error",
      from: { path: `^lib/${layer}/` },
      to: { path: `^lib/(${later(i)})/` },
    })),
    {
      name: "lib-stands-alone",
      comment: "lib/ never imports the app, the scripts or the tests",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|scripts|__tests__)/" },
    },
    {
      name: "no-loose-lib-files",
      comment: "every module of lib/ lives in its layer's folder",
      severity: "error",
      from: { path: "^lib/[^/]+\\.tsx?$" },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
