#!/usr/bin/env node
// Regenerates prisma/postgres/schema.prisma from the models in prisma/schema.prisma
// (the single source of truth). Only the generator and datasource blocks differ.
//
//   node prisma/postgres/sync-schema.js          write the PostgreSQL schema
//   node prisma/postgres/sync-schema.js --check  exit 1 when it is out of date
"use strict";
const fs = require("fs");
const path = require("path");

const MARKER = "// ---- models (shared with prisma/postgres/schema.prisma) ----";
const root = path.resolve(__dirname, "..", "..");
const sqlitePath = path.join(root, "prisma", "schema.prisma");
const pgPath = path.join(root, "prisma", "postgres", "schema.prisma");

const HEADER = `// PostgreSQL schema, used when DATABASE_URL starts with postgres:// or postgresql://.
//
// GENERATED from prisma/schema.prisma by \`npm run db:sync-schema\`: do not edit the
// models here, edit prisma/schema.prisma and re-sync.
//
// The connection comes from the driver adapter (prisma.config.ts for the CLI,
// lib/store/client.ts at runtime). The url "<invalid>" is Prisma's own mark of an unused url:
// Prisma 6 still wants one, and warns on every command about any other.

generator client {
  provider     = "prisma-client"
  output       = "../../lib/generated/prisma/postgres"
  engineType   = "client"
  moduleFormat = "cjs"
}

datasource db {
  provider = "postgresql"
  url      = "<invalid>"
}

`;

function render() {
  const src = fs.readFileSync(sqlitePath, "utf8");
  const at = src.indexOf(MARKER);
  if (at < 0) throw new Error(`marker not found in ${sqlitePath}: ${MARKER}`);
  return HEADER + src.slice(at);
}

const wanted = render();
const current = fs.existsSync(pgPath) ? fs.readFileSync(pgPath, "utf8") : "";
if (process.argv.includes("--check")) {
  if (current !== wanted) {
    console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:sync-schema`");
    process.exit(1);
  }
} else if (current !== wanted) {
  fs.writeFileSync(pgPath, wanted);
  console.log("wrote prisma/postgres/schema.prisma");
}
