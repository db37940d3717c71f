// Preloaded into the API child by bench/load/mixed.ts (`node --require`): writes
// process.memoryUsage() to BENCH_HEAP_FILE every second, so the benchmark can
// print the API's heap beside its RSS. Not part of the application.
const { renameSync, writeFileSync } = require('node:fs');

const file = process.env.BENCH_HEAP_FILE;
if (file) {
  const write = () => {
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
      renameSync(`${file}.tmp`, file);
    } catch {
      // the benchmark's temp dir is going away; nothing to do
    }
  };
  write();
  setInterval(write, 1000).unref();
}
