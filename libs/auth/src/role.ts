export const ROLES = ['admin', 'werkmakelaar', 'werkgever', 'kandidaat'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved once from the bearer token, passed to services for scoping. */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string;
  employerId: string | null;
  candidateId: string | null;
}
