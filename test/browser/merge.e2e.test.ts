// Two records of one person merged in a real browser, and the consent form read in Spanish: a
// coordinator enrols Rosalind, then enrols her again under a misspelt name (adding her anyway
// past the duplicate warning); the first record's page offers the second as a possible
// duplicate; the side-by-side page takes the phone number only the second has; the kept page's
// timeline shows the merge, and the second record's address leads to the kept one. Then the
// consent form switches to Spanish, explains itself and reports its errors in Spanish, and back.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'cora@riverbend.example', name: 'Cora Coordinator', password: 'a-long-password-1' };

describe.skipIf(!browserTestsCanRun())('merging records and the Spanish consent form in the browser', () => {
  const e2e = kithInBrowser({
    setup: async (cli) => {
      await cli(['org', 'add', '--name', 'Riverbend Health', '--kind', 'health_system', '--host']);
      await cli(['org', 'add', '--name', 'Northside Food Bank', '--kind', 'community_organization']);
      await cli([
        'user',
        'add',
        '--email',
        coordinator.email,
        '--name',
        coordinator.name,
        '--org',
        'Riverbend Health',
        '--role',
        'care_coordinator',
        '--password',
        coordinator.password,
      ]);
    },
    startTimeoutMs: 180_000,
  });
  /** Opens the enrol form, signing in first when the session is not there yet. */
  const openEnrolForm = async () => {
    const { page } = e2e.browser;
    await page.goto(`${e2e.kith.baseUrl}/people/new`);
    const enrolHeading = page.getByRole('heading', { level: 1, name: 'Enrol someone' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).or(enrolHeading).waitFor();
    if (!(await enrolHeading.isVisible())) await signIn(page, coordinator);
    await enrolHeading.waitFor();
  };
  const enrol = async (person: { given: string; family: string; mrn: string; phone?: string }) => {
    const { page } = e2e.browser;
    await openEnrolForm();
    await page.getByLabel('Given name').fill(person.given);
    await page.getByLabel('Family name').fill(person.family);
    await page.getByLabel('Date of birth').fill('1952-03-14');
    await page.getByLabel('MRN').fill(person.mrn);
    if (person.phone) await page.getByLabel('Phone').fill(person.phone);
    await page.getByRole('button', { name: 'Enrol' }).click();
  };

  it('merges a duplicate record into the one kept, field by field, and leads the duplicate there', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('merge');
    const base = e2e.kith.baseUrl;

    await enrol({ given: 'Rosalind', family: 'Delgadillo', mrn: 'RD-1001' });
    await page.getByRole('heading', { level: 1, name: 'Rosalind Delgadillo' }).waitFor();
    const keptPath = new URL(page.url()).pathname;
    // The same person again, misspelt, with the phone number the first record lacks.
    await enrol({ given: 'Rosalynd', family: 'Delgadillo', mrn: 'RD-2002', phone: '410-555-0142' });
    await page.getByText('They may already be on file').waitFor();
    await page.getByRole('button', { name: 'This is someone else: add them anyway' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rosalynd Delgadillo' }).waitFor();
    const duplicatePath = new URL(page.url()).pathname;
    expect(duplicatePath).not.toBe(keptPath);

    // The first record's page offers the second one.
    await page.goto(`${base}${keptPath}`);
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await duplicates.getByRole('link', { name: 'Rosalynd Delgadillo', exact: true }).waitFor();
    await duplicates.getByRole('link', { name: 'Merge Rosalynd Delgadillo into this record' }).click();

    // Side by side: the kept given name stays; the phone only the duplicate has is taken from it.
    await page.getByRole('heading', { level: 1, name: 'Merge two records of one person' }).waitFor();
    const givenName = page.getByRole('radiogroup', { name: 'Given name' });
    expect(await givenName.getByRole('radio', { name: /^Rosalind/ }).isChecked()).toBe(true);
    const phone = page.getByRole('radiogroup', { name: 'Phone' });
    expect(await phone.getByRole('radio', { name: /^410-555-0142/ }).isChecked()).toBe(true);
    await page.getByText('Identifiers: MRN RD-2002').waitFor();
    await e2e.browser.checkAccessibility('merge page');
    const merge = page.getByRole('button', { name: 'Merge the records' });
    expect(await merge.isDisabled()).toBe(true);
    await page.getByLabel('I have checked that Rosalind Delgadillo and Rosalynd Delgadillo are the same person').check();
    await merge.click();

    // The kept record, with the phone, both MRNs, and the merge on its timeline.
    await page.getByRole('heading', { level: 1, name: 'Rosalind Delgadillo' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(keptPath);
    await page.getByRole('region', { name: 'Contact details' }).getByText('410-555-0142').waitFor();
    await page.getByText(/MRN: RD-2002/).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/Cora Coordinator merged another record of this person into this one/).waitFor();
    await timeline.getByText(/Taken from it: phone\./).waitFor();
    await timeline.getByText(/Moved here: 1 identifier/).waitFor();
    expect(await page.getByRole('region', { name: 'Possible duplicates' }).count()).toBe(0);
    await e2e.browser.checkAccessibility('person page after a merge');

    // The duplicate's address leads to the record kept.
    await page.goto(`${base}${duplicatePath}`);
    await page.getByRole('heading', { level: 1, name: 'Rosalind Delgadillo' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(keptPath);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('404'))).toEqual([]);
  }, 120_000);

  it('shows the consent form in Spanish, its errors too, and switches back to English', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('consent-spanish');
    await enrol({ given: 'Inés', family: 'Barrientos', mrn: 'IB-3003' });
    await page.getByRole('heading', { level: 1, name: 'Inés Barrientos' }).waitFor();
    await page.getByRole('button', { name: 'Record a consent' }).click();
    await page.getByRole('form', { name: 'Record a consent' }).waitFor();

    const consents = page.getByRole('region', { name: 'Consents to share' });
    await consents.getByText('Español', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Registrar un consentimiento' });
    await form.waitFor();
    await form.getByText('Lea esto con la persona antes de que dé su acuerdo').waitFor();
    await form.getByText(/Riverbend Health compartirá información sobre Inés Barrientos/).waitFor();
    await form.getByText(/no están sujetas a la ley federal de privacidad de la salud/).waitFor();
    await form.getByText(/no dependen de que firme/).waitFor();
    await form.getByRole('radio', { name: 'Para coordinar su atención' }).waitFor();
    await form.getByRole('checkbox', { name: 'Datos de contacto' }).waitFor();
    expect(await page.locator('[lang="es"]').count()).toBeGreaterThan(0);
    await e2e.browser.checkAccessibility('consent form in Spanish');

    // Said out loud without a witness, and no organisation chosen: the form says so in Spanish.
    await form.getByRole('radio', { name: 'Lo dijo de palabra, ante un testigo' }).check();
    await form.getByRole('button', { name: 'Registrar el consentimiento' }).click();
    await form.getByText('Corrija los campos marcados abajo.').waitFor();
    await form.getByText('Indique el nombre de la persona que presenció el acuerdo.').waitFor();
    await form.getByText('Elija una opción.').waitFor();
    // The page around the form stays in the user's language.
    await page.getByRole('region', { name: 'Timeline' }).waitFor();

    await consents.getByText('English', { exact: true }).click();
    const english = page.getByRole('form', { name: 'Record a consent' });
    await english.getByText('Read this with the person before they agree').waitFor();
    await english.getByRole('button', { name: 'Record consent' }).waitFor();
    await english.getByRole('button', { name: 'Cancel' }).click();
    await english.waitFor({ state: 'hidden' });
    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('404'))).toEqual([]);
  }, 120_000);
});
