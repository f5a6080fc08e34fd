import { Controller } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Payload } from '@nestjs/microservices';
import { Rpc, type CenterView, type DepartmentView, type ServiceItem } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { CatalogRepository } from './catalog.repository.js';
import { CenterRepository } from './center.repository.js';

@Controller()
export class CatalogHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly centerRepository: CenterRepository,
  ) {}

  @OnRpc(Rpc.intake.listItems)
  list(): Promise<ServiceItem[]> {
    return this.catalog.listItems();
  }

  @OnRpc(Rpc.intake.getItem)
  get(@Payload() q: { code: string }): Promise<ServiceItem> {
    return this.catalog.getItem(String(q.code ?? ''));
  }

  @OnRpc(Rpc.intake.listDepartments)
  departments(): Promise<DepartmentView[]> {
    return this.catalog.listDepartments(this.ds.manager);
  }

  @OnRpc(Rpc.intake.listCenters)
  centers(): Promise<CenterView[]> {
    return this.centerRepository.list();
  }
}
