import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type WorkflowView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetWorkflow } from './get-workflow.js';

@Controller()
export class GetWorkflowHandler {
  constructor(private readonly getWorkflow: GetWorkflow) {}

  @OnRpc(Rpc.routing.getWorkflow)
  handle(@Payload() query: { caseNo: string }): Promise<WorkflowView> {
    return this.getWorkflow.execute(query);
  }
}
