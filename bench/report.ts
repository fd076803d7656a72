/** Prints one benchmark figure as an aligned line: name, value, and a note (e.g. its target). */
export function printFigure(name: string, value: string, note = ''): void {
  const line = `${name.padEnd(52)} ${value.padStart(14)}${note ? `   (${note})` : ''}`
  process.stdout.write(`${line}\n`)
}

export function printHeading(title: string): void {
  process.stdout.write(`\n== ${title} ==\n`)
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
