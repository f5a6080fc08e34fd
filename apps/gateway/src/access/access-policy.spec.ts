import { readFileSync } from 'node:fs';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ROLES, type Role } from '#libs/contracts';
import { GatewayModule } from '../gateway.module.js';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator.js';
import { ACCESS_POLICY, POLICY_ROLES, renderPolicyTable, rolesOf } from './access-policy.js';

/** Every route the gateway serves, as METHOD /api/v1/path with {params}, with what its decorators say. */
function routes(): { key: string; isPublic: boolean; roles: Role[] }[] {
  const config = { jwtSecret: 'x'.repeat(32), databaseUrl: 'postgres://u:p@127.0.0.1/db', dbPoolSize: 1, accessTokenTtlSeconds: 900 } as never;
  const controllers = GatewayModule.register(config).controllers as (new (...a: never[]) => object)[];
  const reflector = new Reflector();
  const out: { key: string; isPublic: boolean; roles: Role[] }[] = [];
  for (const cls of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      const handler = (cls.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (method === undefined || sub === undefined) continue;
      const path = ['', base, sub].join('/').replace(/\/+/g, '/').replace(/\/$/, '').replace(/:([A-Za-z]+)/g, '{$1}');
      const full = base === 'health' ? path : `/api/v1${path}`;
      const isPublic = !!reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, cls]);
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, cls]);
      out.push({ key: `${RequestMethod[method]} ${full}`, isPublic, roles: roles?.length ? roles : [...ROLES] });
    }
  }
  return out;
}

describe('the access policy (docs/ACCESS.md)', () => {
  it('is the table docs/ACCESS.md shows', () => {
    const doc = readFileSync(new URL('../../../../docs/ACCESS.md', import.meta.url), 'utf8');
    expect(doc).toContain(renderPolicyTable());
  });

  it('has one row per endpoint, each with a cell for every role', () => {
    const keys = ACCESS_POLICY.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of ACCESS_POLICY) {
      expect(r.cells.split(' ')).toHaveLength(POLICY_ROLES.length);
      expect(r.cells).toMatch(/^[AS-]( [AS-])*$/);
      if (r.cells.includes('S')) expect(r.scope).toBeTruthy();
    }
  });

  it('agrees with every controller route: @Public is public, @Roles are exactly the roles allowed or scoped', () => {
    const table = new Map(ACCESS_POLICY.map((r) => [`${r.method} ${r.path}`, rolesOf(r)]));
    const served = routes();
    expect(served.length).toBeGreaterThan(60);
    for (const route of served) {
      const row = table.get(route.key);
      expect([route.key, row ? 'in the table' : 'missing from docs/ACCESS.md']).toEqual([route.key, 'in the table']);
      expect([route.key, route.isPublic]).toEqual([route.key, row!.isPublic]);
      if (!route.isPublic) expect([route.key, [...route.roles].sort()]).toEqual([route.key, [...row!.roles].sort()]);
    }
  });
});
