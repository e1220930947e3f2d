// Compiles the top-k kernel with asc's API: `node libs/matching/assembly/build.mjs` writes
// libs/matching/src/engine/kernel/top-k.wasm; `--check` only compares (exit 1 when the committed binary
// is stale), which the unit spec runs so CI catches a source change without a rebuild.
import asc from 'assemblyscript/asc';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./top-k.ts', import.meta.url));
const target = fileURLToPath(new URL('../src/engine/kernel/top-k.wasm', import.meta.url));
const check = process.argv.includes('--check');

let binary;
const { error, stderr } = await asc.main(
  [entry, '--outFile', 'top-k.wasm', '-O3', '--noAssert', '--runtime', 'stub', '--enable', 'simd'],
  {
    writeFile(name, contents) {
      if (name.endsWith('.wasm')) binary = contents;
    },
  },
);
if (error || !binary) {
  process.stderr.write(`${stderr.toString()}\n${error?.message ?? 'asc produced no binary'}\n`);
  process.exit(1);
}
if (check) {
  const committed = readFileSync(target);
  if (!committed.equals(Buffer.from(binary))) {
    process.stderr.write(`${target} is stale: run npm run build:wasm\n`);
    process.exit(1);
  }
  process.stdout.write(`${target} is up to date (${binary.length} bytes)\n`);
} else {
  writeFileSync(target, binary);
  process.stdout.write(`wrote ${target} (${binary.length} bytes)\n`);
}
