import { Collection } from '../collection.js';
import { decodeToken, encodeToken } from '../opaque-token.js';
import { createRandom, deriveSeed, personName, pick, uuid } from '../random.js';
import {
  type RouteContext,
  type RouteResult,
  SimHttpError,
  Simulator,
  type SimulatorOptions,
  type VendorDefinition,
} from '../simulator.js';
import { inRange, readIntParam } from '../size-param.js';

/**
 * LINE WORKS API 2.0 (`www.worksapis.com/v1.0`): `count` + `cursor` lists answering
 * `{<items>, responseMetaData: {nextCursor}}`; nextCursor (base64) is omitted on the last page.
 */
export interface LineWorksUser {
  userId: string;
  email: string;
  userName: { lastName: string; firstName: string };
  organizations: Array<{
    domainId: number;
    primary: boolean;
    orgUnits: Array<{ orgUnitId: string; primary: boolean }>;
  }>;
  employmentTypeName: string;
}
export interface LineWorksCalendar {
  calendarId: string;
  calendarName: string;
  description: string;
  isPublic: boolean;
}

export const LINEWORKS_LIMITS = {
  users: { min: 1, max: 100, default: 100 },
  calendars: { min: 1, max: 50, default: 50 },
} as const;

export const LINEWORKS_CREDENTIALS = {
  clientId: 'lw-demo-client',
  clientSecret: 'lw-demo-secret',
} as const;

export interface LineWorksSimulatorOptions extends SimulatorOptions {
  /** The data's seed: the same seed, the same items. @defaultValue 2 */
  seed?: number;
  /** Items in each list. @defaultValue 100000 each */
  sizes?: Partial<Record<'users' | 'calendars', number>>;
  /** @defaultValue LINEWORKS_CREDENTIALS.clientId */
  clientId?: string;
  /** @defaultValue LINEWORKS_CREDENTIALS.clientSecret */
  clientSecret?: string;
}

const JOBS = ['Full-time', 'Contract', 'Part-time', 'Intern'];

export function createLineWorksSimulator(options: LineWorksSimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 2;
  const sizes = { users: 100_000, calendars: 100_000, ...options.sizes };
  const clientId = options.clientId ?? LINEWORKS_CREDENTIALS.clientId;
  const clientSecret = options.clientSecret ?? LINEWORKS_CREDENTIALS.clientSecret;

  const byId =
    <T extends { [k: string]: unknown }>(field: keyof T) =>
    (a: T, b: T) => {
      const x = a[field] as string;
      const y = b[field] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };

  const users = new Collection<LineWorksUser>({
    size: sizes.users,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'lineworks.users'));
      return Array.from({ length: size }, (_, i) => {
        const n = personName(r);
        return {
          userId: uuid(r),
          email: `${n.first.toLowerCase()}.${n.last.toLowerCase()}${i}@example.works`,
          userName: { lastName: n.last, firstName: n.first },
          organizations: [
            {
              domainId: 10_000_001,
              primary: true,
              orgUnits: [{ orgUnitId: `org-${Math.floor(r() * 200)}`, primary: true }],
            },
          ],
          employmentTypeName: pick(r, JOBS),
        };
      });
    },
    create(serial) {
      const r = createRandom(deriveSeed(seed, `lineworks.users.new.${serial}`));
      return {
        userId: uuid(r),
        email: `new${serial}@example.works`,
        userName: { lastName: 'New', firstName: `Member ${serial}` },
        organizations: [],
        employmentTypeName: 'Full-time',
      };
    },
    id: (u) => u.userId,
    compare: byId<LineWorksUser & { [k: string]: unknown }>('userId'),
  });

  const calendars = new Collection<LineWorksCalendar>({
    size: sizes.calendars,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'lineworks.calendars'));
      return Array.from({ length: size }, (_, i) => ({
        calendarId: uuid(r),
        calendarName: `${pick(r, ['Team', 'Project', 'Room', 'Shift'])} calendar ${i + 1}`,
        description: '',
        isPublic: r() < 0.5,
      }));
    },
    create(serial) {
      const r = createRandom(deriveSeed(seed, `lineworks.calendars.new.${serial}`));
      return {
        calendarId: uuid(r),
        calendarName: `New calendar ${serial}`,
        description: '',
        isPublic: false,
      };
    },
    id: (c) => c.calendarId,
    compare: byId<LineWorksCalendar & { [k: string]: unknown }>('calendarId'),
  });

  const tokens = new Map<string, { uses: number }>();
  let issued = 0;

  const fail = (status: number, code: string, description: string): never => {
    throw new SimHttpError(status, { code, description });
  };

  const authenticate = (ctx: RouteContext): void => {
    const header = ctx.req.headers.authorization ?? '';
    const value = header.startsWith('Bearer ') ? header.slice(7) : '';
    const token = tokens.get(value);
    if (!token) fail(401, 'UNAUTHORIZED', 'Authentication failed: invalid access token');
    const t = token as { uses: number };
    t.uses++;
    if (ctx.tokenExpired(t.uses)) {
      tokens.delete(value);
      fail(401, 'UNAUTHORIZED', 'Authentication failed: access token expired');
    }
  };

  const list = <T>(
    ctx: RouteContext,
    collection: Collection<T>,
    field: string,
    limits: { min: number; max: number; default: number },
  ): RouteResult => {
    authenticate(ctx);
    const count = readIntParam(ctx.query.get('count')) ?? limits.default;
    if (!inRange(count, limits.min, limits.max))
      fail(
        400,
        'INVALID_PARAMETER',
        `count must be between ${limits.min} and ${limits.max} (maxCount)`,
      );
    const cursorIn = ctx.query.get('cursor');
    let start = 0;
    if (cursorIn !== null && cursorIn !== '') {
      const payload = decodeToken(cursorIn);
      const after = payload?.startsWith(`${field}|`)
        ? collection.find(payload.slice(field.length + 1))
        : undefined;
      if (!after || ctx.rejectCursor()) fail(400, 'INVALID_PARAMETER', 'Invalid cursor');
      start = collection.upperBound(after as T);
    }
    const items = collection.items.slice(start, start + count);
    const last = items[items.length - 1];
    const nextCursor =
      start + count < collection.size && last !== undefined
        ? encodeToken(`${field}|${collection.idOf(last)}`)
        : undefined;
    return {
      body: { [field]: items, responseMetaData: nextCursor ? { nextCursor } : {} },
      itemsField: field,
      log: {
        params: Object.fromEntries(ctx.query),
        size: count,
        cursorIn,
        cursorOut: nextCursor ?? null,
        itemCount: items.length,
      },
    };
  };

  const definition: VendorDefinition = {
    vendor: 'lineworks',
    errorBody: (status, description, kind) => ({
      code:
        kind === 'rate-limit'
          ? 'TOO_MANY_REQUESTS'
          : kind === 'not-found'
            ? 'NOT_FOUND'
            : status >= 500
              ? 'INTERNAL_SERVER_ERROR'
              : 'INVALID_PARAMETER',
      description,
    }),
    routes: [
      {
        // On the real service this lives at auth.worksmobile.com; the simulator serves it at its root.
        method: 'POST',
        path: /^\/oauth2\/v2\.0\/token$/,
        auth: true,
        handle(ctx) {
          const form = new URLSearchParams(ctx.req.body ?? '');
          if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
            throw new SimHttpError(401, {
              error: 'invalid_client',
              error_description: 'client authentication failed',
            });
          }
          const accessToken = `lw${(++issued).toString(36)}${seed.toString(36)}`;
          tokens.set(accessToken, { uses: 0 });
          return {
            body: {
              access_token: accessToken,
              token_type: 'Bearer',
              expires_in: 86_400,
              scope: form.get('scope') ?? 'user.read',
            },
            log: { params: { grant_type: form.get('grant_type') ?? '' } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/users$/,
        collection: () => users as Collection<unknown>,
        handle: (ctx) => list(ctx, users, 'users', LINEWORKS_LIMITS.users),
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/users\/(?<userId>[^/]+)\/calendar-personals$/,
        collection: () => calendars as Collection<unknown>,
        handle: (ctx) => list(ctx, calendars, 'calendarPersonals', LINEWORKS_LIMITS.calendars),
      },
    ],
  };
  return new Simulator(definition, options);
}
