// The keyed HMAC with remembered purposes gives exactly the HMACs it would
// compute, for remembered and other purposes alike, also past its bound (when
// it drops what it kept and starts again), and keeps purposes apart.
import t from 'tap';
import { createHmac } from 'node:crypto';
import { createKeyedHash } from '../../src/infra/secrets.js';

const secret = 's'.repeat(48);
const expected = (purpose: string, value: string) => createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');

t.test('remembered HMACs are the HMACs', async (t) => {
  const hash = createKeyedHash(secret, ['session']);
  const plain = createKeyedHash(secret);
  t.equal(hash('session', 'abc'), expected('session', 'abc'));
  t.equal(hash('session', 'abc'), expected('session', 'abc'), 'asked again: the same');
  t.equal(hash('otp', 'abc'), expected('otp', 'abc'), 'a purpose not remembered');
  t.not(hash('session', 'abc'), hash('otp', 'abc'), 'purposes stay apart');
  let wrong = 0;
  for (let i = 0; i < 25_000; i += 1) if (hash('session', `v${i % 12_000}`) !== plain('session', `v${i % 12_000}`)) wrong += 1;
  t.equal(wrong, 0, 'past the bound of 10,000, still right');
});
