// The need-domain rules, one group per need in the order searches offer them, each rule with a
// way to remove it after a confirmation.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedDomain } from '../api/directory';
import { useRemoveNeedDomainRule, type NeedDomainRule } from '../api/directory-settings';
import { problemMessage } from '../ui/problem';

const headingId = (needDomain: string) => `rules-${needDomain}`;

export function NeedDomainRules(props: { needDomains: NeedDomain[]; rules: NeedDomainRule[] }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<NeedDomainRule | null>(null);
  // After a removal the button that opened the dialog is gone: focus goes to its need's heading.
  const focusAfterClose = useRef<string | null>(null);
  const byDomain = new Map<string, NeedDomainRule[]>();
  for (const rule of props.rules) byDomain.set(rule.needDomain, [...(byDomain.get(rule.needDomain) ?? []), rule]);
  // A rule for a need the list does not name yet still shows, under its code.
  const domains = [
    ...props.needDomains,
    ...[...byDomain.keys()]
      .filter((code) => !props.needDomains.some((domain) => domain.code === code))
      .map((code) => ({ code, name: code, description: '' })),
  ];
  const needName = (code: string) => domains.find((domain) => domain.code === code)?.name ?? code;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rules-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="rules-heading">
          {t('directory.settings.rulesTitle', { count: props.rules.length })}
        </Title>
        {domains.map((domain) => {
          const rules = byDomain.get(domain.code) ?? [];
          return (
            <section key={domain.code} aria-labelledby={headingId(domain.code)}>
              <Title order={3} size="h5" id={headingId(domain.code)} tabIndex={-1} className="page-heading">
                {domain.name}
              </Title>
              {rules.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('directory.settings.noRules')}
                </Text>
              ) : (
                <Stack component="ul" className="plain-list" gap={4} mt={4}>
                  {rules.map((rule) => (
                    <li key={rule.id}>
                      <Group justify="space-between" gap="xs" wrap="nowrap">
                        <Group gap="xs" wrap="nowrap">
                          <Badge variant="light" color={rule.keyword ? 'gray' : 'teal'}>
                            {rule.keyword ? t('directory.settings.kinds.keyword') : t('directory.settings.kinds.term')}
                          </Badge>
                          <Text size="sm">{ruleText(rule)}</Text>
                        </Group>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(rule)}
                          aria-label={t('directory.settings.removeNamed', { rule: ruleText(rule), need: domain.name })}
                        >
                          {t('directory.settings.remove')}
                        </Button>
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
            </section>
          );
        })}
      </Stack>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        onExitTransitionEnd={() => {
          if (focusAfterClose.current) document.getElementById(focusAfterClose.current)?.focus();
          focusAfterClose.current = null;
        }}
        title={t('directory.settings.confirmTitle')}
      >
        {/* Mounted only while open, so an earlier failure does not show again. */}
        {removing && (
          <ConfirmRemoval
            rule={removing}
            needName={needName(removing.needDomain)}
            onCancel={() => setRemoving(null)}
            onRemoved={() => {
              focusAfterClose.current = headingId(removing.needDomain);
              setRemoving(null);
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

/** What a rule matches, as a person reads it: the keyword in quotes, or the term's name. */
function ruleText(rule: NeedDomainRule): string {
  return rule.keyword ? `“${rule.keyword}”` : (rule.taxonomyTermName ?? rule.taxonomyTermId ?? '');
}

function ConfirmRemoval(props: { rule: NeedDomainRule; needName: string; onCancel: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveNeedDomainRule();
  const confirm = () =>
    remove.mutate(props.rule.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('directory.settings.removed', { rule: ruleText(props.rule), need: props.needName }),
        });
        props.onRemoved();
      },
    });

  return (
    <Stack gap="md">
      <Text>{t('directory.settings.confirmText', { rule: ruleText(props.rule), need: props.needName })}</Text>
      {remove.isError && (
        <Alert color="red" variant="light" title={t('errors.formTitle')}>
          {problemMessage(remove.error, t)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={remove.isPending} onClick={confirm}>
          {t('directory.settings.confirmRemove')}
        </Button>
      </Group>
    </Stack>
  );
}
