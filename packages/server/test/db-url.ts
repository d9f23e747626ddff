export interface TestDbInfo {
  adminUrl: string;
  prefix: string;
  template: string;
  ownerRole: string;
  appRole: string;
  password: string;
}

export function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user) parsed.username = user;
  if (password !== undefined) parsed.password = password;
  return parsed.toString();
}
