import { Column, Entity, PrimaryColumn } from 'typeorm';

/** GB/T 4754-2017 industry (门类 › 大类 › 中类 › 小类). */
@Entity('industry')
export class Industry {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'varchar', length: 5, nullable: true })
  parentCode: string | null;
}
