// How the credential inputs present themselves to the browser and to password managers (WHATWG
// autofill tokens): the account's e-mail is its user name, and the current password is told apart
// from a new one, so a manager fills the one and offers to generate the other.
export const EMAIL_INPUT = { type: 'email', autoComplete: 'username' } as const;
export const CURRENT_PASSWORD_INPUT = { type: 'password', autoComplete: 'current-password' } as const;
export const NEW_PASSWORD_INPUT = { type: 'password', autoComplete: 'new-password' } as const;
