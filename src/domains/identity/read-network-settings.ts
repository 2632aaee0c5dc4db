// The network's settings every signed-in user's pages follow (the unit of distances, the map tiles).
import { authorizeFor, type UseCaseContext } from '../../platform/context';
import { findNetworkSettings, type NetworkDefaults, type NetworkSettingsRecord } from './network-settings';

export async function readNetworkSettings(
  context: UseCaseContext,
  props: { defaults: NetworkDefaults },
): Promise<NetworkSettingsRecord> {
  await authorizeFor(context, 'network_settings.read', {}, 'network_settings');
  return findNetworkSettings(context.db, props.defaults);
}
