import { z } from 'zod';
import { SlugSchema } from './content.schema';
import { CountryCodeSchema } from './deals.schema';
import { localizedText } from './i18n.schema';
import { ROADSHOW_ACTIONS, ROADSHOW_PHASES } from './roadshow.rules';
import { PROJECT_STATUSES } from './roadshow.vocabulary';

export const ProjectInputSchema = z.strictObject({
  name: localizedText(160),
  presenter: z.string().trim().min(1, 'must not be empty').max(120),
  country: CountryCodeSchema,
  field: localizedText(80),
});
export const ProjectSchema = ProjectInputSchema.extend({ id: z.string(), order: z.number().int().min(0) });
export type Project = z.infer<typeof ProjectSchema>;

export const CriterionInputSchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(80),
  /** Relative weight; the weighted average divides by their sum. */
  weight: z.number({ error: 'must be a number above 0' }).positive('must be above 0').max(100, 'must be at most 100'),
  maxScore: z
    .number({ error: 'must be a whole number from 1 to 100' })
    .int('must be a whole number from 1 to 100')
    .min(1, 'must be a whole number from 1 to 100')
    .max(100, 'must be a whole number from 1 to 100')
    .default(10),
});
export const CriterionSchema = CriterionInputSchema.required();
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricSchema = z.strictObject({
  criteria: z
    .array(CriterionInputSchema)
    .min(1, 'must have at least one criterion')
    .max(12, 'at most 12 criteria')
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'criteria ids must be unique'),
});

export { ROADSHOW_ACTIONS, ROADSHOW_PHASES } from './roadshow.rules';

/** The show's phase (the state machine is in roadshow.rules.ts). */
export const RoadshowPhaseSchema = z.enum(ROADSHOW_PHASES);
export type RoadshowPhase = z.infer<typeof RoadshowPhaseSchema>;

export const RoadshowActionSchema = z.strictObject({ action: z.enum(ROADSHOW_ACTIONS) });
export type RoadshowAction = z.infer<typeof RoadshowActionSchema>['action'];

export const ScoreInputSchema = z.strictObject({
  projectId: z.string().min(1).max(64),
  criterionId: SlugSchema,
  score: z.number().int('must be a whole number').min(0),
});
export type ScoreInput = z.infer<typeof ScoreInputSchema>;

export const RankedResultSchema = z.object({
  projectId: z.string(),
  rank: z.number().int().min(1),
  /** Weighted average over the judges who scored every criterion, 0–100. */
  score: z.number(),
  judges: z.number().int(),
});
export type RankedResult = z.infer<typeof RankedResultSchema>;

/** What every public screen may know: never a score before the reveal. */
export const PublicRoadshowSchema = z.object({
  phase: RoadshowPhaseSchema,
  currentProjectId: z.string().nullable(),
  projects: z.array(ProjectSchema.extend({ status: z.enum(PROJECT_STATUSES) })),
  /** While scoring: how many judges have scored every criterion (no values). */
  progress: z.object({ judges: z.number().int(), complete: z.number().int() }).nullable(),
  revealed: z.boolean(),
  results: z.array(RankedResultSchema).nullable(),
});
export type PublicRoadshow = z.infer<typeof PublicRoadshowSchema>;

export { TIE_BREAK_RULE } from './roadshow.vocabulary';

/** GET /api/v1/roadshow: everything, including the results before the reveal (staff only). */
export interface RoadshowStaffView {
  public: PublicRoadshow;
  projects: Project[];
  criteria: Criterion[];
  /** Active judge accounts and whether each has scored every criterion of the project on stage. */
  judges: { id: string; username: string; complete: boolean }[];
  results: RankedResult[];
}

/** GET /api/v1/roadshow/judging: what one judge may see. */
export interface JudgingView {
  phase: RoadshowPhase;
  project: Project | null;
  criteria: Criterion[];
  /** Project id → criterion id → this judge's score. */
  myScores: Record<string, Record<string, number>>;
}
