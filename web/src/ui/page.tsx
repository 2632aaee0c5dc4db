// Every page's frame: its heading (which takes focus after a navigation, so screen readers announce
// the new page), the browser tab's title, and its content.
import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigationType } from 'react-router';

// Whether a Page has been shown yet in this visit of the app.
let shownBefore = false;

export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('common.documentTitle', { page: title });
  }, [t, title]);
}

export function Page(props: { title: string; description?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const navigationType = useNavigationType();
  useDocumentTitle(props.title);
  useEffect(() => {
    // The page a visit opens on (or reloads) keeps the browser's focus, so the skip link comes
    // first; after a navigation (a link, a redirect after sign-in, back/forward), focus moves
    // to the new page's heading. Runs on mount only: a new ?org=… is not a new page.
    if (shownBefore || navigationType !== 'POP') heading.current?.focus();
    shownBefore = true;
  }, []);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} ref={heading} tabIndex={-1} className="page-heading">
            {props.title}
          </Title>
          {props.description && (
            <Text c="dimmed" mt={4}>
              {props.description}
            </Text>
          )}
        </div>
        {props.actions}
      </Group>
      {props.children}
    </Stack>
  );
}
