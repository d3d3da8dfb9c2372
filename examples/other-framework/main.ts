import { createDoctorly } from './doctorly.js';
import { startHost } from './http-host.js';

const doctorly = await createDoctorly();
const host = await startHost(doctorly, Number(process.env.PORT ?? 3000));
const { token, patientIds, slotId } = doctorly.demo;
console.log(`Doctorly on node:http at ${host.url}. Try:
  curl -i '${host.url}/doctors/search?name=ayesha' -H 'Authorization: Bearer ${token}'
  curl -X POST ${host.url}/patient/new_appointment -H 'Authorization: Bearer ${token}' -H 'content-type: application/json' \\
       -d '{"patient_id": ${patientIds[0]}, "slot_id": ${slotId}}'`);

process.once('SIGINT', () => void host.close());
process.once('SIGTERM', () => void host.close());
