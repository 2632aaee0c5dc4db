// One schema over process.env, read once. Invalid configuration prints every problem and exits 1,
// so a mistyped variable is caught at start rather than on the first request that needs it.
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** OpenStreetMap's own tiles (its usage policy asks for light use and this attribution). */
export const DEFAULT_MAP_TILES = {
  urlTemplate: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
};

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KITH_DATA_DIR: z.string().min(1).default('./.kith/data'),
  KITH_DEMO: booleanFromEnv.default(true),
  KITH_DEMO_SEED: z.coerce.number().int().min(0).default(42),
  KITH_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(12 * 60),
  KITH_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(7 * 24),
  KITH_SECURE_COOKIES: booleanFromEnv.default(false),
  KITH_TIMEZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/New_York')
    .default('America/New_York'),
  /** The network's country (ISO 3166-1 alpha-2): distances are in miles in the US, in km in most others. */
  KITH_COUNTRY: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as US')
    .transform((code) => code.toUpperCase())
    .default('US'),
  /** The map's tiles: a URL template with {z}, {x} and {y} (and {s} for subdomains), or "none". */
  KITH_MAP_TILES_URL: z
    .string()
    .refine(
      (url) => url === 'none' || (/^https?:\/\/[^/]+\//.test(url) && ['{z}', '{x}', '{y}'].every((part) => url.includes(part))),
      'must be an http(s) URL template with {z}, {x} and {y}, or none',
    )
    .default(DEFAULT_MAP_TILES.urlTemplate),
  KITH_MAP_TILES_ATTRIBUTION: z.string().max(300).default(DEFAULT_MAP_TILES.attribution),
  // A header `kith import hsds <url>` sends to the feed ("Authorization: Bearer …"): an API key
  // kept out of the command line, where other users of the machine could see it.
  KITH_HSDS_FEED_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+:\s*\S/, 'must look like "Name: value"')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Kith's configuration is invalid:\n${lines.join('\n')}`);
  }
  return { ...result.data, KITH_DATA_DIR: path.resolve(result.data.KITH_DATA_DIR) };
}

export class ConfigError extends Error {}

let loaded: Config | undefined;

/** The process's configuration; on invalid input prints each problem and exits 1. */
export function config(): Config {
  if (!loaded) {
    try {
      loaded = parseConfig(process.env);
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  }
  return loaded;
}
