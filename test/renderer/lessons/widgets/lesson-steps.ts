/** The lesson steps the widget tests render: each widget gets the preset its lesson gives it. */
import { lessonById } from '../../../../renderer/lessons/index';
import type { StepOf, WidgetKind } from '../../../../renderer/lessons/types';

/** Step `stepId` of lesson `lessonId`, checked to be a `widget` step. */
export function lessonStep<K extends WidgetKind>(lessonId: string, stepId: string, widget: K): StepOf<K> {
  const step = lessonById(lessonId)?.steps.find((s) => s.id === stepId);
  if (!step || step.widget !== widget) throw new Error(`No ${widget} step "${stepId}" in lesson ${lessonId}`);
  return step as StepOf<K>;
}

/** Runs a step's check on a state its widget reported. */
export function passes<K extends WidgetKind>(step: StepOf<K>, state: Parameters<NonNullable<StepOf<K>['check']>>[0] | undefined): boolean {
  if (state === undefined || step.check === null) return false;
  return (step.check as (s: unknown) => boolean)(state);
}
