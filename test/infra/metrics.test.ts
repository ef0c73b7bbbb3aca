// GET /metrics in Prometheus text: requests and latency per route, append
// latency, projection lag.
import t from 'tap';
import { build } from '../support/app.js';

t.test('metrics show requests per route, append latency and projection lag', async (t) => {
  const { app } = await build(t);
  await app.inject({ method: 'POST', url: '/register', payload: { username: 'metric', password: 'password1' } });
  await app.inject({ method: 'POST', url: '/login', payload: { username: 'metric', password: 'wrong-password' } });
  await app.inject({ method: 'GET', url: '/no/such/path/123' });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/plain/);
  const text = res.body;
  t.match(text, /chronicle_http_requests_total\{method="POST",route="\/register",status="201"\} 1/);
  t.match(text, /chronicle_http_requests_total\{method="POST",route="\/login",status="401"\} 1/);
  t.match(text, /chronicle_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/, 'unmatched paths share one label');
  t.notMatch(text, /no\/such\/path/);
  t.match(text, /chronicle_http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/register"\}/);
  const appends = /chronicle_eventstore_append_duration_seconds_count\{store="embedded",outcome="ok"\} (\d+)/.exec(text);
  // A registration is three appends; the refused sign-in is one more (its SignInFailed event).
  t.ok(appends && Number(appends[1]) === 4, `a registration and a refused sign-in are four timed appends (${appends?.[1]})`);
  t.match(text, /chronicle_projection_lag_events 0/);
  t.match(text, /chronicle_projection_lag_seconds 0/);
  t.match(text, /process_resident_memory_bytes \d+/);
});

t.test('latency buckets are cumulative, +Inf is the count, and a status of its own is a series of its own', async (t) => {
  const { app } = await build(t);
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/ready' });
  await app.inject({ method: 'HEAD', url: '/ready' });
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const series = (metric: string, labels: string) =>
    [...text.matchAll(new RegExp(`^${metric}\\{${labels}\\} (\\S+)$`, 'gm'))].map((m) => Number(m[1]));
  t.same(series('chronicle_http_requests_total', 'method="GET",route="/ready",status="200"'), [3]);
  t.same(series('chronicle_http_requests_total', 'method="HEAD",route="/ready",status="200"'), [1]);
  const buckets = series('chronicle_http_request_duration_seconds_bucket', 'le="[^"]+",method="GET",route="/ready"');
  t.equal(buckets.length, 12, 'eleven bounds and +Inf');
  t.ok(buckets.every((n, i) => i === 0 || n >= buckets[i - 1]!), `cumulative: ${buckets.join(' ')}`);
  t.equal(buckets.at(-1), 3, '+Inf holds every answer');
  t.same(series('chronicle_http_request_duration_seconds_count', 'method="GET",route="/ready"'), [3]);
  const [sum] = series('chronicle_http_request_duration_seconds_sum', 'method="GET",route="/ready"');
  t.ok(sum! > 0 && sum! < 3 * 2.5, `the sum is the three answers' seconds (${sum})`);
  t.match(text, /chronicle_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/ready"\} 3/);
});
