// Prisma CLI configuration (Prisma 6, offline-capable): the JavaScript schema engine
// talks to the database through the same driver adapters the app uses, so no
// engine binaries are downloaded. Schema, migrations folder and adapter follow
// DATABASE_URL:
//   unset / file:… / a path  → SQLite (prisma/schema.prisma, prisma/migrations), default data/tension.db
//   postgresql://…           → PostgreSQL (prisma/postgres/schema.prisma, prisma/postgres/migrations)
import { defineConfig } from "prisma/config";
import { adapterFor, resolveDatabase } from "./lib/store/client";

const target = resolveDatabase(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: target.schema,
  migrations: { path: target.migrations },
  adapter: async () => adapterFor(target, { forMigrate: true }) as any,
});
