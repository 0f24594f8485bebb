import type { LanternCore, Session } from '../../main/app';
import type { EvidenceOption } from '../../shared/audit-s175/schema';
import { must } from './core';
import { validInputs } from './samples';

/**
 * A training record (Priya Natarajan's annual update) and a child protection policy review,
 * recorded through the core as the DSL would, and the evidence options they become for the
 * safeguarding audit.
 */
export async function seedAuditEvidence(
  core: LanternCore,
  dsl: Session,
): Promise<{ training: EvidenceOption; policy: EvidenceOption }> {
  const person = await must<{ id: string }>(
    core.invoke(dsl, 'training.addPerson', validInputs['training.addPerson']),
  );
  await must(
    core.invoke(dsl, 'training.record', { ...validInputs['training.record'], personId: person.id }),
  );
  await must(core.invoke(dsl, 'policies.review', validInputs['policies.review']));
  const options = await must<EvidenceOption[]>(core.invoke(dsl, 'audits.evidenceOptions', {}));
  const training = options.find((o) => o.kind === 'training');
  const policy = options.find((o) => o.kind === 'policy');
  if (!training || !policy) throw new Error('The seeded records are not offered as evidence.');
  return { training, policy };
}
