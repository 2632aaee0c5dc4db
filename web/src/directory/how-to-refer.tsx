// How to send someone to a service: in Kith, by email, by phone, by fax or walking in — each with
// its icon, its words and, where the directory has it, the address or number to use. "In Kith"
// becomes a Refer button where the page knows the form to go to.
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralChannel } from '../api/directory';
import { referralIcons } from './icons';

export interface ReferralContact {
  email: string | null;
  phone: string | null;
  fax: string | null;
}

export function HowToRefer(props: {
  methods: ReferralChannel[];
  contact: ReferralContact | null;
  acceptingReferrals: boolean;
  /** Id of the words that name this list (e.g. a heading), when there is one. */
  labelledBy?: string;
  /** The refer form: "In Kith" is then a Refer button leading there. */
  referHref?: string;
}) {
  const { t } = useTranslation();
  if (!props.acceptingReferrals) {
    return (
      <Text size="sm" c="red.9" fw={600}>
        {t('directory.refer.notAccepting')}
      </Text>
    );
  }
  if (props.methods.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('directory.refer.unknown')}
      </Text>
    );
  }
  return (
    <Group
      component="ul"
      className="plain-list"
      gap="md"
      aria-labelledby={props.labelledBy}
      aria-label={props.labelledBy ? undefined : t('directory.refer.title')}
    >
      {props.methods.map((method) => {
        const MethodIcon = referralIcons[method];
        return (
          <Group component="li" key={method} gap={6} wrap="nowrap" align="center">
            <MethodIcon />
            <ReferralLine method={method} contact={props.contact} referHref={props.referHref} />
          </Group>
        );
      })}
    </Group>
  );
}

function ReferralLine(props: { method: ReferralChannel; contact: ReferralContact | null; referHref?: string }) {
  const { t } = useTranslation();
  const { method, contact } = props;
  switch (method) {
    case 'kith':
      return props.referHref ? (
        <Button component={Link} to={props.referHref} size="sm">
          {t('referrals.refer.button')}
        </Button>
      ) : (
        <Text size="sm">{t('directory.refer.kith')}</Text>
      );
    case 'email':
      return contact?.email ? (
        <Text size="sm">
          {t('directory.refer.emailTo')}{' '}
          <Anchor href={`mailto:${contact.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {contact.email}
          </Anchor>
        </Text>
      ) : (
        <Text size="sm">{t('directory.refer.email')}</Text>
      );
    case 'phone':
      return contact?.phone ? (
        <Text size="sm">
          {t('directory.refer.phoneTo')}{' '}
          <Anchor href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} size="sm">
            {contact.phone}
          </Anchor>
        </Text>
      ) : (
        <Text size="sm">{t('directory.refer.phone')}</Text>
      );
    case 'fax':
      return <Text size="sm">{contact?.fax ? t('directory.refer.faxTo', { fax: contact.fax }) : t('directory.refer.fax')}</Text>;
    case 'walk_in':
      return <Text size="sm">{t('directory.refer.walkIn')}</Text>;
  }
}
