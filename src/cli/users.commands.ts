import { readFileSync } from "node:fs";
import { openDeps } from "../server/bootstrap.js";
import { createMandatesRepository } from "../server/modules/mandates/mandates.repository.js";
import { setMembership } from "../server/modules/mandates/mandates.usecases.js";
import { createUsersRepository } from "../server/modules/users/users.repository.js";
import { createUser, listUsers, updateUser } from "../server/modules/users/users.usecases.js";
import { mandateRoles } from "../server/platform/access/access.policies.js";
import { type CommonOptions, configFrom } from "./run-command.js";

async function withDeps<T>(
  options: CommonOptions,
  work: (deps: Awaited<ReturnType<typeof openDeps>>) => Promise<T>,
) {
  const deps = await openDeps(configFrom(options));
  try {
    return await work(deps);
  } finally {
    await deps.destroy();
  }
}

function readPassword(): string {
  const fromEnv = process.env.RAPPORTEUR_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY)
    throw new Error("Give the password in RAPPORTEUR_NEW_PASSWORD or on standard input.");
  return readFileSync(0, "utf8").split("\n")[0]?.trim() ?? "";
}

async function userByEmail(deps: Awaited<ReturnType<typeof openDeps>>, email: string) {
  const user = await createUsersRepository({ db: deps.db }).findByEmail(email);
  if (!user) throw new Error(`No account with e-mail ${email}.`);
  return user;
}

/** `rapporteur users add EMAIL --name NAME [--admin]` */
export async function usersAdd(email: string, o: CommonOptions & { name: string; admin?: boolean }) {
  await withDeps(o, async (deps) => {
    const user = await createUser({
      db: deps.db,
      actor: null,
      input: { email, displayName: o.name, password: readPassword(), isAdmin: o.admin === true },
    });
    console.log(`Created ${user.email} (${user.id})${user.isAdmin ? " as instance admin" : ""}.`);
  });
}

/** `rapporteur users list` */
export async function usersList(o: CommonOptions) {
  await withDeps(o, async (deps) => {
    const mandates = new Map(
      (await createMandatesRepository({ db: deps.db }).listAll()).map((m) => [m.id, m.code]),
    );
    for (const u of await listUsers({ db: deps.db, actor: null })) {
      const roles = u.memberships.map((m) => `${mandates.get(m.mandateId) ?? m.mandateId}:${m.role}`);
      if (u.isAdmin) roles.unshift("admin");
      console.log(`${u.email.padEnd(32)} ${u.disabled ? "disabled " : ""}${roles.join(", ") || "(no role)"}`);
    }
  });
}

/** `rapporteur users set-role EMAIL ROLE [--mandate CODE]` */
export async function usersSetRole(email: string, role: string, o: CommonOptions & { mandate?: string }) {
  await withDeps(o, async (deps) => {
    const user = await userByEmail(deps, email);
    if (role === "admin") {
      await updateUser({ db: deps.db, actor: null, id: user.id, input: { isAdmin: true } });
      console.log(`${email} is now an instance admin.`);
      return;
    }
    if (!(mandateRoles as readonly string[]).includes(role))
      throw new Error(`Unknown role ${role}: use admin, ${mandateRoles.join(", ")}.`);
    if (!o.mandate) throw new Error("Name the mandate with --mandate CODE.");
    const mandate = await createMandatesRepository({ db: deps.db }).findByCode(o.mandate);
    if (!mandate) throw new Error(`No mandate with code ${o.mandate}.`);
    await setMembership({ db: deps.db, actor: null, mandateId: mandate.id, userId: user.id, role });
    console.log(`${email} is now ${role} in ${mandate.code}.`);
  });
}

/** `rapporteur users disable EMAIL` */
export async function usersDisable(email: string, o: CommonOptions) {
  await withDeps(o, async (deps) => {
    const user = await userByEmail(deps, email);
    await updateUser({ db: deps.db, actor: null, id: user.id, input: { disabled: true } });
    console.log(`${email} is disabled; its sessions are ended.`);
  });
}
