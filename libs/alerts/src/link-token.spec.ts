import { LinkSigner } from './link-token';

const ID = '9b2e4f1c-0d3a-4c55-8e7f-1a2b3c4d5e6f';
const NONCE = '11111111-2222-4333-8444-555555555555';

describe('LinkSigner', () => {
  const signer = new LinkSigner('een geheim van minstens tweeendertig tekens');
  const token = signer.sign('unsubscribe', ID, NONCE);

  it.each<[string, string, string, string, boolean]>([
    ['the token it made', 'unsubscribe', token, NONCE, true],
    ['another purpose', 'other', token, NONCE, false],
    [
      'a rotated nonce (subscribed again)',
      'unsubscribe',
      token,
      '11111111-2222-4333-8444-555555555556',
      false,
    ],
    ['a changed id', 'unsubscribe', token.replace('9b2e', '9b2f'), NONCE, false],
    ['a cut MAC', 'unsubscribe', token.slice(0, -1), NONCE, false],
    [
      'a flipped MAC character',
      'unsubscribe',
      token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
      NONCE,
      false,
    ],
    ['garbage', 'unsubscribe', 'x.y', NONCE, false],
    ['empty', 'unsubscribe', '', NONCE, false],
  ])('%s', (_name, purpose, candidate, nonce, ok) => {
    expect(signer.verify(purpose, candidate, nonce)).toBe(ok);
  });

  it('another key does not accept it', () => {
    expect(
      new LinkSigner('een ander geheim van minstens tweeendertig tekens').verify(
        'unsubscribe',
        token,
        NONCE,
      ),
    ).toBe(false);
  });

  it('names the subscription id and nothing else', () => {
    expect(LinkSigner.idOf(token)).toBe(ID);
    expect(token.split('.')).toHaveLength(2);
  });
});
