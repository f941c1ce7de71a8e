import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regions } from '../reference/regions.js';

export interface StaffMember {
  id: number;
  name: string;
  role: string;
  /** Their bureau's region (null: an admin, or a user without a bureau). */
  regionCode: string | null;
}

/** Staff users with their bureau's region, for other modules (a chain's 链长). */
@Injectable()
export class StaffQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** An active user by id with their bureau's region, or null. */
  async active(id: number): Promise<StaffMember | null> {
    const [u]: Array<{ id: number; name: string; role: string; region_code: string | null }> = await this.dataSource.query(
      `SELECT u.id, u.name, u.role, b.region_code FROM app_user u LEFT JOIN bureau b ON b.id = u.bureau_id WHERE u.id = $1 AND u.active`,
      [id],
    );
    return u ? { id: u.id, name: u.name, role: u.role, regionCode: u.region_code } : null;
  }

  /** Active officers and bureau leads whose bureau covers the region (its own or an ancestor's), by name (first 200). */
  async officersCovering(regionCode: string): Promise<StaffMember[]> {
    const rows: Array<{ id: number; name: string; role: string; region_code: string }> = await this.dataSource.query(
      `SELECT u.id, u.name, u.role, b.region_code FROM app_user u JOIN bureau b ON b.id = u.bureau_id
        WHERE u.active AND u.role IN ('officer', 'bureau_lead') AND b.region_code = ANY($1::char(6)[]) ORDER BY u.name, u.id LIMIT 200`,
      [regions().path(regionCode)],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, regionCode: r.region_code }));
  }
}
