// A progress bar on stderr for long CLI work, only when stderr is a terminal (never in pipes, logs or
// tests). cli-progress is loaded only when a bar is actually shown, to keep short runs fast.

export interface Progress {
  /** Sets the fraction done, 0…1. Cheap to call often: redraws are throttled by cli-progress. */
  update(fraction: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/** A bar labelled `label` when `enabled` and stderr is a TTY; otherwise a no-op. */
export async function startProgress(label: string, enabled = true): Promise<Progress> {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: ` ${label} {bar} {percentage}% | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0);
  return {
    update(fraction) {
      bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 1000));
    },
    stop() {
      bar.stop();
    },
  };
}
