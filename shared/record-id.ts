import { z } from 'zod';

/** A record's id as main issues them: a UUIDv7 in lower case (main/ids.ts). */
export const recordId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'Not a record id.',
  );
