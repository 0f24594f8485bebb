import type { ParsedInput } from '../../shared/api';
import type { Settings } from '../../shared/settings/schema';
import type { Handled, HandlerContext } from '../handler';

export function getSettings(ctx: HandlerContext): Handled<Settings> {
  return { value: ctx.store.settings.get() };
}

export function saveSettings(
  ctx: HandlerContext,
  input: ParsedInput<'settings.save'>,
): Handled<Settings> {
  ctx.store.settings.save(input, ctx.now.toISOString(), ctx.session.user?.id ?? null);
  return { value: ctx.store.settings.get(), recordIds: ['settings'] };
}

export function saveEscalationRules(
  ctx: HandlerContext,
  input: ParsedInput<'settings.saveEscalationRules'>,
): Handled<Settings> {
  ctx.store.settings.saveEscalationRules(
    input.rules,
    ctx.now.toISOString(),
    ctx.session.user?.id ?? null,
  );
  return { value: ctx.store.settings.get(), recordIds: ['settings'] };
}
