/**
 * The CSV files' rules, shared by the SoA and the changes: UTF-8 with a byte-order mark (so
 * Excel reads accents right), a header row, RFC 4180 quoting, CRLF between rows; '' leaves a
 * cell empty.
 *
 * Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe: user text is data, never code. A cell holding any
 * separator a spreadsheet may split on (comma, semicolon, tab) is quoted, and text following
 * such a separator or a line break inside a cell gets the apostrophe too: with ";" as the
 * separator, as European spreadsheets use, "x;=1+1" must never become a live formula.
 */

export function csvCell(value: string): string {
  const leading = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  // A spreadsheet reading the file with ";" or tab as the separator ignores quotes that do not
  // open its own field, so text after any separator is a cell start too (LibreOffice evaluates
  // "x;=1+1" as x | 2), and so is text after a line break, which then ends the row
  // ("x\n=1+1;" gives a row starting with 2): the apostrophe goes there as well.
  const safe = leading.replace(/([,;\t\r\n])(\s*)(?=[=+\-@])/g, "$1$2'")
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A header row and the rows under it as the text of a CSV file. */
export function csvFile(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(csvCell).join(',')]
  for (const row of rows) lines.push(row.map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
