import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import { api } from "../../api/client.js";
import type { Session } from "../../api/types.js";

/** What the password step answers when the account has a second factor. */
export interface SecondStep {
  token: string;
  methods: ("totp" | "recovery_code" | "passkey")[];
  expiresAt: string;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SecondFactorStatus {
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: Passkey[];
  required: boolean;
}

/** Signs in with a passkey at the second step: the server's challenge, the browser's answer, the session. */
export async function signInWithPasskey(token: string): Promise<Session> {
  const optionsJSON = await api.post<PublicKeyCredentialRequestOptionsJSON>("/auth/login/passkey/options", {
    token,
  });
  const response = await startAuthentication({ optionsJSON });
  return api.post<Session>("/auth/login/passkey", { token, response });
}

/** Creates a passkey in the browser for the signed-in user and registers it; recovery codes come with the first factor. */
export async function addPasskey(name: string) {
  const optionsJSON = await api.post<PublicKeyCredentialCreationOptionsJSON>("/auth/passkeys/options");
  const response = await startRegistration({ optionsJSON });
  return api.post<{ passkey: Passkey; recoveryCodes: string[] | null }>("/auth/passkeys", { response, name });
}
