import { chooseRole } from './choose-role.js';

describe('the role a user acts in on an endpoint', () => {
  it('is the first allowed role the user holds, in the order the endpoint prefers', () => {
    expect(chooseRole(['CLERK', 'COURIER'], ['COURIER', 'CLERK'])).toBe('COURIER');
    expect(chooseRole(['CLERK'], ['COURIER', 'CLERK'])).toBe('CLERK');
  });

  it('is none when the user holds no allowed role: ADMIN is not a master key', () => {
    expect(chooseRole(['ADMIN'], ['CHIEF_REP'])).toBeUndefined();
  });

  it("is the user's first role on an endpoint open to any staff", () => {
    expect(chooseRole(['SUPERVISOR', 'ADMIN'], undefined)).toBe('SUPERVISOR');
  });
});
