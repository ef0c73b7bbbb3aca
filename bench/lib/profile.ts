// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went:
// the top functions by self time and by total time, and writes the folded
// stacks next to it (<file>.folded, one "a;b;c count" line per stack) for any
// flame-graph renderer.   npx tsx bench/lib/profile.ts <file.cpuprofile> [top] [lastSeconds]
// With lastSeconds, only the samples of the profile's last seconds count (the load, not the start-up).
import { readFileSync, writeFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const file = process.argv[2]!;
const top = Number(process.argv[3] ?? 25);
const lastSeconds = Number(process.argv[4] ?? Infinity);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
const span = profile.timeDeltas.reduce((a, b) => a + b, 0);
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (span - clock <= lastSeconds * 1e6) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const totalUs = [...self.values()].reduce((a, b) => a + b, 0);

const label = (n: Node) => {
  const where = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules\/|dist\/)?/, '$1');
  return `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
};
const selfBy = new Map<string, number>();
const totalBy = new Map<string, number>();
const folded = new Map<string, number>();
for (const [id, us] of self) {
  const stack: string[] = [];
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    stack.push(l);
    if (!seen.has(l)) totalBy.set(l, (totalBy.get(l) ?? 0) + us);
    seen.add(l);
  }
  selfBy.set(stack[0]!, (selfBy.get(stack[0]!) ?? 0) + us);
  const key = stack.reverse().join(';');
  folded.set(key, (folded.get(key) ?? 0) + us);
}
const show = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [l, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((us / totalUs) * 100).toFixed(1).padStart(5)}%  ${l}\n`);
  }
};
show('self time', selfBy);
show('total time', totalBy);
writeFileSync(`${file}.folded`, [...folded].map(([k, v]) => `${k} ${Math.round(v)}`).join('\n') + '\n');
