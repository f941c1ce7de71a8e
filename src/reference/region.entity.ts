import { Column, Entity, PrimaryColumn } from 'typeorm';

/** GB/T 2260 region (province › city › county). `path` holds the codes from the province down. */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'char', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'char', length: 6, nullable: true })
  parentCode: string | null;

  @Column({ type: 'char', length: 6, array: true })
  path: string[];
}
