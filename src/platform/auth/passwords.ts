// Password hashing (argon2id, the library's default) and the password rules.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/app-error';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** The password every demo login uses; refused anywhere outside a demo network. */
export const DEMO_PASSWORD = 'kith-demo-password';
const demoPasswords = new Set([DEMO_PASSWORD]);

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Spending the same time on an unknown email as on a known one keeps emails from being probed.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= hash(randomDecoy());
  await verifyPassword(await decoyHash, password);
}
function randomDecoy(): string {
  return `decoy-${Math.random().toString(36)}-${Date.now()}`;
}

/** Throws a field error when the password breaks a rule. */
export function checkPasswordRules(password: string, options: { demoMode: boolean; field?: string }): void {
  const field = options.field ?? 'password';
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw AppError.field(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw AppError.field(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (!options.demoMode && demoPasswords.has(password)) {
    throw AppError.field(field, 'is the public demo password; choose another one');
  }
}
