// Write load over real sockets for fault tests: registrations, product
// creates and data writes from concurrent workers, remembering every request
// the service acknowledged (2xx) so the test can check all of it afterwards.

export interface Acknowledged {
  users: { username: string; password: string }[];
  products: { id: number; name: string }[];
  data: { key: string; value: unknown }[];
  /** Registrations sent but not acknowledged (in flight at a crash, or refused). */
  unacknowledgedUsers: { username: string; password: string }[];
  /** Answers by status (0: no answer, e.g. connection refused). */
  statuses: Record<number, number>;
}

export function emptyAcknowledged(): Acknowledged {
  return { users: [], products: [], data: [], unacknowledgedUsers: [], statuses: {} };
}

async function send(url: string, method: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  try {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  } catch {
    return { status: 0, json: null };
  }
}

export interface LoadOptions {
  baseUrl: () => string;
  token: string;
  workers: number;
  /** A tag that keeps names unique across runs in one test. */
  tag: string;
  stop: AbortSignal;
  /** Stop a worker after this many consecutive failed connections (the server is gone). */
  giveUpAfter?: number;
}

export async function writeLoad(options: LoadOptions, acked = emptyAcknowledged()): Promise<Acknowledged> {
  let n = 0;
  const worker = async (w: number) => {
    let failures = 0;
    while (!options.stop.aborted && failures < (options.giveUpAfter ?? 3)) {
      const i = n++;
      const kind = i % 3;
      const base = options.baseUrl();
      let status: number;
      if (kind === 0) {
        const user = { username: `load_${options.tag}_${i}`, password: `pw-${options.tag}-${i}` };
        ({ status } = await send(`${base}/register`, 'POST', user));
        (status === 201 ? acked.users : acked.unacknowledgedUsers).push(user);
      } else if (kind === 1) {
        const name = `Product ${options.tag} ${i}`;
        const res = await send(`${base}/products`, 'POST', { name, description: `made by worker ${w}` }, options.token);
        status = res.status;
        if (status === 201) acked.products.push({ id: res.json.id, name });
      } else {
        const entry = { key: `k_${options.tag}_${i}`, value: { i, w, text: 'x'.repeat(i % 50) } };
        ({ status } = await send(`${base}/api/data`, 'POST', entry, options.token));
        if (status === 201) acked.data.push(entry);
      }
      acked.statuses[status] = (acked.statuses[status] ?? 0) + 1;
      failures = status === 0 ? failures + 1 : 0;
      if (status === 0) await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return acked;
}

/** Every acknowledged write, read back through the API: the list of what is missing (empty when none). */
export async function missingWrites(baseUrl: string, token: string, acked: Acknowledged): Promise<string[]> {
  const missing: string[] = [];
  for (const user of acked.users) {
    const res = await send(`${baseUrl}/login`, 'POST', user);
    if (res.status !== 200) missing.push(`user ${user.username}: login ${res.status}`);
  }
  for (const product of acked.products) {
    const res = await fetch(`${baseUrl}/products/${product.id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { name?: string };
    if (res.status !== 200 || body.name !== product.name) missing.push(`product ${product.id}: ${res.status}`);
  }
  for (const entry of acked.data) {
    const res = await fetch(`${baseUrl}/api/data/${entry.key}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { data?: { value?: unknown } };
    if (res.status !== 200 || JSON.stringify(body.data?.value) !== JSON.stringify(entry.value)) {
      missing.push(`data ${entry.key}: ${res.status}`);
    }
  }
  return missing;
}
