// `npm run api:types`: the web app's types of the API, generated from the server's OpenAPI
// document (web/src/api/openapi.generated.ts). A test fails when the file is stale.
import { renderApiTypes, apiTypesFile, writeApiTypes } from '../src/api-types';

writeApiTypes(await renderApiTypes());
console.log(`Wrote ${apiTypesFile}`);
