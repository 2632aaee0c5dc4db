// The fields the add-user and edit-user forms share: what a user does (roles) and where (units).
import { Checkbox, MultiSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../api/identity';
import { itemsOf } from '../api/paged';
import { roles, type Role } from '../api/types';

export function RoleChoices(props: { value: Role[]; onChange: (value: Role[]) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('users.fields.roles')}
      description={t('users.fields.rolesHelp')}
      withAsterisk
      value={props.value}
      onChange={(value) => props.onChange(value as Role[])}
      error={props.error}
    >
      <Stack gap="xs" mt="xs">
        {roles.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}.name`)} description={t(`roles.${role}.description`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function UnitChoice(props: {
  organizationId: string;
  value: string[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const units = useUnits(props.organizationId);
  const unitOptions = itemsOf(units.data).map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <MultiSelect
      label={t('users.fields.units')}
      description={unitOptions.length > 0 ? t('users.fields.unitsHelp') : t('users.fields.noUnits')}
      data={unitOptions}
      disabled={unitOptions.length === 0}
      searchable
      clearable
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      nothingFoundMessage={t('users.fields.noUnitMatch')}
    />
  );
}

// Shown as a hint only; the server holds the rule.
export const minimumPasswordLength = 12;
