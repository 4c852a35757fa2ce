// A one-line progress display for long commands (seed, import). On a terminal it redraws in
// place; in a log (CI) it prints every tenth, so the log stays short.
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (tty) {
        const width = 30;
        const filled = Math.round((pct / 100) * width);
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${pct}%`);
      } else if (Math.floor(pct / 10) !== lastTenth) {
        lastTenth = Math.floor(pct / 10);
        process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
