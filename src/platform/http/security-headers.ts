// Security headers on every response (pages, API answers, problem+json errors, static files,
// 404s), through @fastify/helmet. The CSP fits the built web app: scripts only from Kith's own
// files (index.html has no inline script), nothing may frame Kith, no plugins, no <base>, forms
// post only to Kith. The API docs (swagger-ui at /api/docs) run under the same CSP: their
// scripts and stylesheets are files too, and their one <style> element and data: icons are
// allowed below for the app anyway.
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

function contentSecurityPolicy(secure: boolean, imageOrigins: string[]): Record<string, string[]> {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Mantine writes <style> elements at run time (its theme's CSS variables, its class styles,
    // responsive style props), and their text varies with the props: no hash can list them, so
    // style elements need 'unsafe-inline'. React sets style props through the CSSOM, which CSP
    // does not govern, so style="" attributes in markup are never needed and stay refused
    // (browsers without style-src-attr fall back to style-src and still run the app).
    'style-src': ["'self'", "'unsafe-inline'"],
    'style-src-attr': ["'none'"],
    // data: for index.html's empty icon (`<link rel="icon" href="data:,">`) and swagger-ui's
    // SVG icons; a data: image cannot run anything.
    // The map's tile server (KITH_MAP_TILES_URL), when there is one.
    'img-src': ["'self'", 'data:', ...imageOrigins],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  // Only behind HTTPS: on plain HTTP (a tablet on the local network) it would send the page's
  // own script requests to an https:// that is not there.
  if (secure) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/**
 * `secure`: Kith is reached over HTTPS (KITH_SECURE_COOKIES), so HSTS is sent. `imageOrigins`: where
 * else images may come from (the map's tiles).
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { secure: boolean; imageOrigins?: string[] },
): Promise<void> {
  const helmetOptions: FastifyHelmetOptions = {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.secure, options.imageOrigins ?? []) },
    // Nothing may frame Kith (clickjacking): X-Frame-Options for browsers without frame-ancestors.
    xFrameOptions: { action: 'deny' },
    // No Referer ever leaves Kith: its paths name records and its queries carry what a
    // coordinator searched for; Kith itself never reads the header.
    referrerPolicy: { policy: 'no-referrer' },
    // Not includeSubDomains: the organisation's other hosts are not Kith's to pin to HTTPS.
    strictTransportSecurity: options.secure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
  await app.register(fastifyHelmet, helmetOptions);
}
