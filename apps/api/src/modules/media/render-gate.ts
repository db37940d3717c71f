import { ClientGone, RenderingBusy } from './media-errors';

/**
 * At most `concurrent` renderings at once, `queued` more waiting their turn,
 * and any beyond refused at once (503): each rendering holds decoded pixels
 * (up to tens of megabytes) and a core, so a burst of requests must wait or
 * fail fast rather than exhaust memory or starve every other request.
 */
export class RenderGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly queued: number,
  ) {}

  /** Runs `work` in its turn; one whose client has `gone` by then is dropped, not rendered for nobody. */
  async run<T>(work: () => Promise<T>, gone: () => boolean = () => false): Promise<T> {
    if (this.running < this.concurrent) this.running++;
    else if (this.waiting.length < this.queued) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new RenderingBusy();
    try {
      if (gone()) throw new ClientGone();
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` counts it throughout.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Renderings running and waiting, for tests and logs. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
