import type { CreateUser, UpdateUser, User } from '../../../shared/auth.schema';
import type { Api, ApiError } from './api';

/** Accounts (admins only). Role and enable/disable changes show at once and undo on refusal. */
export class UsersStore {
  list = $state.raw<User[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);

  constructor(private readonly api: Api) {}

  async load(): Promise<void> {
    const result = await this.api.get<{ users: User[] }>('/api/v1/users');
    if (result.ok) {
      this.list = [...result.data.users].sort((a, b) => a.username.localeCompare(b.username));
      this.loaded = true;
      this.loadError = null;
    } else if (!this.loaded) {
      this.loadError = result.error.message;
    }
  }

  async create(input: CreateUser): Promise<ApiError | null> {
    const result = await this.api.post<User>('/api/v1/users', input);
    if (!result.ok) return result.error;
    this.list = [...this.list, result.data].sort((a, b) => a.username.localeCompare(b.username));
    return null;
  }

  async update(id: string, changes: UpdateUser): Promise<ApiError | null> {
    const before = this.list;
    this.list = this.list.map((u) => (u.id === id ? { ...u, ...changes } : u));
    const result = await this.api.patch<User>(`/api/v1/users/${encodeURIComponent(id)}`, changes);
    if (!result.ok) {
      this.list = before;
      return result.error;
    }
    this.list = this.list.map((u) => (u.id === id ? result.data : u));
    return null;
  }

  async resetPassword(id: string, password: string): Promise<ApiError | null> {
    const result = await this.api.post(`/api/v1/users/${encodeURIComponent(id)}/password`, { password });
    return result.ok ? null : result.error;
  }

  reset(): void {
    this.list = [];
    this.loaded = false;
  }
}
