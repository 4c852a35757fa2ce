export const SUPPORTED_NODE_MAJOR: number;
export function isSupportedNode(version: string): boolean;
export function unsupportedNodeMessage(command: string, version: string): string;
export function exitUnlessSupportedNode(command: string): void;
