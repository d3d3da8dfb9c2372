import { Schema } from 'redis-om';
import type { DoctorIndexNames } from './doctor-index-names.js';
import { searchFields } from './query-builder.js';

/**
 * The redis-om schema of the doctor JSON documents (shared/STACK.md, trap 6): name words as
 * TEXT (no stemming: names are not English words), catalog names and weekdays as TAG arrays
 * (`[*]` paths), sort keys as sortable NUMERIC/TEXT. Stop words are off, so a name such as
 * "A" or a tag such as "will" is searched like any other word.
 */
export function doctorSchema(names: DoctorIndexNames): Schema {
  return new Schema(
    names.schemaName,
    {
      id: { type: 'number', path: '$.id', sortable: true },
      [searchFields.words]: { type: 'text', path: '$._index.words', stemming: false },
      name: { type: 'text', path: '$._index.name', sortable: true },
      rating: { type: 'number', path: '$._index.rating_key', sortable: true },
      experience: { type: 'number', path: '$._index.experience', sortable: true },
      [searchFields.specializations]: { type: 'string[]', path: '$.specializations[*].name' },
      [searchFields.qualifications]: {
        type: 'string[]',
        path: '$.qualifications.qualification_name[*]',
      },
      [searchFields.days]: { type: 'string[]', path: '$.slot[*].day' },
    },
    {
      dataStructure: 'JSON',
      indexName: names.indexName,
      indexHashName: names.indexHashName,
      useStopWords: 'OFF',
    },
  );
}
