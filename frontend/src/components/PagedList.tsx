import { Button, List, type ListProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** The part of a TanStack infinite query that loads the next cursor page. */
export interface NextPage {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a cursor-paged list or table; nothing once the last page is in. */
export function LoadMoreButton({ pages, className }: { pages: NextPage; className?: string }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <Button block size="large" className={className} loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
      {t('common.loadMore')}
    </Button>
  );
}

/** An antd List of the items of an infinite query's pages so far, with "load more" under it. */
export function PagedList<T>({ pages, ...list }: ListProps<T> & { pages: NextPage }) {
  return (
    <>
      <List<T> {...list} />
      <LoadMoreButton pages={pages} />
    </>
  );
}
