/** 招商资讯: an article's life. Staff write drafts and publish; submissions (投稿) wait for the region's officers. */
export const ARTICLE_STATUSES = { draft: '草稿', submitted: '待审核', published: '已发布', rejected: '已退回' } as const;
export type ArticleStatus = keyof typeof ARTICLE_STATUSES;
export const articleStatuses = Object.keys(ARTICLE_STATUSES) as [ArticleStatus, ...ArticleStatus[]];

/** Who wrote it: a bureau's staff, or someone who sent it in (投稿: enterprise user, staff of another region, guest). */
export const ARTICLE_ORIGINS = { staff: '招商部门发布', submission: '投稿' } as const;
export type ArticleOrigin = keyof typeof ARTICLE_ORIGINS;

/** Only a submission waiting for review can be approved or rejected. */
export function moderationProblem(status: ArticleStatus, confirmed: boolean): string | null {
  if (status !== 'submitted') return `该稿件${ARTICLE_STATUSES[status]}，不在待审核状态`;
  if (!confirmed) return '投稿人尚未通过邮件确认该投稿';
  return null;
}
