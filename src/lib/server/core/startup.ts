// What a starting process is doing (migrations, the municipality register, the demo seed), read by
// server.ts's "starting" page. Kept on globalThis: server.ts and the built app load separate copies
// of this module.
const key = '__tablicaStartupStage';

export function reportStartup(stage: string): void {
	(globalThis as Record<string, unknown>)[key] = stage;
}

export function startupStage(): string {
	return ((globalThis as Record<string, unknown>)[key] as string | undefined) ?? 'Przygotowanie bazy danych…';
}
