/**
 * The version of the database schema this app opens: the highest `version(n)` in
 * src/db/database.ts, which reads it from here (tests/unit/db/backupFormats.test.ts checks
 * Dexie's verno against it). A backup records the schema version of the app that made it, and one
 * made by a newer schema is refused: its rows may hold what this version cannot store.
 */
export const DATABASE_SCHEMA_VERSION = 4
