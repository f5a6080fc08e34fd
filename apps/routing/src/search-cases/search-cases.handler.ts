import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type CaseSearchPage, type CaseSearchQuery } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { SearchCases } from './search-cases.js';

@Controller()
export class SearchCasesHandler {
  constructor(private readonly searchCases: SearchCases) {}

  @OnRpc(Rpc.routing.searchCases)
  handle(@Payload() q: CaseSearchQuery): Promise<CaseSearchPage> {
    return this.searchCases.execute(q ?? {});
  }
}
