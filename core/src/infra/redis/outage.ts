/**
 * Remembers whether Redis is answering, so that an outage is reported once when it starts and once when it
 * ends rather than on every request that falls back meanwhile.
 */
export class RedisOutage {
  private down = false;

  constructor(
    private readonly what: string,
    private readonly log: (line: string) => void,
  ) {}

  get ongoing(): boolean {
    return this.down;
  }

  fault(error: unknown): void {
    if (this.down) return;
    this.down = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.log(`${this.what}: Redis is not answering (${reason}); falling back until it does.`);
  }

  recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.log(`${this.what}: Redis answers again.`);
  }
}
