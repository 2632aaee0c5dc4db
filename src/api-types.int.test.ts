// The web app's API types are the server's: regenerate them after changing a schema (`npm run api:types`).
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { apiTypesFile, openApiDocument, renderApiTypes } from './api-types';

it("keeps the web app's API types in step with the server's schemas", async () => {
  expect(fs.readFileSync(apiTypesFile, 'utf8'), 'a server schema changed: run `npm run api:types` and commit the file').toBe(
    await renderApiTypes(),
  );
});

it('names the shared shapes in the OpenAPI document, so the web app refers to them by name', async () => {
  const document = (await openApiDocument()) as { components: { schemas: Record<string, unknown> } };
  expect(Object.keys(document.components.schemas)).toEqual(
    expect.arrayContaining(['Organization', 'User', 'Me', 'ApiToken', 'AuditEntry', 'Problem', 'Role']),
  );
});
