// Form state for forms the server validates: values, client checks for the obvious, and the
// server's field errors shown beside their field until the person edits that field.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { splitFieldErrors, type SplitProblem } from './problem';

type Values = Record<string, unknown>;
type Errors<V extends Values> = Partial<Record<keyof V & string, string>>;

export interface ServerForm<V extends Values> {
  values: V;
  set: <K extends keyof V & string>(key: K, value: V[K]) => void;
  /** Props for a text-like Mantine input: value, onChange and the error beside it. */
  text: (key: keyof V & string) => {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
    error: string | undefined;
  };
  error: (key: keyof V & string) => string | undefined;
  /** The server's problem split by field, for the alert above the form. */
  problem: SplitProblem<keyof V & string>;
  /** True when the client checks found a problem (the alert then asks to fix the fields). */
  hasClientErrors: boolean;
  onSubmit: (submit: (values: V) => void) => (event: FormEvent<HTMLFormElement>) => void;
  reset: () => void;
}

export function useServerForm<V extends Values>(options: {
  initialValues: V;
  serverError: unknown;
  /** Checks that need no server: a missing choice, for example. */
  validate?: (values: V) => Errors<V>;
}): ServerForm<V> {
  const { initialValues, serverError, validate } = options;
  const [values, setValues] = useState(initialValues);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [clientErrors, setClientErrors] = useState<Errors<V>>({});
  const [shownServerError, setShownServerError] = useState(serverError);
  if (serverError !== shownServerError) {
    // A new answer from the server: show all its field errors again.
    setShownServerError(serverError);
    setEdited(new Set());
  }

  const fields = Object.keys(initialValues) as (keyof V & string)[];
  const problem = splitFieldErrors(serverError, fields);

  const set = <K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setEdited((current) => new Set(current).add(key));
    setClientErrors((current) => ({ ...current, [key]: undefined }));
  };
  const error = (key: keyof V & string) => clientErrors[key] ?? (edited.has(key) ? undefined : problem.byField[key]);

  return {
    values,
    set,
    error,
    problem,
    hasClientErrors: Object.values(clientErrors).some(Boolean),
    text: (key) => ({
      value: String(values[key] ?? ''),
      onChange: (event) => set(key, event.currentTarget.value as V[typeof key]),
      error: error(key),
    }),
    onSubmit: (submit) => (event) => {
      event.preventDefault();
      const found = validate?.(values) ?? {};
      setClientErrors(found);
      if (Object.values(found).some(Boolean)) return;
      submit(values);
    },
    reset: () => {
      setValues(initialValues);
      setEdited(new Set());
      setClientErrors({});
    },
  };
}
