import { describe, expect, it } from 'vitest';
import { Email, IdParam, PageInput } from './common-schemas.js';
import {
  CreateAdminInput,
  IssueTokenInput,
  RegisterDoctorInput,
  RegisterUserInput,
} from '../identity/identity-schemas.js';
import { RegisterPatientInput } from '../patients/patient-schemas.js';
import { SearchDoctorsInput } from '../search/search-schemas.js';

describe('common schemas', () => {
  it('coerces path ids and refuses what is not a positive integer', () => {
    expect(IdParam.parse({ id: '42' })).toEqual({ id: 42 });
    for (const id of ['0', '-1', '1.5', 'abc', '', '2147483648'])
      expect(IdParam.safeParse({ id }).success).toBe(false);
  });

  it('pages default to 20 from 0, coerce query strings and cap the limit at 100', () => {
    expect(PageInput.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(PageInput.parse({ limit: '5', offset: '10' })).toEqual({ limit: 5, offset: 10 });
    expect(PageInput.safeParse({ limit: 101 }).success).toBe(false);
    expect(PageInput.safeParse({ limit: 0 }).success).toBe(false);
    expect(PageInput.safeParse({ offset: -1 }).success).toBe(false);
    expect(PageInput.safeParse({ page: 2 }).success).toBe(false);
  });

  it('normalises emails and refuses malformed ones', () => {
    expect(Email.parse('  Ayesha@Example.COM ')).toBe('ayesha@example.com');
    expect(Email.safeParse('not-an-email').success).toBe(false);
    expect(Email.safeParse(`${'a'.repeat(250)}@b.co`).success).toBe(false);
  });
});

describe('identity schemas', () => {
  const valid = { name: ' Ayesha ', email: 'A@B.co', password: 'correct horse' };

  it('parses a registration, trimming the name but not the password', () => {
    expect(RegisterUserInput.parse({ ...valid, password: ' spaced  ' })).toEqual({
      name: 'Ayesha',
      email: 'a@b.co',
      password: ' spaced  ',
    });
    expect(CreateAdminInput.parse(valid).email).toBe('a@b.co');
  });

  it('refuses short or long passwords, empty or long names and unknown keys', () => {
    expect(RegisterUserInput.safeParse({ ...valid, password: 'short' }).success).toBe(false);
    expect(RegisterUserInput.safeParse({ ...valid, password: 'x'.repeat(129) }).success).toBe(
      false,
    );
    expect(RegisterUserInput.safeParse({ ...valid, name: '   ' }).success).toBe(false);
    expect(RegisterUserInput.safeParse({ ...valid, name: 'x'.repeat(101) }).success).toBe(false);
    expect(RegisterUserInput.safeParse({ ...valid, role: 'admin' }).success).toBe(false);
  });

  it('a doctor registration has an optional description', () => {
    expect(RegisterDoctorInput.parse(valid).description).toBe('');
    expect(RegisterDoctorInput.safeParse({ ...valid, description: 'x'.repeat(2001) }).success).toBe(
      false,
    );
  });

  it('a login normalises the email and takes any password', () => {
    expect(IssueTokenInput.parse({ email: ' X@Y.z ', password: 'a' })).toEqual({
      email: 'x@y.z',
      password: 'a',
    });
  });
});

describe('patient and search schemas', () => {
  it('parses a patient, normalising the gender', () => {
    expect(RegisterPatientInput.parse({ name: 'Zara', age: 7, gender: 'Female' })).toEqual({
      name: 'Zara',
      age: 7,
      gender: 'female',
      symptoms: '',
    });
    for (const age of [-1, 151, 3.5, '7']) {
      expect(RegisterPatientInput.safeParse({ name: 'Zara', age, gender: 'female' }).success).toBe(
        false,
      );
    }
    expect(RegisterPatientInput.safeParse({ name: 'Zara', age: 7, gender: 'robot' }).success).toBe(
      false,
    );
  });

  it('parses a search from a query string', () => {
    expect(
      SearchDoctorsInput.parse({ day: 'MONDAY', specialization: ' Plastic  Surgeon ', limit: '5' }),
    ).toEqual({
      day: 'monday',
      specialization: 'plastic surgeon',
      sort: 'relevance',
      limit: 5,
      offset: 0,
    });
    expect(SearchDoctorsInput.safeParse({ sort: 'random' }).success).toBe(false);
    expect(SearchDoctorsInput.safeParse({ day: 'someday' }).success).toBe(false);
  });
});
