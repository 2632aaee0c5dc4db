// Why a viewer sees what they see of a person, in the words of the person page and the list: the
// web app's formatter with the English catalogue, run in Node by Vitest.
import { expect, it } from 'vitest';
import type { ConsentCategory } from '../api/types';
import i18n from '../i18n';
import { accessCell, accessSentence } from './access-words';

const t = i18n.t.bind(i18n);

it('says a care-team member sees the person by their role, and what', () => {
  expect(
    accessSentence(t, { basis: 'care_team', categories: ['demographics', 'needs', 'care_plan'], careTeamRoles: ['specialist'] }),
  ).toEqual({
    title: 'Shared with you as a member of the care team',
    text: 'You see this person as a member of their care team (Specialist): Demographics, Needs and screenings, Care plan. Everything else is left out.',
    complete: false,
  });
  expect(accessCell(t, { basis: 'care_team', categories: ['demographics'], careTeamRoles: ['other'] })).toBe(
    'Demographics (care team: Other)',
  );
});

it('says why the holder’s staff see everything, or only part', () => {
  const every: ConsentCategory[] = ['contact', 'demographics', 'needs', 'care_plan', 'sud'];
  expect(accessSentence(t, { basis: 'holder', categories: every, careTeamRoles: [] })).toMatchObject({
    text: 'Your organisation holds this person’s record, and your role lets you see all of it.',
    complete: true,
  });
  expect(accessSentence(t, { basis: 'holder', categories: every, careTeamRoles: ['lead_coordinator'] }).text).toBe(
    'Your organisation holds this person’s record. You are on their care team (Lead coordinator) and see all of it.',
  );
  expect(accessSentence(t, { basis: 'holder', categories: ['demographics', 'needs'], careTeamRoles: [] })).toMatchObject({
    text: 'Your organisation holds this person’s record; your role lets you see only: Demographics, Needs and screenings. Everything else is left out.',
    complete: false,
  });
  expect(accessCell(t, { basis: 'holder', categories: every, careTeamRoles: [] })).toBe(
    'Everything (your organisation holds the record)',
  );
});

it('says a consent decides what a partner sees, narrowed by their care-team role', () => {
  expect(
    accessSentence(t, { basis: 'consent', categories: ['contact', 'demographics', 'needs'], careTeamRoles: ['cbo_case_manager'] })
      .text,
  ).toBe(
    'This person agreed to share some of their information with your organisation. As a member of their care team (Community organisation case manager) you see only what that role needs of it: Contact details, Demographics, Needs and screenings. Everything else is left out.',
  );
  expect(accessSentence(t, { basis: 'consent', categories: [], careTeamRoles: ['other'] }).text).toContain(
    'you see only what that role needs of it: nothing but their name.',
  );
});
