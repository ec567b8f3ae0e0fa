import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import {
  assertVersion,
  escapeLike,
  expectedVersion,
  Page,
  paginate,
  Problems,
} from '@werkbrug/http';
import {
  CreateOrganisationDto,
  OrganisationListQuery,
  OrganisationView,
  toOrganisationView,
  UpdateOrganisationDto,
} from './organisation.dto';
import { Organisation } from './organisation.entity';

const SORTABLE = {
  createdAt: { column: 'o.createdAt', read: (o: Organisation) => o.createdAt },
  name: { column: 'o.name', read: (o: Organisation) => o.name },
};

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Admins see all organisations; everyone else only their own. */
  private scoped(actor: Actor, manager: EntityManager = this.db.manager) {
    const qb = manager.getRepository(Organisation).createQueryBuilder('o');
    if (actor.role !== 'admin') qb.andWhere('o.id = :own', { own: actor.organisationId });
    return qb;
  }

  list(actor: Actor, query: OrganisationListQuery): Promise<Page<OrganisationView>> {
    const qb = this.scoped(actor);
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.name)
      qb.andWhere(`o.name ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(query.name)}%` });
    return paginate(qb, query, SORTABLE, 'name', toOrganisationView);
  }

  async get(actor: Actor, id: string): Promise<OrganisationView> {
    const org = await this.scoped(actor).andWhere('o.id = :id', { id }).getOne();
    if (!org) throw Problems.notFound('Organisation');
    return toOrganisationView(org);
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Organisation);
      const name = dto.name.trim();
      if (await repo.exists({ where: { name } }))
        throw Problems.duplicate('An organisation with this name already exists.');
      return toOrganisationView(
        await repo.save(
          repo.create({
            kind: dto.kind,
            name,
            region: dto.region?.trim() ?? '',
            contactName: dto.contactName?.trim() ?? '',
            contactEmail: dto.contactEmail?.trim().toLowerCase() ?? '',
            contactPhone: dto.contactPhone?.trim() ?? '',
          }),
        ),
      );
    });
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateOrganisationDto,
    ifMatch?: number,
  ): Promise<OrganisationView> {
    const expected = expectedVersion(ifMatch, dto.version);
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Organisation);
      const org = await this.scoped(actor, em)
        .andWhere('o.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!org) throw Problems.notFound('Organisation');
      assertVersion(org.version, expected);
      if (dto.name !== undefined) {
        const name = dto.name.trim();
        const clash = await repo
          .createQueryBuilder('o')
          .where('o.name = :name AND o.id <> :id', { name, id })
          .getExists();
        if (clash) throw Problems.duplicate('An organisation with this name already exists.');
        org.name = name;
      }
      if (dto.region !== undefined) org.region = dto.region.trim();
      if (dto.contactName !== undefined) org.contactName = dto.contactName.trim();
      if (dto.contactEmail !== undefined) org.contactEmail = dto.contactEmail.trim().toLowerCase();
      if (dto.contactPhone !== undefined) org.contactPhone = dto.contactPhone.trim();
      return toOrganisationView(await repo.save(org));
    });
  }
}
