/** One request as a simulator saw and answered it. */
export interface RequestLogEntry {
  seq: number;
  vendor: string;
  method: string;
  path: string;
  /** Query parameters, or for POST APIs the paging part of the body (secrets never logged). */
  params: Record<string, string>;
  /** The page size asked for, if the request is a list request. */
  size?: number;
  cursorIn?: string | null;
  cursorOut?: string | null;
  itemCount?: number;
  status: number;
  latencyMs: number;
  /** Set when the simulator injected a fault into this request. */
  fault?: string;
  /** Wall-clock time (ms since epoch) when the request arrived. */
  at: number;
}

/** Called with each request the log records. */
export type RequestLogListener = (entry: RequestLogEntry) => void;

/** A bounded, observable log of requests: tests, benchmarks and the demo's inspector read it. */
export class RequestLog {
  private readonly list: RequestLogEntry[] = [];
  private readonly listeners = new Set<RequestLogListener>();
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  get entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  add(entry: RequestLogEntry): void {
    this.list.push(entry);
    if (this.list.length > this.capacity) this.list.splice(0, this.list.length - this.capacity);
    for (const listener of this.listeners) listener(entry);
  }

  clear(): void {
    this.list.length = 0;
  }

  subscribe(listener: RequestLogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
