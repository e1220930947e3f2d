import { describe, expect, it } from 'vitest';
import schema from '../../../../schema.gql?raw';
import { common } from './messages/common';
import { domain } from './messages/domain';
import { admin } from './messages/admin';
import { manager } from './messages/manager';
import { mentor } from './messages/mentor';
import { owner } from './messages/owner';
import type { Messages } from './define';

const keys = (tree: Messages, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );

describe('translations', () => {
  it.each([
    ['common', common],
    ['domain', domain],
    ['owner', owner],
    ['mentor', mentor],
    ['manager', manager],
    ['admin', admin],
  ])('%s: Bahasa Indonesia has every English key and nothing else, none left empty', (_name, area) => {
    expect(keys(area.id as Messages).sort()).toEqual(keys(area.en).sort());
    for (const key of keys(area.id as Messages)) {
      const value = key
        .split('.')
        .reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], area.id);
      expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
    }
  });

  it('has a message for every error code the API sends, in both languages', () => {
    // The API lists its codes as the ErrorCode enum of its schema (every feature's codes).
    const codes = /enum ErrorCode \{([^}]*)\}/.exec(schema)![1].match(/[A-Z_]+/g)!;
    expect(codes).toContain('CAPACITY_FULL');
    for (const code of codes) {
      expect(common.en.errors).toHaveProperty(code);
      expect(common.id.errors).toHaveProperty(code);
    }
  });

  it('keeps placeholders the same in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const walk = (en: Messages, id: Messages) => {
      for (const [k, v] of Object.entries(en)) {
        if (typeof v === 'string') expect(placeholders(id[k] as string)).toEqual(placeholders(v));
        else walk(v, id[k] as Messages);
      }
    };
    for (const area of [common, domain, owner, mentor, manager, admin]) walk(area.en, area.id as Messages);
  });
});
