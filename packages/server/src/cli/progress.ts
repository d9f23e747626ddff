/**
 * A progress bar on a terminal; silent when output is piped or in CI logs. Without a total (a
 * file read as it streams), a running count.
 */
export interface Progress {
  tick(count?: number): void;
  done(): void;
}

export function progressBar(stream: NodeJS.WritableStream, label: string, total?: number): Progress {
  const tty = (stream as NodeJS.WriteStream).isTTY === true;
  let current = 0;
  let lastDraw = 0;
  const draw = () => {
    if (total === undefined) {
      stream.write(`\r${label} ${current}`);
      return;
    }
    const share = total > 0 ? Math.min(1, current / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${current}/${total}`);
  };
  return {
    tick(count = 1) {
      current += count;
      if (!tty) return;
      const now = Date.now();
      if (now - lastDraw > 100 || (total !== undefined && current >= total)) {
        lastDraw = now;
        draw();
      }
    },
    done() {
      if (tty) {
        draw();
        stream.write('\n');
      }
    },
  };
}
