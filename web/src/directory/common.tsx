// Bits the directory's detail pages share: the way back to the results, "not in the directory",
// and a labelled block of text.
import { Alert, Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { EmailIcon, PhoneIcon, WebIcon } from './icons';

/** The search a detail page was opened from (kept in the navigation's state), or the empty search. */
export function useBackTo(): string {
  const state: unknown = useLocation().state;
  const backTo = state && typeof state === 'object' && 'backTo' in state ? state.backTo : null;
  return typeof backTo === 'string' && backTo.startsWith('/directory') ? backTo : '/directory';
}

export function BackToResults() {
  const { t } = useTranslation();
  const backTo = useBackTo();
  return (
    <Anchor component={Link} to={backTo} size="sm">
      {backTo === '/directory' ? t('directory.detail.toSearch') : t('directory.detail.backToResults')}
    </Anchor>
  );
}

/** The server knows no such record (404), or the address holds no valid id (400). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

export function NotInDirectory(props: { text: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('directory.detail.notFoundTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{props.text}</Text>
        <Button component={Link} to="/directory" size="xs" variant="default">
          {t('directory.detail.toSearch')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** A titled piece of text; nothing when there is no text. */
export function Field(props: { label: string; children: ReactNode }) {
  if (props.children === null || props.children === undefined || props.children === '') return null;
  return (
    <div>
      <Title order={3} size="h5">
        {props.label}
      </Title>
      {typeof props.children === 'string' ? <Text style={{ whiteSpace: 'pre-line' }}>{props.children}</Text> : props.children}
    </div>
  );
}

/** A phone number as a link that dials it. */
export function PhoneLink(props: { phone: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <PhoneIcon />
      <Anchor href={`tel:${props.phone.replace(/[^\d+]/g, '')}`} size="sm">
        {props.phone}
      </Anchor>
    </Group>
  );
}

/** Phones, email and website, each a link. */
export function ContactLines(props: { phones: string[]; email: string | null; website: string | null }) {
  const { t } = useTranslation();
  // Only web addresses become links; anything else in the data is shown as text.
  const safeWebsite = props.website && /^https?:\/\//i.test(props.website);
  return (
    <Stack gap={4}>
      {props.phones.map((phone) => (
        <PhoneLink key={phone} phone={phone} />
      ))}
      {props.email && (
        <Group gap={6} wrap="nowrap">
          <EmailIcon />
          <Anchor href={`mailto:${props.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {props.email}
          </Anchor>
        </Group>
      )}
      {props.website && (
        <Group gap={6} wrap="nowrap">
          <WebIcon />
          {safeWebsite ? (
            <Anchor href={props.website} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
              {props.website}
              <VisuallyHidden>{t('common.opensInNewTab')}</VisuallyHidden>
            </Anchor>
          ) : (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {props.website}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
