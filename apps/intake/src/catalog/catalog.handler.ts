import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type CenterView, type DepartmentView, type ServiceItem } from '#libs/contracts';
import { CatalogQueries } from './catalog-queries.js';

@Controller()
export class CatalogHandler {
  constructor(private readonly catalog: CatalogQueries) {}

  @MessagePattern(Rpc.intake.listItems)
  list(): Promise<ServiceItem[]> {
    return this.catalog.listItems();
  }

  @MessagePattern(Rpc.intake.getItem)
  get(@Payload() q: { code: string }): Promise<ServiceItem> {
    return this.catalog.getItem(String(q.code ?? ''));
  }

  @MessagePattern(Rpc.intake.listDepartments)
  departments(): Promise<DepartmentView[]> {
    return this.catalog.listDepartments();
  }

  @MessagePattern(Rpc.intake.listCenters)
  centers(): Promise<CenterView[]> {
    return this.catalog.listCenters();
  }
}
