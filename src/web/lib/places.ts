import type { PlaceNode } from '../api/types';

export interface FlatPlace {
  id: string;
  level: PlaceNode['level'];
  name: string;
  /** Names from the top of the caller's tree down to this place. */
  path: string[];
  parentId: string | null;
  streetId: string | null;
  communityId: string | null;
}

/** Flattens the caller's part of the hierarchy so selects and filters can use it. */
export function flattenPlaces(nodes: PlaceNode[] | undefined): FlatPlace[] {
  const out: FlatPlace[] = [];
  const walk = (list: PlaceNode[], path: string[], parentId: string | null, streetId: string | null, communityId: string | null) => {
    for (const node of list) {
      const sId = node.level === 'street' ? node.id : streetId;
      const cId = node.level === 'community' ? node.id : communityId;
      const nodePath = [...path, node.name];
      out.push({ id: node.id, level: node.level, name: node.name, path: nodePath, parentId, streetId: sId, communityId: cId });
      if (node.children?.length) walk(node.children, nodePath, node.id, sId, cId);
    }
  };
  walk(nodes ?? [], [], null, null, null);
  return out;
}

export function placesOfLevel(nodes: PlaceNode[] | undefined, level: PlaceNode['level']): FlatPlace[] {
  return flattenPlaces(nodes).filter((p) => p.level === level);
}

/**
 * Ids of the nodes that should start expanded: the district and its streets; the communities only
 * when they are the top of the caller's tree (opening a community loads its quarters).
 */
export function expandableKeys(nodes: PlaceNode[] | undefined): string[] {
  const topIsCommunity = nodes?.[0]?.level === 'community';
  return flattenPlaces(nodes)
    .filter((p) => p.level === 'district' || p.level === 'street' || (topIsCommunity && p.level === 'community'))
    .map((p) => p.id);
}
