import { DEV_PERSONAS, personaUserId } from "../../worker/src/auth/personas";
import type { Db } from "../../worker/src/db/client";
import { bindSsoSubject, upsertUser } from "../../worker/src/db/repo/users";
import { LOCAL_STAFF_USERNAMES } from "../local-sso.mjs";

/**
 * The development personas' staff and admin accounts, each bound to the local SSO account of the
 * same name (scripts/local-sso.mjs), so staff can sign in on a desktop offline. Safe to run again.
 */
export async function bindLocalStaffAccounts(db: Db, provinceId: string): Promise<number> {
  const personas = DEV_PERSONAS.filter((p) => LOCAL_STAFF_USERNAMES.includes(p.id));
  for (const persona of personas) {
    const user = await upsertUser(db, provinceId, { ...persona, id: personaUserId(persona.id) });
    await bindSsoSubject(db, user.id, persona.id);
  }
  return personas.length;
}
