/**
 * The fifteen dispute types of people's-mediation statistics (DOMAIN.md), in report order. Names
 * in every locale are in locales/<lng>/reference.json under `disputeType.<code>`.
 */
export const DISPUTE_TYPES = [
  'marriage_family', // 婚姻家庭
  'neighbourhood', // 邻里
  'housing_homestead', // 房屋宅基地
  'contract', // 合同
  'business_operation', // 生产经营
  'damages', // 损害赔偿
  'forest_land', // 山林土地
  'land_requisition', // 征地拆迁
  'pollution', // 环境污染
  'labour', // 劳动争议 (including unpaid wages)
  'consumer', // 消费
  'medical', // 医疗
  'road_traffic', // 道路交通事故
  'property_management', // 物业
  'other', // 其他
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export function isDisputeType(value: unknown): value is DisputeType {
  return typeof value === 'string' && (DISPUTE_TYPES as readonly string[]).includes(value);
}
