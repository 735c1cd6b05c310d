/**
 * The parts of the cloud database API our functions use, typed by what the SDK resolves with
 * (its own typings mix in callback forms that resolve to void).
 */
export interface QueryRef {
  where(query: object): QueryRef;
  orderBy(field: string, order: 'asc' | 'desc'): QueryRef;
  limit(n: number): QueryRef;
  skip(n: number): QueryRef;
  field(projection: Record<string, boolean>): QueryRef;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocumentRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: object }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface AggregateRef {
  match(query: object): AggregateRef;
  group(spec: object): AggregateRef;
  sort(spec: object): AggregateRef;
  project(spec: object): AggregateRef;
  limit(n: number): AggregateRef;
  end(): Promise<{ list: unknown[] }>;
}

export interface CollectionRef extends QueryRef {
  doc(id: string): DocumentRef;
  add(options: { data: object }): Promise<{ _id: string }>;
  aggregate(): AggregateRef;
}
