/** Runtime configuration: the console is built once and told where its API is by /config.json. */
export interface RuntimeConfig {
  apiBaseUrl: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const body = (await response.json()) as Partial<RuntimeConfig>;
  if (typeof body.apiBaseUrl !== "string" || !body.apiBaseUrl) throw new Error("/config.json has no apiBaseUrl");
  return { apiBaseUrl: body.apiBaseUrl.replace(/\/+$/, "") };
}
