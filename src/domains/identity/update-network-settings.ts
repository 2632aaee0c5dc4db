// A network admin changes the network's settings: the unit distances are shown in (null: the
// usual unit of the network's country). Audited with the fields changed.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import type { UpdateNetworkSettingsBody } from './identity.schema';
import { deleteNetworkSetting, writeNetworkSetting } from './identity.store';
import { DISTANCE_UNIT_KEY, findNetworkSettings, type NetworkDefaults, type NetworkSettingsRecord } from './network-settings';

export async function updateNetworkSettings(
  context: UseCaseContext,
  props: { body: UpdateNetworkSettingsBody; defaults: NetworkDefaults },
): Promise<NetworkSettingsRecord> {
  await authorizeFor(context, 'network_settings.update', {}, 'network_settings');
  const { body } = props;
  return context.db.tx(async (q) => {
    if (body.distanceUnit === null) await deleteNetworkSetting(q, DISTANCE_UNIT_KEY);
    else if (body.distanceUnit !== undefined) await writeNetworkSetting(q, DISTANCE_UNIT_KEY, body.distanceUnit);
    await audit(q, auditContextOf(context), {
      action: 'network_settings.update',
      recordType: 'network_settings',
      details: { fields: Object.keys(body), distanceUnit: body.distanceUnit ?? null },
    });
    return findNetworkSettings(q, props.defaults);
  });
}
