/**
 * Who is signed in, and their language. The token lives in sessionStorage (closing the browser on
 * a shared office PC signs out); the language is remembered on the device before sign-in and on
 * the server per user (PATCH /api/v1/auth/me), which wins at the next sign-in anywhere.
 */
import { api, setToken, token } from './api';
import {
  deviceLanguage,
  isLanguage,
  Language,
  language,
  loadLanguage,
  rememberOnDevice,
} from './i18n';

export type Role = 'admin' | 'clerk' | 'mediator' | 'bureau';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  stationId: string | null;
  mediatorId: string | null;
  countyCode: string | null;
  preferredLanguage: string;
}

let user: CurrentUser | null = null;
// A language picked on the sign-in page is carried into the account at sign-in.
let chosenBeforeSignIn = false;

export function currentUser(): CurrentUser | null {
  return user;
}

/** Restores the session from the stored token, if it is still valid. */
export async function restoreSession(): Promise<CurrentUser | null> {
  if (!token()) return null;
  try {
    user = await api.get<CurrentUser>('/auth/me');
  } catch {
    setToken(null);
    user = null;
  }
  return user;
}

export async function signIn(username: string, password: string): Promise<CurrentUser> {
  const result = await api.post<{ accessToken: string }>('/auth/login', { username, password });
  setToken(result.accessToken);
  user = await api.get<CurrentUser>('/auth/me');
  if (chosenBeforeSignIn && user.preferredLanguage !== language()) {
    user = await api.patch<CurrentUser>('/auth/me', { preferredLanguage: language() });
  } else if (isLanguage(user.preferredLanguage) && user.preferredLanguage !== language()) {
    await loadLanguage(user.preferredLanguage);
    rememberOnDevice(user.preferredLanguage);
  }
  chosenBeforeSignIn = false;
  return user;
}

export function signOut(): void {
  setToken(null);
  user = null;
}

/** Switches the interface language and remembers it on the device and, signed in, for the user. */
export async function chooseLanguage(lng: Language): Promise<void> {
  await loadLanguage(lng);
  rememberOnDevice(lng);
  if (user) user = await api.patch<CurrentUser>('/auth/me', { preferredLanguage: lng });
  else chosenBeforeSignIn = true;
}

export async function startLanguage(): Promise<void> {
  await loadLanguage(deviceLanguage());
}
