import { PersonInput, PersonListQuery, PersonPatch, PersonView } from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import { defined, defineResource, meta, nameColumns, namesOf } from '../resource.ts';

/**
 * People who write sources or make claims. Not public: an informant's or a witness's identity can
 * put them in danger, so every read needs sign-in and a person is restricted by default.
 */
export const persons = defineResource({
  resource: 'person',
  write: 'evidence.write',
  path: 'persons',
  table: {
    table: 'persons',
    columns: ['name_ar', 'name_en', 'role', 'affiliation_id', 'sensitivity'],
  },
  input: PersonInput,
  patch: PersonPatch,
  query: PersonListQuery,
  view: PersonView,
  toColumns: (input) =>
    defined({
      ...nameColumns(input.names),
      role: input.role,
      affiliation_id: input.affiliationId,
      sensitivity: input.sensitivity,
    }),
  present: (row) => ({
    ...meta(row),
    names: namesOf(row),
    role: row.role as PersonView['role'],
    affiliationId: (row.affiliation_id as string | null) ?? null,
    sensitivity: row.sensitivity as PersonView['sensitivity'],
  }),
  searchText: (row) => searchTerms(row.name_ar as string, row.name_en as string),
  references: [
    { field: 'affiliationId', column: 'affiliation_id', table: 'organizations', resource: 'organization' },
  ],
  uniques: { persons_pkey: 'id' },
  filters: { role: 'role', affiliationId: 'affiliation_id', sensitivity: 'sensitivity' },
  sorts: {
    name: 'coalesce(name_en, name_ar)',
    nameAr: 'coalesce(name_ar, name_en)',
    role: 'role',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  defaultSort: 'name',
});
