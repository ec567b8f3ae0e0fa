import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROUTES } from '@werkbrug/domain';
import {
  DECIDED_BY,
  GOAL_STATUSES,
  TRAJECTORY_OUTCOMES,
  TRAJECTORY_STATUSES,
  WORK_FORMS,
} from './vocabulary';

export class FormDetailsView {
  @ApiPropertyOptional({ nullable: true }) jobcoachName!: string | null;
  @ApiPropertyOptional({ nullable: true }) vacancyId!: string | null;
  @ApiPropertyOptional({ nullable: true }) workplace!: string | null;
}

export class TrajectoryRuleView {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() diagnosisHours!: number;
  @ApiProperty() blockHours!: number;
  @ApiProperty() maxHours!: number;
  @ApiProperty() warnWithinHours!: number;
  @ApiProperty() validFrom!: string;
  @ApiProperty({ nullable: true }) validTo!: string | null;
  @ApiProperty({ description: 'The last day the rule is known to hold' }) knownUntil!: string;
  @ApiProperty() source!: string;
}

export class HoursWeekView {
  @ApiProperty() weekStart!: string;
  @ApiProperty() hours!: number;
  @ApiProperty({ nullable: true }) overrideReason!: string | null;
  @ApiProperty() loggedBy!: string;
}

export class HoursView {
  @ApiProperty({
    type: TrajectoryRuleView,
    nullable: true,
    description: 'The rule in force at the start; null: the organisation has no hour rule',
  })
  rule!: TrajectoryRuleView | null;
  @ApiProperty() used!: number;
  @ApiProperty({ nullable: true }) left!: number | null;
  @ApiProperty({ enum: ['diagnose', 'blok', 'einde'], nullable: true }) phase!: string | null;
  @ApiProperty({ nullable: true }) block!: number | null;
  @ApiProperty({ nullable: true }) phaseEndsAt!: number | null;
  @ApiProperty({ nullable: true }) hoursToPhaseEnd!: number | null;
  @ApiProperty() evaluationNear!: boolean;
  @ApiProperty() endNear!: boolean;
  @ApiProperty() limitReached!: boolean;
  @ApiProperty({ type: [HoursWeekView] }) weeks!: HoursWeekView[];
}

export class LearningGoalView {
  @ApiProperty() id!: string;
  @ApiProperty() trajectoryId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: GOAL_STATUSES }) status!: string;
  @ApiProperty({ nullable: true }) evaluationDate!: string | null;
  @ApiProperty() version!: number;
}

export class TransitionView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: WORK_FORMS, nullable: true }) fromForm!: string | null;
  @ApiProperty({ type: FormDetailsView }) fromDetails!: FormDetailsView;
  @ApiProperty({ enum: WORK_FORMS }) toForm!: string;
  @ApiProperty({ type: FormDetailsView }) toDetails!: FormDetailsView;
  @ApiProperty() switchedOn!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: DECIDED_BY }) decidedBy!: string;
  @ApiProperty({ description: 'A move back to a form held earlier in this trajectory' })
  isReturn!: boolean;
}

export class EarlierFormView {
  @ApiProperty({ enum: WORK_FORMS }) form!: string;
  @ApiProperty({ type: FormDetailsView, description: 'Offered again when the person returns' })
  details!: FormDetailsView;
  @ApiProperty() leftOn!: string;
}

export class TrajectoryCandidateRef {
  @ApiProperty() id!: string;
  @ApiProperty() pseudonym!: string;
}

export class TrajectorySummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: TrajectoryCandidateRef }) candidate!: TrajectoryCandidateRef;
  @ApiProperty() organisationId!: string;
  @ApiProperty() werkmakelaarId!: string;
  @ApiProperty({ enum: ROUTES }) route!: string;
  @ApiProperty({ description: 'Gemeente of residence at the start' }) gemeente!: string;
  @ApiProperty({ nullable: true }) werksoort!: string | null;
  @ApiProperty({ enum: WORK_FORMS, nullable: true }) form!: string | null;
  @ApiProperty({ type: FormDetailsView }) formDetails!: FormDetailsView;
  @ApiProperty() startDate!: string;
  @ApiProperty({ enum: TRAJECTORY_STATUSES }) status!: string;
  @ApiProperty({ nullable: true }) endDate!: string | null;
  @ApiProperty({ enum: TRAJECTORY_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty() movedAway!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class TrajectoryView extends TrajectorySummaryView {
  @ApiProperty({ nullable: true }) endNote!: string | null;
  @ApiProperty({ type: HoursView }) hours!: HoursView;
  @ApiProperty({ type: [LearningGoalView], description: 'Plan van aanpak: learning goals' })
  goals!: LearningGoalView[];
  @ApiProperty({ type: [TransitionView] }) transitions!: TransitionView[];
  @ApiProperty({
    type: [EarlierFormView],
    description: 'Forms held earlier in this trajectory, one step away (Simpel Switchen)',
  })
  earlierForms!: EarlierFormView[];
}

export class TrajectoryList {
  @ApiProperty({ type: [TrajectorySummaryView] }) items!: TrajectorySummaryView[];
}

export class LadderMeasurementView {
  @ApiProperty() id!: string;
  @ApiProperty({ minimum: 1, maximum: 6 }) rung!: number;
  @ApiProperty() label!: string;
  @ApiProperty() measuredOn!: string;
  @ApiProperty() byUserId!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true }) trajectoryId!: string | null;
}

export class LadderStepView {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() on!: string;
  @ApiProperty({ enum: ['omhoog', 'omlaag'] }) direction!: string;
}

export class LadderHistoryView {
  @ApiProperty() candidateId!: string;
  @ApiProperty({ type: [LadderMeasurementView], description: 'Oldest first' })
  measurements!: LadderMeasurementView[];
  @ApiProperty({ type: [LadderStepView], description: 'The path up and down the ladder' })
  path!: LadderStepView[];
  @ApiProperty({ nullable: true }) currentRung!: number | null;
  @ApiProperty({ nullable: true, description: 'Six months after the last measurement' })
  nextDueOn!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class LadderOverdueItem {
  @ApiProperty() candidateId!: string;
  @ApiProperty() pseudonym!: string;
  @ApiProperty({ nullable: true }) lastMeasuredOn!: string | null;
  @ApiProperty({ nullable: true }) dueOn!: string | null;
}

export class LadderOverdueList {
  @ApiProperty({ type: [LadderOverdueItem] }) items!: LadderOverdueItem[];
}

export class TrajectoryRuleList {
  @ApiProperty({ type: [TrajectoryRuleView] }) items!: TrajectoryRuleView[];
}
