import type { Server } from "http";

export function serveStatic(root: string, port?: number, host?: string): Promise<{ server: Server; port: number; url: string }>;
