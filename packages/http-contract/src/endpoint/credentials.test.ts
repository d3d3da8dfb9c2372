import { describe, expect, it } from 'vitest';
import { basicCredentials, bearerToken } from './credentials.js';

describe('bearerToken', () => {
  it('reads RFC 6750 tokens, absent and malformed headers apart', () => {
    expect(bearerToken('Bearer abc.def-ghi_jkl~mno+/=')).toBe('abc.def-ghi_jkl~mno+/=');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('  ')).toBeUndefined();
    for (const bad of ['Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'Bearer ä', 'abc'])
      expect(bearerToken(bad), bad).toBeNull();
  });
});

describe('basicCredentials', () => {
  const encode = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

  it('splits at the first colon and decodes UTF-8', () => {
    expect(basicCredentials(encode('ann@example.com:pa:ss wörd'))).toEqual({
      email: 'ann@example.com',
      password: 'pa:ss wörd',
    });
    expect(basicCredentials(encode('ann@example.com:'))).toEqual({
      email: 'ann@example.com',
      password: '',
    });
  });

  it('tells absent from malformed', () => {
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials(encode('no colon here'))).toBeNull();
    expect(basicCredentials('Basic !!!')).toBeNull();
    expect(basicCredentials('Bearer abc')).toBeNull();
  });
});
