// keptByPair: the same result for the same pair, made once, and at most
// `limit` kept (all dropped and made again once that many are kept).
import t from 'tap';
import { keptByPair } from '../../src/infra/kept.js';

t.test('a pair\'s result is made once and kept, up to the limit', async (t) => {
  const made: string[] = [];
  const name = keptByPair(3, (a: string, b: number) => {
    made.push(`${a}/${b}`);
    return { name: `${a}/${b}` };
  });
  const first = name('x', 1);
  t.equal(name('x', 1), first, 'the same object for the same pair');
  t.not(name('x', 2), first, 'another pair, another result');
  t.same(name('y', 1), { name: 'y/1' });
  t.same(made, ['x/1', 'x/2', 'y/1'], 'each made once');
  t.equal(name('y', 1).name, 'y/1', 'still kept at the limit');
  t.same(name('z', 9), { name: 'z/9' }, 'a fourth pair past the limit');
  t.same(made, ['x/1', 'x/2', 'y/1', 'z/9']);
  t.not(name('x', 1), first, 'everything kept before was dropped: made again');
  t.same(made, ['x/1', 'x/2', 'y/1', 'z/9', 'x/1']);
  t.equal(name('z', 9).name, 'z/9', 'the pair that passed the limit is kept');
  t.equal(made.length, 5);
});
