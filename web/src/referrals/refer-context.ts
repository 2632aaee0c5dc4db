// A referral begun from a person's need: the person and the need ride along in the page address
// (referPerson, referNeed) from the person's page through the directory search and a service's
// page to the refer form, so a reload or a shared link keeps them.
export interface ReferContext {
  personId: string;
  needId?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person and need a page address carries, if any (ids only: anything else is left out). */
export function referContextOf(params: URLSearchParams): ReferContext | null {
  const personId = params.get('referPerson') ?? '';
  if (!uuid.test(personId)) return null;
  const needId = params.get('referNeed') ?? '';
  return uuid.test(needId) ? { personId, needId } : { personId };
}

/** `params` with the person and need put in (or nothing, without a context). */
export function withReferContext(params: URLSearchParams, context: ReferContext | null): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('referPerson');
  next.delete('referNeed');
  if (context) {
    next.set('referPerson', context.personId);
    if (context.needId) next.set('referNeed', context.needId);
  }
  return next;
}

/** The query string a link adds to carry the context along ('' without one). */
export function referContextSearch(context: ReferContext | null): string {
  const search = withReferContext(new URLSearchParams(), context).toString();
  return search ? `?${search}` : '';
}

/** The directory search for services of a need, carrying the person and the need. */
export function referSearchHref(props: { personId: string; needId: string; needDomain: string }): string {
  const params = withReferContext(new URLSearchParams({ need: props.needDomain }), props);
  return `/directory?${params.toString()}`;
}

/** The refer form for a service, with the person and need when known. */
export function referFormHref(serviceId: string, context: ReferContext | null): string {
  const params = new URLSearchParams({ serviceId });
  if (context) {
    params.set('personId', context.personId);
    if (context.needId) params.set('needId', context.needId);
  }
  return `/referrals/new?${params.toString()}`;
}
