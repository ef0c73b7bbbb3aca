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
