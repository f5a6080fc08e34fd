import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AppError, ErrorCodes, Rpc, type FeeEstimate, type FeeEstimateRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { applicantCategoriesOf, assessFees, FeeRuleError, totalFen } from '../assess-fees/fee-rules.js';

/**
 * The estimate (预计收费) intake shows at acceptance: the very rules the assessment applies when the acceptance event
 * arrives, on the same data, so the estimate and the notice cannot disagree. Nothing is stored.
 */
@Controller()
export class EstimateFeesHandler {
  @OnRpc(Rpc.fees.estimate)
  estimate(@Payload() req: FeeEstimateRequest): FeeEstimate {
    if (!req || !Array.isArray(req.fees) || typeof req.form !== 'object' || req.form === null) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'fees', rule: 'required', message: 'fees (the item version rules) and form are required' }]);
    }
    try {
      const lines = assessFees(req.fees, req.form, applicantCategoriesOf(req.form), req.formFields ?? []);
      return { lines, totalFen: totalFen(lines) };
    } catch (e) {
      if (e instanceof FeeRuleError) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'fees', rule: 'feeRule', message: e.message }]);
      throw e;
    }
  }
}
