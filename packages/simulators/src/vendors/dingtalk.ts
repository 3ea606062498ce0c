import { Collection } from '../collection.js';
import { decodeToken, encodeToken } from '../opaque-token.js';
import { createRandom, deriveSeed, personName, pick } from '../random.js';
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
 * DingTalk OpenAPI (`api.dingtalk.com`, v1.0): an access-token endpoint, two nextToken lists and
 * a pageNumber list. Contract: `vendor-docs/dingtalk-pagination.txt` and `NOTES.md`.
 */
export interface DingTalkClass {
  classId: number;
  name: string;
  gradeLevel: number;
  studentCount: number;
  headTeacher: string;
}
export interface DingTalkEvent {
  id: string;
  summary: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  organizer: { displayName: string };
  location: { displayName: string };
}
export interface DingTalkAdjustment {
  id: number;
  userId: string;
  userName: string;
  adjustmentType: string;
  workDate: string;
  status: string;
}

export const DINGTALK_LIMITS = {
  /** `maxResults`: the docs say not to exceed 500. */
  maxResults: { min: 1, max: 500, default: 100 },
  /** `pageSize`: the docs recommend 10–200; the simulator refuses above 200. */
  pageSize: { min: 1, max: 200, default: 20 },
  tokenLifetimeSeconds: 7200,
} as const;

export interface DingTalkSimulatorOptions extends SimulatorOptions {
  /** The data's seed: the same seed, the same items. @defaultValue 1 */
  seed?: number;
  /** Items in each list. @defaultValue 100000 each */
  sizes?: Partial<Record<'classes' | 'events' | 'adjustments', number>>;
  /** @defaultValue DINGTALK_CREDENTIALS.appKey */
  appKey?: string;
  /** @defaultValue DINGTALK_CREDENTIALS.appSecret */
  appSecret?: string;
  /** How the last page says "no more": omit `nextToken` or send it empty. @defaultValue 'omit' */
  endToken?: 'omit' | 'empty';
  /**
   * Answer token errors as the older oapi host does: HTTP 200 with `{errcode, errmsg}`.
   * @defaultValue false
   */
  tokenErrorsInBody?: boolean;
}

export const DINGTALK_CREDENTIALS = {
  appKey: 'ding-demo-app-key',
  appSecret: 'ding-demo-app-secret',
} as const;

const SUBJECTS = ['Maths', 'Science', 'Art', 'Music', 'History', 'Chinese', 'English', 'PE'];
const ADJUSTMENTS = [
  'late-arrival',
  'early-leave',
  'missed-punch',
  'overtime',
  'business-trip',
  'leave',
];
const STATUSES = ['approved', 'pending', 'rejected'];

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export function createDingTalkSimulator(options: DingTalkSimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 1;
  const sizes = { classes: 100_000, events: 100_000, adjustments: 100_000, ...options.sizes };
  const appKey = options.appKey ?? DINGTALK_CREDENTIALS.appKey;
  const appSecret = options.appSecret ?? DINGTALK_CREDENTIALS.appSecret;
  const now = options.now ?? Date.now;

  const classes = new Collection<DingTalkClass>({
    size: sizes.classes,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'dingtalk.classes'));
      let id = 10_000;
      return Array.from({ length: size }, () => {
        id += 1 + Math.floor(r() * 5);
        const grade = 1 + Math.floor(r() * 9);
        const n = personName(r);
        return {
          classId: id,
          name: `Grade ${grade} · ${pick(r, SUBJECTS)} ${1 + Math.floor(r() * 12)}`,
          gradeLevel: grade,
          studentCount: 20 + Math.floor(r() * 25),
          headTeacher: `${n.first} ${n.last}`,
        };
      });
    },
    create(serial, near) {
      return {
        classId: (near?.classId ?? 10_000) * 1 + 0.5 + serial / 1e6,
        name: `New class ${serial}`,
        gradeLevel: 1,
        studentCount: 0,
        headTeacher: 'Unassigned',
      };
    },
    id: (c) => String(c.classId),
    compare: (a, b) => a.classId - b.classId,
  });

  const events = new Collection<DingTalkEvent>({
    size: sizes.events,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'dingtalk.events'));
      let t = Date.UTC(2026, 0, 5, 1, 0);
      return Array.from({ length: size }, (_, i) => {
        t += Math.floor(r() * 4) * 15 * 60_000; // runs of equal start times
        const n = personName(r);
        return {
          id: `evt${(i + 1).toString(36).padStart(6, '0')}`,
          summary: `${pick(r, SUBJECTS)} ${pick(r, ['review', 'sync', 'workshop', 'exam prep', 'parents meeting'])}`,
          start: { dateTime: isoMinute(t), timeZone: 'Asia/Shanghai' },
          end: { dateTime: isoMinute(t + 45 * 60_000), timeZone: 'Asia/Shanghai' },
          organizer: { displayName: `${n.first} ${n.last}` },
          location: { displayName: `Room ${100 + Math.floor(r() * 300)}` },
        };
      });
    },
    create(serial, near) {
      const start = near?.start ?? {
        dateTime: isoMinute(Date.UTC(2026, 0, 5)),
        timeZone: 'Asia/Shanghai',
      };
      return {
        id: `new${serial.toString(36).padStart(6, '0')}`,
        summary: `Inserted event ${serial}`,
        start,
        end: start,
        organizer: { displayName: 'Simulator' },
        location: { displayName: 'Room 0' },
      };
    },
    id: (e) => e.id,
    compare: (a, b) =>
      a.start.dateTime < b.start.dateTime
        ? -1
        : a.start.dateTime > b.start.dateTime
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0,
  });

  const adjustments = new Collection<DingTalkAdjustment>({
    size: sizes.adjustments,
    generate(size) {
      const r = createRandom(deriveSeed(seed, 'dingtalk.adjustments'));
      return Array.from({ length: size }, (_, i) => {
        const n = personName(r);
        const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 40) * 86_400_000);
        return {
          id: 500_000 + i,
          userId: `user${String(Math.floor(r() * 5000)).padStart(5, '0')}`,
          userName: `${n.first} ${n.last}`,
          adjustmentType: pick(r, ADJUSTMENTS),
          workDate: day.toISOString().slice(0, 10),
          status: pick(r, STATUSES),
        };
      });
    },
    create(serial, near) {
      return {
        id: (near?.id ?? 500_000) - 0.5 + serial / 1e6,
        userId: 'user-new',
        userName: `Inserted ${serial}`,
        adjustmentType: 'leave',
        workDate: near?.workDate ?? '2026-01-01',
        status: 'pending',
      };
    },
    id: (a) => String(a.id),
    compare: (a, b) => a.id - b.id,
  });

  // Access tokens: value → issue time and how many calls used it.
  const tokens = new Map<string, { issuedAt: number; uses: number }>();
  let issued = 0;

  const error = (status: number, code: string, message: string): never => {
    throw new SimHttpError(status, { code, message, requestid: `sim-${Date.now().toString(36)}` });
  };

  const authenticate = (ctx: RouteContext): void => {
    const value = ctx.req.headers['x-acs-dingtalk-access-token'];
    const token = value ? tokens.get(value) : undefined;
    let code: 40001 | 40014 | undefined;
    if (!token) code = 40014;
    else {
      token.uses++;
      const expiredByTime = now() - token.issuedAt >= DINGTALK_LIMITS.tokenLifetimeSeconds * 1000;
      if (ctx.tokenExpired(token.uses) || expiredByTime) {
        code = 40001;
        tokens.delete(value as string);
      }
    }
    if (code === undefined) return;
    const message = code === 40014 ? '不合法的access_token' : 'access_token 已过期或不是最新的';
    if (options.tokenErrorsInBody) throw new SimHttpError(200, { errcode: code, errmsg: message });
    error(401, String(code), message);
  };

  /** A nextToken walk over one collection (`maxResults` + `nextToken`). */
  const tokenList = <T>(
    ctx: RouteContext,
    collection: Collection<T>,
    field: string,
    extra: (last: boolean) => Record<string, unknown> = () => ({}),
    matches?: (item: T) => boolean,
  ): RouteResult => {
    authenticate(ctx);
    const size = readIntParam(ctx.query.get('maxResults')) ?? DINGTALK_LIMITS.maxResults.default;
    if (!inRange(size, DINGTALK_LIMITS.maxResults.min, DINGTALK_LIMITS.maxResults.max)) {
      error(
        400,
        'InvalidParameter.MaxResults',
        `maxResults must be an integer from 1 to ${DINGTALK_LIMITS.maxResults.max}`,
      );
    }
    const tokenIn = ctx.query.get('nextToken');
    let start = 0;
    // Some endpoints accept nextToken=0 for the first page.
    if (tokenIn !== null && tokenIn !== '' && tokenIn !== '0') {
      const payload = decodeToken(tokenIn);
      const after = payload?.startsWith(`${field}:`)
        ? collection.find(payload.slice(field.length + 1))
        : undefined;
      if (!after || ctx.rejectCursor())
        error(
          400,
          'InvalidParameter.NextToken',
          'The specified nextToken is invalid or has expired.',
        );
      start = collection.upperBound(after as T);
    }
    // With a filter (the events' time window), the page is the next `size` items that match.
    let items: T[];
    let last: boolean;
    if (matches) {
      items = [];
      let i = start;
      for (; i < collection.size && items.length <= size; i++) {
        const item = collection.items[i] as T;
        if (matches(item)) items.push(item);
      }
      last = items.length <= size;
      items = items.slice(0, size);
    } else {
      items = collection.items.slice(start, start + size);
      last = start + size >= collection.size;
    }
    const lastItem = items[items.length - 1];
    const nextToken =
      !last && lastItem !== undefined
        ? encodeToken(`${field}:${collection.idOf(lastItem)}`)
        : undefined;
    const body: Record<string, unknown> = { [field]: items, ...extra(last) };
    if (nextToken) body.nextToken = nextToken;
    else if (options.endToken === 'empty') body.nextToken = '';
    return {
      body,
      itemsField: field,
      log: {
        params: Object.fromEntries(ctx.query),
        size,
        cursorIn: tokenIn,
        cursorOut: nextToken ?? null,
        itemCount: items.length,
      },
    };
  };

  /** The events' time window (`timeMin`, `timeMax`, RFC 3339), as DingTalk's ListEvents takes it. */
  const timeWindow = (ctx: RouteContext): ((e: DingTalkEvent) => boolean) | undefined => {
    const bound = (name: string) => {
      const text = ctx.query.get(name);
      if (text === null) return undefined;
      const t = Date.parse(text);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(t))
        error(400, `InvalidParameter.${name}`, `${name} must be an RFC 3339 date-time`);
      return t;
    };
    const min = bound('timeMin');
    const max = bound('timeMax');
    if (min === undefined && max === undefined) return undefined;
    return (e) => {
      const t = Date.parse(e.start.dateTime);
      return (min === undefined || t >= min) && (max === undefined || t < max);
    };
  };

  const definition: VendorDefinition = {
    vendor: 'dingtalk',
    errorBody: (status, message, kind) => ({
      code:
        kind === 'rate-limit'
          ? 'Throttling'
          : kind === 'not-found'
            ? 'NotFound'
            : status === 400
              ? 'InvalidParameter'
              : 'ServiceUnavailable',
      message,
      requestid: `sim-${status}`,
    }),
    routes: [
      {
        method: 'POST',
        path: /^\/v1\.0\/oauth2\/accessToken$/,
        auth: true,
        handle(ctx) {
          const body = ctx.json() as { appKey?: unknown; appSecret?: unknown } | null;
          if (!body || body.appKey !== appKey || body.appSecret !== appSecret) {
            error(400, 'invalidClientIdOrSecret', '无效的clientId或clientSecret');
          }
          const accessToken = `dtk${(++issued).toString(36)}${Math.floor(now()).toString(36)}${seed.toString(36)}`;
          tokens.set(accessToken, { issuedAt: now(), uses: 0 });
          return {
            body: { accessToken, expireIn: DINGTALK_LIMITS.tokenLifetimeSeconds },
            log: { params: { appKey: String(body?.appKey) } },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/edu\/grades\/(?<identifier>[^/]+)\/classes$/,
        collection: () => classes as Collection<unknown>,
        handle: (ctx) => tokenList(ctx, classes, 'list'),
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/calendar\/users\/(?<userId>[^/]+)\/calendars\/(?<calendarId>[^/]+)\/events$/,
        collection: () => events as Collection<unknown>,
        handle: (ctx) =>
          tokenList(
            ctx,
            events,
            'events',
            (last) => (last ? { syncToken: encodeToken(`sync:${events.size}`) } : {}),
            timeWindow(ctx),
          ),
      },
      {
        method: 'GET',
        path: /^\/v1\.0\/attendance\/adjustments$/,
        collection: () => adjustments as Collection<unknown>,
        handle(ctx) {
          authenticate(ctx);
          const pageNumber = readIntParam(ctx.query.get('pageNumber')) ?? 1;
          const pageSize =
            readIntParam(ctx.query.get('pageSize')) ?? DINGTALK_LIMITS.pageSize.default;
          if (!Number.isInteger(pageNumber) || pageNumber < 1)
            error(400, 'InvalidParameter.PageNumber', 'pageNumber starts from 1');
          if (!inRange(pageSize, DINGTALK_LIMITS.pageSize.min, DINGTALK_LIMITS.pageSize.max)) {
            error(
              400,
              'InvalidParameter.PageSize',
              `pageSize must be an integer from 1 to ${DINGTALK_LIMITS.pageSize.max}`,
            );
          }
          const start = (pageNumber - 1) * pageSize;
          const items = adjustments.items.slice(start, start + pageSize);
          const totalPage = Math.ceil(adjustments.size / pageSize);
          return {
            body: { result: { items, pageNumber, totalPage } },
            itemsField: 'result.items',
            log: {
              params: Object.fromEntries(ctx.query),
              size: pageSize,
              cursorIn: String(pageNumber),
              cursorOut: pageNumber < totalPage ? String(pageNumber + 1) : null,
              itemCount: items.length,
            },
          };
        },
      },
    ],
  };

  return new Simulator(definition, options);
}
