import { expect, it } from 'vitest';
import { uuidV5 } from './ids';

it('matches the RFC 4122 version 5 reference value', () => {
  // The DNS namespace and "www.example.com" give this UUID in every conforming implementation.
  expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

it('is stable for a name and differs between names', () => {
  expect(uuidV5('service:1')).toBe(uuidV5('service:1'));
  expect(uuidV5('service:1')).not.toBe(uuidV5('service:2'));
  expect(uuidV5('service:1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
