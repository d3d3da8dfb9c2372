import { createDoctorly } from './doctorly.js';
import { startHost } from './http-host.js';

const doctorly = await createDoctorly();
const host = await startHost(doctorly, Number(process.env.PORT ?? 3000));
const { token, patientId, slotId } = doctorly.demo;
console.log(`Doctorly on node:http at ${host.url}. Try:
  curl '${host.url}/doctors/search?name=ayesha'
  curl -X POST ${host.url}/appointments -H 'Authorization: Bearer ${token}' -H 'content-type: application/json' \\
       -d '{"patient_id": ${patientId}, "slot_id": ${slotId}}'`);

process.once('SIGINT', () => void host.close());
process.once('SIGTERM', () => void host.close());
