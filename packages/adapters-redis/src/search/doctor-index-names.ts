/** Names of the doctor index and its keys under a prefix. @category Adapters */
export interface DoctorIndexNames {
  /** redis-om's schema name: documents live at `{schemaName}:{id}`. */
  readonly schemaName: string;
  readonly indexName: string;
  readonly indexHashName: string;
}

/** The index and key names for `prefix`: documents at `{prefix}doctor:{id}`. @category Adapters */
export function doctorIndexNames(prefix: string): DoctorIndexNames {
  return {
    schemaName: `${prefix}doctor`,
    indexName: `${prefix}doctor-index`,
    indexHashName: `${prefix}doctor-index:hash`,
  };
}
