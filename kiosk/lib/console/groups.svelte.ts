import type { DeviceCommandInput } from '../../../shared/devices.schema';
import { CreateGroupSchema, type CreateGroup, type ScreenGroup, type UpdateGroup } from '../../../shared/groups.schema';
import type { Api, ApiError } from './api';
import { validated, type Validated } from './field-errors';
import type { FleetStore } from './fleet.svelte';

/** The group form as the operator fills it in. */
export interface GroupForm {
  name: string;
  deviceIds: string[];
}

/** The body for a filled-in group form, or the fields that are wrong: the server's CreateGroupSchema and its messages. */
export function groupPayload(form: GroupForm): Validated<CreateGroup> {
  return validated(CreateGroupSchema, { name: form.name, deviceIds: [...new Set(form.deviceIds)] });
}

/**
 * Creating, changing and deleting screen groups, and commands to a whole group, over HTTP. The
 * list itself lives in the fleet store (the /console socket pushes it with the fleet); what the
 * server answers goes into it at once.
 */
export class GroupsStore {
  constructor(
    private readonly api: Api,
    private readonly fleet: FleetStore,
  ) {}

  async create(body: CreateGroup): Promise<ApiError | null> {
    const result = await this.api.post<ScreenGroup>('/api/v1/groups', body);
    if (!result.ok) return result.error;
    this.fleet.keepGroup(result.data);
    return null;
  }

  async update(id: string, body: UpdateGroup): Promise<ApiError | null> {
    const result = await this.api.put<ScreenGroup>(`/api/v1/groups/${encodeURIComponent(id)}`, body);
    if (!result.ok) return result.error;
    this.fleet.keepGroup(result.data);
    return null;
  }

  async remove(id: string): Promise<ApiError | null> {
    const result = await this.api.delete(`/api/v1/groups/${encodeURIComponent(id)}`);
    if (!result.ok) return result.error;
    this.fleet.dropGroup(id);
    return null;
  }

  async command(id: string, command: DeviceCommandInput): Promise<{ ok: true; delivered: number; screens: number } | { ok: false; error: ApiError }> {
    const result = await this.api.post<{ delivered: number; screens: number }>(`/api/v1/groups/${encodeURIComponent(id)}/commands`, command);
    return result.ok ? { ok: true, ...result.data } : { ok: false, error: result.error };
  }
}
