import { passwordProblem } from '@werkbrug/auth';

/** The password policy of libs/auth, said in Dutch for the forms. */
export function passwordProblemNl(password: string): string | null {
  const problem = passwordProblem(password);
  if (!problem) return null;
  if (problem.startsWith('must be at least')) return 'Kies een wachtwoord van minstens 12 tekens';
  if (problem.startsWith('must be at most')) return 'Kies een wachtwoord van hoogstens 256 tekens';
  if (problem.includes('commonly used'))
    return 'Dit wachtwoord wordt te vaak gebruikt. Kies een ander';
  return 'Gebruik meer verschillende tekens in uw wachtwoord';
}
