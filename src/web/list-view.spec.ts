import { listLink, listModel, listQuery, listState, pageNumbers, sortHeader } from './list-view.js';

describe('list view (page numbers, page size, sortable columns)', () => {
  it('reads page, size and order from the URL, falling back to defaults on junk', () => {
    expect(listState({ page: '3', pageSize: '50', order: '-name' }, { orders: ['name'] })).toEqual({
      page: 3,
      pageSize: 50,
      order: '-name',
      defaultSize: 20,
    });
    expect(listState({ page: 'x', pageSize: '7', order: 'drop table' }, { orders: ['name'], pageSize: 30 })).toEqual({
      page: 1,
      pageSize: 30,
      order: '',
      defaultSize: 30,
    });
    expect(listQuery(listState({ order: 'name' }, { orders: ['name'] }))).toEqual({ page: '1', pageSize: '20', order: 'name' });
  });

  it('offers the first, last and nearby page numbers with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
  });

  it('links keep the filters and leave defaults out', () => {
    const list = listModel('/console/x', { q: '钢' }, { total: 100, page: 2, pageSize: 20 }, { order: 'name', defaultSize: 20 });
    expect(listLink(list, { page: 1 })).toEqual({ q: '钢', order: 'name', pageSize: undefined, page: undefined });
    expect(listLink(list, { pageSize: 50, page: 1 })).toMatchObject({ pageSize: 50 });
  });

  it('a header toggles ascending → descending and says which it is', () => {
    const list = listModel('/x', {}, { total: 0, page: 1, pageSize: 20 }, { order: 'name' });
    expect(sortHeader(list, 'name')).toEqual({ order: '-name', ariaSort: 'ascending' });
    expect(sortHeader({ ...list, order: '-name' }, 'name')).toEqual({ order: 'name', ariaSort: 'descending' });
    expect(sortHeader(list, 'score', true)).toEqual({ order: '-score', ariaSort: null });
  });
});
