import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type CaseSearchPage, type CaseSearchQuery } from '#libs/contracts';
import { SearchCases } from './search-cases.js';

@Controller()
export class SearchCasesHandler {
  constructor(private readonly searchCases: SearchCases) {}

  @MessagePattern(Rpc.routing.searchCases)
  handle(@Payload() q: CaseSearchQuery): Promise<CaseSearchPage> {
    return this.searchCases.run(q ?? {});
  }
}
