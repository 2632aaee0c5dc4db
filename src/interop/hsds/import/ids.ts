// HSDS 3 requires UUID ids; most published directories use integers or slugs. A source id that is
// not a UUID becomes a v5 UUID of (data set, object type, source id), so the same file always
// gives the same ids and re-importing it changes nothing. Every reference is minted with the same
// function, so links stay consistent without a second pass. UUID ids are kept as they are.
import { uuidV5 } from '../../../platform/ids';

/** True for a UUID in its 8-4-4-4-12 hex form. A loop, not a regex: it runs for every id and link. */
export function isUuid(value: string): boolean {
  if (value.length !== 36) return false;
  for (let index = 0; index < 36; index++) {
    const code = value.charCodeAt(index);
    if (index === 8 || index === 13 || index === 18 || index === 23) {
      if (code !== 45) return false;
    } else if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70))) return false;
  }
  return true;
}

const lowerUuid = (id: string) => (/[A-F]/.test(id) ? id.toLowerCase() : id);

export class IdMinter {
  /** This data set's namespace: ids of two data sets never collide, even for "1". */
  readonly namespace: string;
  // SHA-1 per reference would dominate large imports (every row refers to several others), so
  // each (type, id) is hashed once.
  private readonly memo = new Map<string, string>();
  private reverse: Map<string, string> | undefined;

  constructor(readonly dataset: string) {
    this.namespace = uuidV5(`kith:hsds-dataset:${dataset}`);
  }

  /**
   * The HSDS id for a source id of `objectType` (the type as the source names it: an address of
   * physical_addresses.csv and one of postal_addresses.csv may share "1", so they are minted apart).
   */
  id(objectType: string, sourceId: string): string {
    if (isUuid(sourceId)) return lowerUuid(sourceId);
    const key = `${objectType}/${sourceId}`;
    let id = this.memo.get(key);
    if (id === undefined) {
      id = uuidV5(key, this.namespace);
      this.memo.set(key, id);
    }
    return id;
  }

  /** An id for a record the source does not have as such (a service_at_location made from services.location_id). */
  derived(objectType: string, key: string): string {
    return uuidV5(`${objectType}#${key}`, this.namespace);
  }

  /** The source id behind a minted id, for messages ("organization 139776 …"); the id itself otherwise. */
  describe(id: string): string {
    if (!this.reverse) {
      this.reverse = new Map();
      for (const [key, minted] of this.memo) this.reverse.set(minted, key.slice(key.indexOf('/') + 1));
    }
    return this.reverse.get(id) ?? id;
  }
}
