// How the client reads (type-checked by `make sdk-check`, never run): search a world as of
// chapter 2; a Problem (400, 404) comes back in `error`, typed too.
import { lorebaseClient } from "./index";

export async function firstMeeting(baseUrl: string, token: string, worldId: string) {
  const api = lorebaseClient(baseUrl, token);
  const { data, error } = await api.GET("/api/v1/worlds/{world_id}/search/", {
    params: { path: { world_id: worldId }, query: { q: "where did Anya and Kay meet", as_of_chapter: 2 } },
  });
  if (error) throw new Error(`${error.code}: ${error.detail}`);
  return data.results[0]?.title;
}
