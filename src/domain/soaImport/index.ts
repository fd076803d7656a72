/**
 * Importing an old Statement of Applicability (ISO/IEC 27001:2013 or 2022, CSV or XLSX) as
 * suggested 2022 decisions: the file as a table (table.ts), its columns (columns.ts), its rows
 * (rows.ts) and the review items they lead to (proposals.ts). The browser reads the file's bytes
 * (src/import/readTableFile.ts); everything after that is here, pure.
 */
export * from './columns'
export * from './controlIds'
export * from './proposals'
export * from './rows'
export * from './table'
export * from './values'
