import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, Empty, SearchBar } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import { FilterChips } from '../../../components/FilterChips';
import { LoadState } from '../../../components/LoadState';
import { MemberRow } from '../../../components/MemberRow';
import { StatBar } from '../../../components/StatBar';
import { useAction } from '../../../hooks/useAction';
import { countRoster, filterMembers, groupNamesOf } from '../lib/roster-filter';
import { useRosterChanged } from '../lib/roster-changed';
import { ADMIN_PAGES } from '../lib/routes';
import './index.scss';

/** Rows drawn at a time: a mini-program slows down with thousands of cells on one page. */
const PAGE_SIZE = 100;

export default function RosterPage() {
  const roster = useAction('roster.list', {});
  const [text, setText] = useState('');
  const [groupName, setGroupName] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);

  useRosterChanged(() => void roster.reload());

  const members = useMemo(() => roster.data?.members ?? [], [roster.data]);
  const groups = useMemo(() => groupNamesOf(members), [members]);
  const counts = useMemo(() => countRoster(members), [members]);
  const matches = useMemo(() => filterMembers(members, { text, groupName }), [members, text, groupName]);
  const isChair = roster.data?.canEdit === true;
  const filtering = text.trim() !== '' || groupName !== null;

  const search = (value: string) => {
    setText(value);
    setShown(PAGE_SIZE);
  };
  const chooseGroup = (value: string | null) => {
    setGroupName(value);
    setShown(PAGE_SIZE);
  };
  const retry = () => roster.reload();
  const goImport = () => void Taro.navigateTo({ url: ADMIN_PAGES.import });

  return (
    <View className="page roster">
      <LoadState
        loading={roster.loading && !roster.data}
        error={roster.error}
        onRetry={retry}
        empty={members.length === 0}
        emptyText="名册里还没有会员"
        emptyAction={
          isChair ? (
            <Button type="primary" onClick={goImport}>
              导入名册
            </Button>
          ) : (
            <Text className="roster__note">请工会主席先导入名册。</Text>
          )
        }
      >
        <View className="card roster__head">
          <StatBar
            stats={[
              { label: '会员', value: counts.total },
              { label: '已绑定', value: counts.bound },
              { label: '未绑定', value: counts.unbound, tone: counts.unbound > 0 ? 'warning' : 'normal' },
              { label: '教代会代表', value: counts.delegates },
            ]}
          />
          {isChair && (
            <View className="roster__actions">
              <Button type="primary" size="small" fill="outline" onClick={goImport}>
                导入名册
              </Button>
              <Button type="primary" size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: ADMIN_PAGES.groups })}>
                工会小组
              </Button>
            </View>
          )}
        </View>

        <SearchBar className="roster__search" shape="round" placeholder="搜索姓名或工号" value={text} onChange={search} onClear={() => search('')} />
        {groups.length > 1 && <FilterChips options={groups} value={groupName} onChange={chooseGroup} allLabel="全部小组" />}

        {filtering && <Text className="roster__found">找到 {matches.length} 人</Text>}
        {matches.length === 0 ? (
          <Empty status="empty" title="没有找到匹配的会员" description="换个姓名或工号试试" />
        ) : (
          <Cell.Group className="roster__list">
            {matches.slice(0, shown).map((member) => (
              <MemberRow
                key={member.staffNo}
                member={member}
                onOpen={isChair ? () => void Taro.navigateTo({ url: ADMIN_PAGES.member(member.staffNo) }) : undefined}
              />
            ))}
          </Cell.Group>
        )}
        {matches.length > shown && (
          <Button className="roster__more" block fill="none" onClick={() => setShown(shown + PAGE_SIZE)}>
            显示更多（还有 {matches.length - shown} 人）
          </Button>
        )}
        {!isChair && <Text className="roster__note">会员角色由工会主席设置，如需修改请联系工会主席。</Text>}
      </LoadState>
    </View>
  );
}
