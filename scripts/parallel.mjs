// Runs shell commands at the same time (`node scripts/parallel.mjs "cmd a" "cmd b"`) and fails
// when any of them fails. Each command's output is printed whole once it ends, so outputs never
// interleave. The typecheck and the lint are each mostly one thread: on two cores, side by side
// they take the time of the longer one.
import { spawn } from 'node:child_process'

const commands = process.argv.slice(2)
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs "<command>" ["<command>" …]')
  process.exit(2)
}

const runs = commands.map(
  (command) =>
    new Promise((resolve) => {
      const started = Date.now()
      const child = spawn(command, { shell: true, env: { ...process.env, FORCE_COLOR: '1' } })
      /** @type {Buffer[]} */
      const output = []
      child.stdout.on('data', (chunk) => output.push(chunk))
      child.stderr.on('data', (chunk) => output.push(chunk))
      child.on('close', (code) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1)
        process.stdout.write(`\n> ${command}\n`)
        process.stdout.write(Buffer.concat(output))
        process.stdout.write(`${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`)
        resolve(code === 0)
      })
    }),
)

const results = await Promise.all(runs)
process.exit(results.every(Boolean) ? 0 : 1)
