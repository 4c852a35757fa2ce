import { useMemo } from 'react';
import { Empty, Tree, type TreeDataNode } from 'antd';
import { BankOutlined, ClusterOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import type { PlaceNode } from '../api/types';
import { expandableKeys } from '../lib/places';

const ICONS: Record<PlaceNode['level'], React.ReactNode> = {
  district: <BankOutlined />,
  street: <ClusterOutlined />,
  community: <EnvironmentOutlined />,
  quarter: <HomeOutlined />,
};

/** A node is a leaf when it has nothing below it: a quarter, or a community whose quarters are none. */
export const isPlaceLeaf = (n: PlaceNode) => (n.level === 'community' ? !n.children.length && !n.quarterCount : !n.children.length);

function toTreeData(nodes: PlaceNode[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: n.name,
    icon: ICONS[n.level],
    isLeaf: isPlaceLeaf(n),
    children: n.children?.length ? toTreeData(n.children) : undefined,
  }));
}

/**
 * district › street › community › quarter, as far as the caller's scope reaches. A community's
 * quarters come from `loadCommunity` when it is opened (usePlacesTree).
 */
export function PlaceTree({
  nodes,
  selectedId,
  onSelect,
  loadCommunity,
  testId,
}: {
  nodes: PlaceNode[] | undefined;
  selectedId?: string;
  onSelect: (node: PlaceNode | null) => void;
  loadCommunity?: (communityId: string) => Promise<void>;
  testId: string;
}) {
  const data = useMemo(() => toTreeData(nodes ?? []), [nodes]);
  const byId = useMemo(() => {
    const map = new Map<string, PlaceNode>();
    const walk = (list: PlaceNode[]) => list.forEach((n) => (map.set(n.id, n), n.children && walk(n.children)));
    walk(nodes ?? []);
    return map;
  }, [nodes]);
  const expanded = useMemo(() => expandableKeys(nodes), [nodes]);

  if (!nodes?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid={testId}>
      <Tree
        showIcon
        blockNode
        // Keyed on the node list so a new street or community opens up as soon as it appears.
        key={expanded.join(',')}
        defaultExpandedKeys={expanded}
        selectedKeys={selectedId ? [selectedId] : []}
        treeData={data}
        loadData={loadCommunity ? async (node) => (byId.get(String(node.key))?.level === 'community' ? loadCommunity(String(node.key)) : undefined) : undefined}
        onSelect={(keys) => onSelect(keys.length ? byId.get(String(keys[0])) ?? null : null)}
      />
    </div>
  );
}
