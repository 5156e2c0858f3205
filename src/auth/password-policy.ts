/**
 * Password rules for accounts: at least 10 characters with letters and digits, not the username.
 * Returns the i18n keys of the rules the password breaks (empty when it is acceptable).
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('validation:passwordTooShort');
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password))
    problems.push('validation:passwordNeedsLettersAndDigits');
  if (password.toLowerCase().includes(username.toLowerCase()))
    problems.push('validation:passwordContainsUsername');
  return problems;
}

/** Lock the account for 15 minutes after 5 consecutive failed sign-ins. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
